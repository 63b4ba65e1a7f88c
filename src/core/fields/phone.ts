/**
 * Phone numbers, with libphonenumber-js and its "max" metadata. Measured (esbuild, minified): a parse +
 * isValid bundle is 121 KB with "min" and 194 KB with "max" (+73 KB in Code.js). We take max for
 * accuracy: min only checks a country's possible lengths, and in China fixed lines have 10–12 digits, so
 * min accepts the commonest typo of a Chinese client list, a mobile with a digit missing or doubled
 * (138-0013-800, +86 138 0013 80001), and even a date (2024-01-05 → +8620240105). Max checks the digit
 * patterns per number type and rejects all three, while still accepting fictional-but-well-formed numbers
 * like (415) 555-0132. The metadata ships as JSON text, parsed by the first phone an execution reads
 * (phone-metadata.ts), so it costs the bundle 107 KB of string and no parse time on executions without phones.
 *
 * Accepted: +86 138 0013 8000, 138-0013-8000 (region CN), (415) 555-0132 (region US), 0044 20 7946 0958
 * (international '00' prefix, read as '+' whatever the region), full-width digits, labels like 'Tel:' or
 * '手机：', extensions (ext. 12, x12, #12, 转12, 分机12). Numbers without a country code are read in the
 * context's candidate regions (readPhone), else its region. The typed value and the canonical form is E.164 ('+8613800138000'), with
 * ' ext. 12' appended when there is an extension.
 *
 * Display format '@' (plain text) so Sheets keeps '+86…' and leading zeros. Sheets has no phone rule in
 * data validation (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder),
 * so the column gets a custom formula on allowed characters and length: optional '+', then 5–25 digits,
 * spaces, dots, dashes and parentheses, then an optional extension. It is a typing guard; parse decides.
 */
import {
  Metadata,
  getCountryCallingCode as libCallingCode,
  isSupportedCountry as libSupported,
  parsePhoneNumberFromString as libParse,
} from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import { phoneMetadata } from './phone-metadata';
import { allowBlank, defineType, fail } from './define';
import type { ParseResult, TypeContext } from './types';
import { cellText, stripInvisible, toHalfWidth } from './util';

const E164 = /^\+[1-9]\d{6,14}$/;
const EXT_WORDS = /\s*(?:转|轉|分机|分機|ext\.?|extension|x|#)\s*(\d{1,7})\s*$/i;
const LABEL = /^[^\d+(]{1,12}?[:：]\s*/;
const DATE_LIKE = /^\s*\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*$/;

// libphonenumber-js's core functions with the lazily parsed metadata (the "max" set less its national
// formats: see phone-metadata.ts).
const isSupportedCountry = (r: string): boolean => libSupported(r as CountryCode, phoneMetadata());
const getCountryCallingCode = (c: CountryCode): string => libCallingCode(c, phoneMetadata());
const parsePhoneNumberFromString = (text: string, country?: CountryCode) =>
  country ? libParse(text, country, phoneMetadata()) : libParse(text, phoneMetadata());

const regionCache = new Map<string, CountryCode | undefined>();
function countryOf(ctx: TypeContext): CountryCode | undefined {
  const r = ctx.region.toUpperCase();
  if (!regionCache.has(r)) regionCache.set(r, isSupportedCountry(r) ? (r as CountryCode) : undefined);
  return regionCache.get(r);
}

export interface PhoneParts { e164: string; ext?: string }

/**
 * libphonenumber's text parser costs 20–60 µs a number; validation, inference and cleanup may read the
 * same cell in one execution, so results are memoized (bounded; cleared when full).
 */
const memo = new Map<string, Map<string, PhoneParts | null>>();
let memoSize = 0;
const MEMO_MAX = 200_000;

/**
 * The checks of `new PhoneNumber(e164).isValid()` (libphonenumber-js 1.13: PhoneNumber.js, isValid.js,
 * helpers/getNumberType.js, helpers/extractCountryCallingCode.js), on the same "max" metadata, with each
 * pattern compiled once: the library builds a new RegExp for every test (helpers/matchesEntirely.js,
 * ~2.5 µs each), which made phones most of a 100k-row check. Same answers by construction (the same
 * metadata accessors, the same order of checks); test/core/fields/phone-fast.test.ts compares the two.
 */
interface TypeCheck { re: RegExp; lengths: readonly number[] | undefined }
interface PlanCheck {
  national: RegExp | null;
  types: TypeCheck[] | null;
  /** national_prefix_for_parsing (or national_prefix), anchored at the start; null when none. */
  npp: RegExp | null;
  lengths: readonly number[] | undefined;
  leading: RegExp | null;
  idd: RegExp | null;
}
interface PlanLike {
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  nationalPrefixForParsing(): string | undefined;
  possibleLengths(): number[] | undefined;
  leadingDigits(): string | undefined;
  IDDPrefix(): string | undefined;
}
interface MetadataLike { hasCallingCode(cc: string): boolean; selectNumberingPlan(key: string): void; numberingPlan?: unknown }

/** getNumberType's order: fixed line first, then the others (NON_FIXED_LINE_PHONE_TYPES). */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const whole = (pattern: string): RegExp => new RegExp('^(?:' + pattern + ')$');
const start = (pattern: string | undefined): RegExp | null => (pattern ? new RegExp('^(?:' + pattern + ')') : null);
let metadata: MetadataLike | null = null;
const plans = new Map<string, PlanCheck>();

function md(): MetadataLike {
  if (!metadata) metadata = new (Metadata as unknown as new (json: unknown) => MetadataLike)(phoneMetadata());
  return metadata;
}

/** The numbering plan of a calling code (its main country) or of a country, patterns compiled once. */
function planFor(key: string): PlanCheck {
  let p = plans.get(key);
  if (p) return p;
  const m = md();
  m.selectNumberingPlan(key);
  const plan = m.numberingPlan as PlanLike;
  const types: TypeCheck[] = [];
  for (const t of NUMBER_TYPES) {
    const td = plan.type(t);
    const pattern = td?.pattern();
    if (td && pattern) types.push({ re: whole(pattern), lengths: td.possibleLengths() });
  }
  p = {
    national: whole(plan.nationalNumberPattern()),
    types: plan.hasTypes() ? types : null,
    npp: start(plan.nationalPrefixForParsing()),
    lengths: plan.possibleLengths(),
    leading: start(plan.leadingDigits()),
    // stripIddPrefix: `new RegExp(IDDPrefix)` must match at index 0; with no IDD prefix nothing is stripped.
    idd: start(plan.IDDPrefix()),
  };
  plans.set(key, p);
  return p;
}

/** isValid on a plan: with types, getNumberType(...) !== undefined; without, the national pattern alone. */
function validIn(plan: PlanCheck, nn: string): boolean {
  if (!plan.national || !plan.national.test(nn)) return false;
  if (plan.types) return plan.types.some((t) => (!t.lengths || t.lengths.indexOf(nn.length) >= 0) && t.re.test(nn));
  return true;
}

/** A '+digits' string checked without the text parser; null when not valid. */
export function validE164(plusDigits: string): string | null {
  if (!E164.test(plusDigits)) return null;
  const metadata = md();
  // extractCountryCallingCode: calling codes are prefix-free, the first one found (1 to 3 digits) is it.
  let cc = '';
  for (let i = 2; i - 1 <= 3 && i <= plusDigits.length; i++) {
    const c = plusDigits.slice(1, i);
    if (metadata.hasCallingCode(c)) { cc = c; break; }
  }
  const nn = cc ? plusDigits.slice(cc.length + 1) : '';
  if (!nn) return null; // the library throws: no calling code, or nothing after it
  return validIn(planFor(cc), nn) ? plusDigits : null;
}

/**
 * `parsePhoneNumberFromString(digits, country)` → valid E.164 or null, for digits without a '+', by the
 * library's own steps (parse.js → extractCountryCallingCode → stripIddPrefix /
 * extractCountryCallingCodeFromInternationalNumberWithoutPlusSign → extractNationalNumber →
 * getCountryByCallingCode → isValid) on patterns compiled once. So the trunk prefix (US/CA '1',
 * CN/GB/DE/FR/JP '0', RU '8') comes from each country's national_prefix_for_parsing in the metadata, and
 * a number of an impossible length falls out by the same length checks. Returns undefined (the caller
 * runs the library) in the few branches not ported: an international (IDD) prefix like '011', a
 * national-prefix rule with a captured group (carrier codes, transform rules: BR, AR, MX…).
 * test/core/fields/phone-fast.test.ts compares the two. Measured per call (library → this): Chinese mobile
 * in a US table 41 → 3.9 µs, '1 415…' in US 26 → 1.1 µs, '0207…' in GB 21 → 0.4 µs, '8 912…' in RU 6 → 0.3 µs.
 */
interface CountryInfo { cc: string; group: readonly string[] }
const countryInfos = new Map<string, CountryInfo>();
function countryInfo(country: CountryCode): CountryInfo {
  let ci = countryInfos.get(country);
  if (ci) return ci;
  const cc = getCountryCallingCode(country);
  const group = (phoneMetadata() as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes[cc] ?? [country];
  ci = { cc, group };
  countryInfos.set(country, ci);
  return ci;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';
/** checkNumberLength (helpers/checkNumberLength.js) without a type. */
function checkLength(len: number, lengths: readonly number[] | undefined): LengthCheck {
  if (!lengths) return 'IS_POSSIBLE';
  const min = lengths[0] as number;
  if (min === len) return 'IS_POSSIBLE';
  if (min > len) return 'TOO_SHORT';
  if ((lengths[lengths.length - 1] as number) < len) return 'TOO_LONG';
  return lengths.indexOf(len, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

const planOrOwn = (country: string | undefined, own: PlanCheck): PlanCheck => (country ? planFor(country) : own);

/** extractNationalNumber (helpers/extractNationalNumber.js); undefined for a prefix with captured groups. */
function extractNational(num: string, plan: PlanCheck, group: readonly string[]): string | undefined {
  if (!plan.npp) return num;
  const m = plan.npp.exec(num);
  if (!m) return num;
  if (m.length > 1 && m[m.length - 1]) return undefined; // carrier code / transform rule: not ported
  const after = num.slice(m[0].length);
  if (after === num) return num;
  // shouldHaveExtractedNationalPrefix
  if (plan.national && plan.national.test(num) && !(plan.national.test(after))) return num;
  if (plan.lengths) {
    // checkNumberLength with the country getCountryByCallingCode(cc, after) finds, else the plan's own.
    const lengths = group.length === 1 ? plan.lengths : planOrOwn(countryByNational(after, group), plan).lengths;
    const r = checkLength(after.length, lengths);
    if (r === 'TOO_SHORT' || r === 'INVALID_LENGTH') return num;
  }
  return after;
}

/** getCountryByNationalNumber (helpers/getCountryByNationalNumber.js). */
function countryByNational(nn: string, group: readonly string[]): string | undefined {
  if (group.length === 1) return group[0];
  // The group's plans looked up once: a number not valid in North America tries all 25 of its countries.
  const ps = groupPlans(group);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as PlanCheck;
    if (p.leading) { if (p.leading.test(nn)) return group[i]; }
    else if (p.types && validIn(p, nn)) return group[i];
  }
  return undefined;
}

const plansOfGroup = new WeakMap<readonly string[], PlanCheck[]>();
function groupPlans(group: readonly string[]): PlanCheck[] {
  let ps = plansOfGroup.get(group);
  if (!ps) { ps = group.map((c) => planFor(c)); plansOfGroup.set(group, ps); }
  return ps;
}

export function nationalToE164(digits: string, country: CountryCode): string | null | undefined {
  const ci = countryInfo(country);
  const own = planFor(country);
  if (own.idd && own.idd.test(digits)) return undefined; // stripIddPrefix applies: not ported
  let number = digits;
  let ccFromNumber = false;
  if (digits.startsWith(ci.cc)) {
    // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: '8613800138000' in a CN table.
    const shorter = digits.slice(ci.cc.length);
    const nnShort = extractNational(shorter, own, ci.group);
    const nnFull = extractNational(digits, own, ci.group);
    if (nnShort === undefined || nnFull === undefined) return undefined;
    const nat = own.national;
    const natFull = nat ? nat.test(nnFull) : false;
    const natShort = nat ? nat.test(nnShort) : false;
    if ((!natFull && natShort) || checkLength(nnFull.length, own.lengths) === 'TOO_LONG') {
      ccFromNumber = true;
      number = shorter;
    }
  }
  if (!number) return null;
  // With the calling code taken from the number the library selects the calling code's main plan.
  const nn = extractNational(number, ccFromNumber ? planFor(ci.cc) : own, ci.group);
  if (nn === undefined) return undefined;
  if (nn.length < 2 || nn.length > 17) return null;
  const exact = countryByNational(nn, ci.group) ?? (ccFromNumber ? undefined : country);
  return validIn(planFor(exact ?? ci.cc), nn) ? '+' + ci.cc + nn : null;
}

/** Reads a phone number; null when it is not a valid one for its country. */
export function parsePhone(raw: string, ctx: TypeContext): PhoneParts | null {
  if (raw.length > 80) return null; // no phone number is that long (and keeps huge cells out of the memo)
  // One map per region, keyed by the cell's own text: no key string to build (and hash) per cell.
  let byText = memo.get(ctx.region);
  if (!byText) { byText = new Map(); memo.set(ctx.region, byText); }
  const hit = byText.get(raw);
  if (hit !== undefined) return hit;
  const r = parsePhoneUncached(raw, ctx);
  if (memoSize >= MEMO_MAX) { memo.clear(); memoSize = 0; byText = new Map(); memo.set(ctx.region, byText); }
  byText.set(raw, r);
  memoSize++;
  return r;
}

/** A number's text reduced to what the parser reads: '+digits' or 'digits', and its extension. */
export interface PhoneText { s: string; ext?: string }

/**
 * The text steps of parsePhoneUncached, as written first: invisible characters and full-width forms,
 * a 'tel:' or 'Tel:' label, an extension; then only phone characters may remain and not a date.
 * Null when the text cannot be a phone number.
 */
export function readPhoneTextPlain(raw: string): PhoneText | null {
  let s = toHalfWidth(stripInvisible(raw)).trim();
  if (s.length < 5 || s.length > 60) return null;
  s = s.replace(/^tel:/i, '').replace(LABEL, '');
  let ext: string | undefined;
  const em = EXT_WORDS.exec(s);
  if (em) { ext = em[1]; s = s.slice(0, em.index); }
  // Only phone characters may remain: digits, + ( ) - . / and spaces; and not a date (2024-01-05).
  if (!/^[+\d\s().\-/]+$/.test(s) || DATE_LIKE.test(s)) return null;
  let digits = s.replace(/[^\d]/g, '');
  if (digits.length < 5 || digits.length > 17) return null;
  const plus = s.trimStart().startsWith('+');
  if (!plus && digits.startsWith('00') && !digits.startsWith('000')) { digits = digits.slice(2); s = '+' + digits; }
  else if (plus) s = '+' + digits;
  else s = digits;
  return ext ? { s, ext } : { s };
}

/**
 * readPhoneTextPlain, with a fast answer for the commonest cells: text made only of ASCII digits, spaces and
 * + ( ) - . / has nothing to strip or fold, no label (it needs a colon) and no extension (it needs a
 * word, 'x' or '#'), so one pass over its characters gives its digits. Same answers by construction;
 * test/core/fields/phone-text.test.ts compares the two on random texts.
 */
export function readPhoneText(raw: string): PhoneText | null {
  const s = raw.trim();
  let simple = true;
  let dateMark = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 45 || c === 46 || c === 47) { dateMark = true; continue; } // - . /
    if (c === 32 || c === 43 || c === 40 || c === 41) continue; // space + ( )
    simple = false;
    break;
  }
  if (!simple) return readPhoneTextPlain(raw);
  if (s.length < 5 || s.length > 60) return null;
  if (dateMark && DATE_LIKE.test(s)) return null;
  const digits = s.replace(NOT_DIGIT, '');
  if (digits.length < 5 || digits.length > 17) return null;
  if (s.charCodeAt(0) === 43 /* + */) return { s: '+' + digits };
  if (digits.startsWith('00') && !digits.startsWith('000')) return { s: '+' + digits.slice(2) };
  return { s: digits };
}
const NOT_DIGIT = /\D/g;

/** The last text read (readPhone reads one cell in each candidate region, one after the other). */
let lastRaw: string | null = null;
let lastText: PhoneText | null = null;

function parsePhoneUncached(raw: string, ctx: TypeContext): PhoneParts | null {
  let t: PhoneText | null;
  if (raw === lastRaw) t = lastText;
  else { t = readPhoneText(raw); lastRaw = raw; lastText = t; }
  if (t === null) return null;
  const s = t.s;
  const ext = t.ext;
  let e164: string | null = null;
  if (s[0] === '+') {
    e164 = validE164(s);
    if (e164 === null) {
      // '+44 (0)20 …': the trunk prefix after a country code needs the full parser.
      const pn = parsePhoneNumberFromString(s);
      e164 = pn && pn.isValid() ? pn.number : null;
    }
  } else {
    const country = countryOf(ctx);
    if (country) {
      const fast = nationalToE164(s, country);
      if (fast !== undefined) e164 = fast;
      else {
        const pn = parsePhoneNumberFromString(s, country);
        e164 = pn && pn.isValid() ? pn.number : null;
      }
    }
  }
  if (e164 === null) return null;
  return ext ? { e164, ext } : { e164 };
}

export function phoneText(p: PhoneParts): string {
  return p.ext ? `${p.e164} ext. ${p.ext}` : p.e164;
}

/** The region an E.164 number belongs to ('+8613800138000' → 'CN'); null when unknown. */
export function regionOfE164(e164: string): string | null {
  const pn = parsePhoneNumberFromString(e164);
  return pn?.country ?? null;
}

/** A number that starts with its country code ('+86 …', '0044 …'): parsePhone reads it the same in every region. */
function plainInternational(raw: string): boolean {
  return /^\s*(?:[+＋]|00[1-9])/.test(raw);
}

/** A number written with its country code ('+86 …', '0044 …', '(+86) …'). */
export function hasCountryCode(raw: string): boolean {
  return /^[^\d+]{0,12}?[(（]?\s*(?:\+|＋|00[1-9])/.test(toHalfWidth(stripInvisible(raw)).replace(LABEL, ''));
}

/** Calling codes of the regions whose domestic writing domesticPlausible knows. */
const CALLING: Record<string, string> = { CN: '86', GB: '44', DE: '49', FR: '33', AU: '61', JP: '81', KR: '82', IN: '91', IT: '39', NL: '31' };

/**
 * Whether a number without '+' is written the way people in `region` write their own numbers: where
 * a trunk prefix '0' is dialled at home (China's fixed lines, the UK, Germany, France, Australia,
 * Japan, Korea, India's fixed lines) a domestic number starts with it; China's mobiles are 11 digits
 * starting with 1, India's 10 digits starting with 6–9. A number that starts with the region's calling
 * code (8613800138000) is also its own. So a North American '(415) 555-0101' is not read as a Chinese
 * fixed line missing its 0, nor '617-283-4674' as a UK number.
 */
export function domesticPlausible(raw: string, region: string): boolean {
  return domesticDigits(bareDigits(raw), region);
}

/** A number's digits as domesticPlausible and lengthPossible read them: full-width folded, extension dropped. */
function bareDigits(raw: string): string {
  return toHalfWidth(raw).replace(EXT_WORDS, '').replace(/\D/g, '');
}

/** domesticPlausible on the number's digits (bareDigits). */
function domesticDigits(digits: string, region: string): boolean {
  const cc = CALLING[region];
  if (!cc) return true;
  if (digits.startsWith('0') || digits.startsWith(cc)) return true;
  if (region === 'CN') return digits.length === 11 && digits.startsWith('1');
  if (region === 'IN') return digits.length === 10 && /^[6-9]/.test(digits);
  return false;
}

/** Digit groups as written: '187-3768-0570' → [3, 4, 4]. */
function groups(raw: string): number[] {
  return (toHalfWidth(raw).match(/\d+/g) ?? []).map((g) => g.length);
}

/**
 * When a bare number is valid in several regions, the way it is grouped may still say which: a Chinese
 * mobile is written 3-4-4 ('187-3768-0570'), a North American number 3-3-4 ('(415) 555-0101').
 */
function byGrouping(raw: string, hits: ReadonlyArray<{ region: string }>): string | null {
  const g = groups(raw).join('-');
  const cn = hits.find((h) => h.region === 'CN');
  const nanp = hits.find((h) => h.region === 'US' || h.region === 'CA');
  if (cn && nanp && hits.length === 2) {
    // Chinese fixed lines are written with their trunk 0 at home (021-…, 0415-…): ten digits starting
    // with 2–9 and no 0 is a North American number.
    const digits = toHalfWidth(raw).replace(/\D/g, '');
    if (digits.length === 10 && /^[2-9]/.test(digits)) return nanp.region;
    // One run of 11 digits starting with 1 is how Chinese mobiles are written; a North American
    // number with its leading 1 is nearly always grouped.
    if (g === '3-4-4' || g === '11') return 'CN';
    if (g === '3-3-4' || g === '1-3-3-4') return nanp.region;
  }
  return null;
}

/**
 * A cheap necessary condition before the full reading: the number's digits, less a trunk prefix ('0'
 * or '1') or the calling code, have a length the region's numbers can have. Keeps reading a number in
 * several candidate regions affordable (most regions are ruled out without a parse).
 */
export function lengthPossible(raw: string, region: string): boolean {
  return lengthDigits(bareDigits(raw), region);
}

/** lengthPossible on the number's digits (bareDigits). */
function lengthDigits(digits: string, region: string): boolean {
  if (!isSupportedCountry(region)) return false;
  const lengths = planFor(region).lengths;
  if (!lengths) return true;
  const cc = countryInfo(region as CountryCode).cc;
  const n = digits.length;
  const ok = (len: number) => lengths.indexOf(len) >= 0;
  return ok(n) || (/^[01]/.test(digits) && ok(n - 1)) || (digits.startsWith(cc) && ok(n - cc.length)) || (digits.startsWith('00') && ok(n - 2));
}

/**
 * The context with `region` as its region, made once per context and region: reading a column calls
 * readPhone for every cell with the same context, and a copy per cell and candidate region was most of
 * what a cell cost besides the parse itself.
 */
const regionContexts = new WeakMap<TypeContext, Map<string, TypeContext>>();
function inRegion(ctx: TypeContext, region: string): TypeContext {
  if (ctx.region === region && ctx.regions === undefined) return ctx;
  let byRegion = regionContexts.get(ctx);
  if (!byRegion) { byRegion = new Map(); regionContexts.set(ctx, byRegion); }
  let c = byRegion.get(region);
  if (!c) { c = { ...ctx, region }; byRegion.set(region, c); }
  return c;
}

export type PhoneReading =
  | { ok: true; parts: PhoneParts; region: string | null }
  | { ok: false; ambiguous: string[] }
  | { ok: false; ambiguous: null };

/**
 * Reads a number in the table's candidate regions: with a country code it is that country's (read the
 * same in every region); without one, it is read in each candidate region and is the one number it is valid as. Valid as different
 * numbers in several regions (and not told apart by its grouping) → ambiguous; in none → invalid.
 * Never moved into a country it is not valid in.
 */
export function readPhone(raw: string, ctx: TypeContext): PhoneReading {
  const regions = ctx.regions && ctx.regions.length > 0 ? ctx.regions : [ctx.region];
  if (regions.length === 1 || plainInternational(raw)) {
    const p = parsePhone(raw, regions.length === 1 ? inRegion(ctx, regions[0] as string) : ctx);
    return p ? { ok: true, parts: p, region: null } : { ok: false, ambiguous: null };
  }
  const hits: Array<{ region: string; parts: PhoneParts }> = [];
  const digits = bareDigits(raw);
  for (const region of regions) {
    if (!domesticDigits(digits, region) || !lengthDigits(digits, region)) continue;
    const p = parsePhone(raw, inRegion(ctx, region));
    if (p && !hits.some((h) => h.parts.e164 === p.e164)) hits.push({ region, parts: p });
  }
  if (hits.length === 1) return { ok: true, parts: hits[0].parts, region: hits[0].region };
  if (hits.length === 0) return { ok: false, ambiguous: null };
  const pick = byGrouping(raw, hits);
  const hit = pick ? hits.find((h) => h.region === pick) : undefined;
  if (hit) return { ok: true, parts: hit.parts, region: hit.region };
  return { ok: false, ambiguous: hits.map((h) => h.region) };
}

export const phone = defineType({
  id: 'phone',
  textual: true,
  parseValue(raw, ctx): ParseResult {
    if (typeof raw === 'boolean' || raw instanceof Date) return fail('invalidPhone');
    const s = typeof raw === 'number' ? cellText(raw) : raw;
    const r = readPhone(s, ctx);
    if (r.ok) return { ok: true, value: { kind: 'text', value: phoneText(r.parts) } };
    if (r.ambiguous) return fail('ambiguousPhone', r.ambiguous.join(', '));
    return ctx.regions && ctx.regions.length > 1 ? fail('invalidPhone', ctx.regions.join(', ')) : fail('invalidPhone');
  },
  canonical: (v) => (v.kind === 'text' ? v.value : null),
  numberFormat: () => '@',
  validation: (_ctx, cell) => ({
    kind: 'customFormula',
    formula: allowBlank(cell, `REGEXMATCH(${cell}&"","^\\+?[0-9(][0-9 ().-]{4,24}( *(ext\\.?|x|#|转|分机) *[0-9]{1,7})?$")`),
  }),
});
