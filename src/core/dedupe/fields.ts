/**
 * Which columns the duplicate finder compares, how each value is prepared once (normalized key,
 * tokens, digits), and how two prepared values of one column compare: a level per pair, as in
 * Fellegi-Sunter comparison vectors (missing, exact, close, partial, different).
 *
 * Columns come from the same inference as "Adopt this sheet" (src/core/infer): their role when one
 * was inferred, else the role their header names, else their inferred type. Process columns (stage,
 * owner, amounts, follow-up dates, notes) are left out: two rows of one client differ there by nature.
 */
import { cellText, fieldType } from '../fields';
import { canonicalEmail } from '../fields/email';
import { parsePhone } from '../fields/phone';
import { canonicalUrl } from '../fields/url';
import type { CellValue, TypeContext } from '../fields/types';
import { ORG_MARK, roleForHeader, type InferredColumn } from '../infer';
import type { Role } from '../roles';
import {
  bigramDice, fold, hasHan, jaroWinkler, nameTokens, phonetic, tokenContainment, tokenSetSimilarity, withinOneEdit,
} from './text';

/** How a column is compared. */
export type Kind = 'name' | 'org' | 'email' | 'phone' | 'id' | 'website' | 'date' | 'address' | 'text' | 'code';

export const MISSING = 0;
export const EXACT = 1;
export const CLOSE = 2;
export const PARTIAL = 3;
export const DIFFERENT = 4;
export const LEVELS = 5;
export type Level = 0 | 1 | 2 | 3 | 4;
export const LEVEL_NAMES = ['missing', 'exact', 'close', 'partial', 'different'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export interface FieldSpec {
  /** 0-based grid column. */
  column: number;
  header: string;
  role: Role | null;
  kind: Kind;
}

/** A prepared value: its exact key and what the fuzzy comparison needs. */
export interface Val {
  key: string;
  tokens: string[];
  /** Chinese characters (names, companies), digits (phones, dates, codes), the local part (emails). */
  aux: string;
  /** Names and companies: the tokens written together, in order and in reverse order. */
  joined?: string;
  rjoined?: string;
  /** Names and companies with Chinese characters: their character bigrams, sorted (as numbers). */
  grams?: Float64Array;
}

/** Sorted character bigrams of a string, each as one number. */
function gramsOf(s: string): Float64Array {
  const out = new Float64Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two sorted bigram lists (multiset intersection). */
function gramDice(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) { common++; i++; j++; } else if (x < y) i++; else j++;
  }
  return (2 * common) / (a.length + b.length);
}

const ROLE_KIND: Partial<Record<Role, Kind>> = {
  name: 'name', givenName: 'name', familyName: 'name', company: 'org', email: 'email', phone: 'phone',
  wechat: 'id', identifier: 'id', clientId: 'id', website: 'website', address: 'address', city: 'text',
  postcode: 'code', state: 'text', birthDate: 'date',
};
/** Roles that describe the process, not the client: never compared. */
const PROCESS_ROLES: ReadonlySet<Role> = new Set<Role>([
  'title', 'channel', 'owner', 'stage', 'nextStep', 'nextFollowUp', 'lastContact', 'priority', 'dealValue', 'totalSpend',
  'orders', 'purchases', 'lastPurchase', 'preference', 'registered', 'appointment', 'serviceType', 'provider',
  'lastInteraction', 'notes', 'created', 'updated', 'stageSince',
]);
const BIRTH_HEADER = /birth|dob|born|生日|出生/i;


/** The compared columns of an inference, with their kinds. */
export function chooseFields(columns: readonly InferredColumn[], dataValues: (column: number) => string[]): FieldSpec[] {
  const out: FieldSpec[] = [];
  const taken = new Set(columns.map((c) => c.role).filter((r): r is Role => r !== null));
  for (const col of columns) {
    if (!col.managed) continue;
    // The inferred role; else the role the header names when no other column has it (a "Postcode"
    // of digits is still a postcode, but "Customer code" beside "Customer name" is not a name).
    const named = col.role === null ? roleForHeader(col.header) : null;
    const role = col.role ?? (named && named.exact && !taken.has(named.role) ? named.role : null);
    if (role && PROCESS_ROLES.has(role)) continue;
    let kind: Kind | null = role ? ROLE_KIND[role] ?? null : null;
    if (kind === null) {
      switch (col.type) {
        case 'email': kind = 'email'; break;
        case 'phone': kind = 'phone'; break;
        case 'url': kind = 'website'; break;
        case 'date': kind = BIRTH_HEADER.test(col.header) ? 'date' : null; break;
        case 'number': kind = 'code'; break;
        case 'text': case 'dropdown': kind = 'text'; break;
        default: kind = null;
      }
    }
    if (kind === null) continue;
    const values = dataValues(col.column);
    if (kind === 'name' && role === 'name') {
      // A "Name" column of companies (a business directory) is compared as companies.
      let marks = 0;
      let seen = 0;
      for (let i = 0; i < values.length && seen < 2000; i += Math.max(1, Math.floor(values.length / 2000))) {
        const v = values[i] as string;
        if (!v) continue;
        seen++;
        if (ORG_MARK.test(fold(v)) || ORG_MARK.test(v)) marks++;
      }
      if (seen > 0 && marks >= seen * 0.15) kind = 'org';
    }
    if (kind === 'id' || kind === 'code' || kind === 'text') {
      // A column whose values never repeat is a row key (an auto ID, a row number): it says nothing.
      const distinct = new Set<string>();
      let filled = 0;
      for (const v of values) { if (v) { filled++; distinct.add(v.toLowerCase()); } }
      if (filled === 0) continue;
      let digits = 0;
      for (const v of distinct) if (/\d/.test(v)) digits++;
      const codes = digits >= distinct.size * 0.8;
      if (filled >= 20 && distinct.size >= filled * (codes ? 0.98 : 0.995)) continue;
      // A client ID column (ClientFlow's automatic one, or the user's own numbering) whose values never
      // repeat gives every record its own ID, duplicates included: at any size it says nothing, and its
      // disagreement must not count against a pair (a small table cannot learn that on its own).
      if (role === 'clientId' && distinct.size === filled) continue;
      // Codes in a column of unknown meaning compare as codes (one mistyped character), not as words.
      if (kind === 'text' && codes) kind = 'code';
    }
    out.push({ column: col.column, header: col.header, role, kind });
  }
  return out;
}

const STREET_WORDS: Record<string, string> = {
  street: 'st', str: 'st', road: 'rd', avenue: 'ave', av: 'ave', boulevard: 'blvd', blv: 'blvd', drive: 'dr', lane: 'ln',
  place: 'pl', court: 'ct', crescent: 'cres', terrace: 'tce', highway: 'hwy', parkway: 'pkwy', square: 'sq',
  north: 'n', south: 's', east: 'e', west: 'w', suite: 'ste', apartment: 'apt', floor: 'fl', circle: 'cir',
  close: 'cl', way: 'wy', mount: 'mt', saint: 'st', first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th',
};
const HAN_ADDRESS_NUMBER = /(\d+)\s*(号|號|弄|栋|室|楼|层)/g;

/** Prepares one raw value for its kind; null when it carries nothing to compare. */
export function prepare(kind: Kind, raw: CellValue, ctx: TypeContext): Val | null {
  const text = typeof raw === 'string' ? raw : raw instanceof Date ? '' : cellText(raw);
  const s = text.trim();
  if (s === '' && !(raw instanceof Date)) return null;
  switch (kind) {
    case 'name': case 'org': {
      const nt = nameTokens(s, kind === 'org');
      if (nt.tokens.length === 0) return null;
      const v: Val = { key: [...nt.tokens].sort().join(' '), tokens: nt.tokens, aux: nt.han, joined: nt.tokens.join(''), rjoined: [...nt.tokens].reverse().join('') };
      if (nt.han.length >= 2) v.grams = gramsOf(nt.han);
      return v;
    }
    case 'email': {
      const e = canonicalEmail(s);
      const at = e.lastIndexOf('@');
      if (at <= 0) return null;
      const local = e.slice(0, at).replace(/\+.*$/, '').replace(/\./g, '');
      return { key: e, tokens: [], aux: local };
    }
    case 'phone': {
      const p = parsePhone(s, ctx);
      const digits = (p ? p.e164 : s.normalize('NFKC')).replace(/\D/g, '');
      if (digits.length < 6) return null;
      return { key: p ? p.e164 : '#' + digits, tokens: [], aux: digits };
    }
    case 'id': case 'code': {
      const k = fold(s).replace(/ /g, '');
      if (k === '') return null;
      return { key: k, tokens: [], aux: k };
    }
    case 'website': {
      const u = canonicalUrl(s) ?? (/^[\w.-]+\.[a-z]{2,}/i.test(s) ? 'https://' + s : null);
      if (!u) return null;
      const host = u.replace(/^https?:\/\//i, '').replace(/[/?#:].*$/, '').toLowerCase().replace(/^www\d?\./, '');
      if (!host.includes('.')) return null;
      return { key: host, tokens: [], aux: host.split('.').slice(-2).join('.') };
    }
    case 'date': {
      const r = fieldType('date').parse(raw, ctx);
      if (r.ok && r.value.kind === 'date') return { key: r.value.value, tokens: [], aux: r.value.value.replace(/-/g, '') };
      const digits = s.replace(/\D/g, '');
      if (digits.length < 4) return null;
      return { key: '#' + digits, tokens: [], aux: digits };
    }
    case 'address': {
      const folded = fold(s.replace(HAN_ADDRESS_NUMBER, ' $1 '));
      if (folded === '') return null;
      const tokens = folded.split(' ').map((w) => STREET_WORDS[w] ?? w);
      const nums = tokens.filter((w) => /^\d/.test(w));
      const hanPart = hasHan(s) ? s.replace(/[^\u3400-\u9fff]/g, '') : '';
      return { key: tokens.join(' '), tokens: tokens.filter((w) => !/^\d/.test(w)), aux: nums.join(' ') + '|' + hanPart };
    }
    case 'text': {
      const folded = fold(s);
      if (folded === '') return null;
      return { key: folded, tokens: folded.split(' '), aux: '' };
    }
  }
}

/**
 * Full names in Latin letters: every word of the shorter name must meet a word of the other (Jaro-
 * Winkler ≥ 0.85, or an initial meeting its name), so "Linda Hill" and "Olivia Hill" are different
 * people while "Jon Smith", "SMITH, John" and "J. Smith" are not; written together ("Johnsmith")
 * counts too.
 */
/** Common English short forms, to their full name (Bob and Robert, Liz and Elizabeth). */
const NICKNAMES: Readonly<Record<string, string>> = {
  bob: 'robert', bobby: 'robert', rob: 'robert', robbie: 'robert', bill: 'william', billy: 'william', will: 'william', willy: 'william',
  liz: 'elizabeth', beth: 'elizabeth', betty: 'elizabeth', eliza: 'elizabeth', lizzie: 'elizabeth', pat: 'patricia', patty: 'patricia',
  dan: 'daniel', danny: 'daniel', mike: 'michael', mick: 'michael', mickey: 'michael', jim: 'james', jimmy: 'james', jamie: 'james',
  tom: 'thomas', tommy: 'thomas', joe: 'joseph', joey: 'joseph', matt: 'matthew', tony: 'anthony', steve: 'steven', stephen: 'steven',
  andy: 'andrew', drew: 'andrew', jen: 'jennifer', jenny: 'jennifer', ed: 'edward', eddie: 'edward', ted: 'edward', charlie: 'charles',
  chuck: 'charles', sue: 'susan', susie: 'susan', dave: 'david', chris: 'christopher', kate: 'katherine', kathy: 'katherine',
  katie: 'katherine', cathy: 'catherine', becky: 'rebecca', rick: 'richard', dick: 'richard', rich: 'richard', peggy: 'margaret',
  maggie: 'margaret', meg: 'margaret', nick: 'nicholas', alex: 'alexander', sam: 'samuel', ben: 'benjamin', jack: 'john', johnny: 'john',
  jon: 'jonathan', tim: 'timothy', greg: 'gregory', jeff: 'jeffrey', ken: 'kenneth', larry: 'lawrence', ron: 'ronald', don: 'donald',
  fred: 'frederick', harry: 'henry', hank: 'henry', debbie: 'deborah', deb: 'deborah', abby: 'abigail', nate: 'nathan', zach: 'zachary',
  josh: 'joshua', jake: 'jacob', vicky: 'victoria', vic: 'victor', gene: 'eugene', al: 'albert', sandy: 'sandra', jess: 'jessica',
  mandy: 'amanda', mel: 'melissa', val: 'valerie', terry: 'terence', phil: 'phillip', philip: 'phillip', jo: 'joanne', ollie: 'oliver',
};

function personNameLevel(a: readonly string[], b: readonly string[]): Level {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  let initials = 0;
  let unmatched = 0;
  // One word meets one word: equal words pair first, then each other word takes its best free one.
  const used = new Uint8Array(l.length);
  const done = new Uint8Array(s.length);
  s.forEach((x, i) => {
    const k = l.findIndex((y, j) => used[j] === 0 && y === x);
    if (k >= 0) { used[k] = 1; done[i] = 1; sum += 1; }
  });
  s.forEach((x, i) => {
    if (done[i] === 1) return;
    let best = 0;
    let at = -1;
    let viaInitial = false;
    l.forEach((y, j) => {
      if (used[j] === 1) return;
      let v: number;
      if ((NICKNAMES[x] ?? x) === (NICKNAMES[y] ?? y)) v = 0.93;
      else if (x.length === 1 || y.length === 1) v = x[0] === y[0] ? 0.9 : 0;
      // Short words: one typo at most ('ann' and 'anne'), never more than partial ('li' and 'lin').
      else if (x.length <= 3 || y.length <= 3) v = withinOneEdit(x, y) ? 0.86 : 0;
      else v = jaroWinkler(x, y);
      if (v > best) { best = v; at = j; viaInitial = x.length === 1 || y.length === 1; }
    });
    if (at >= 0 && best >= 0.85) used[at] = 1;
    if (best < 0.85) unmatched++;
    if (viaInitial) initials++;
    sum += best;
  });
  if (unmatched > 0) {
    // Written together ("Johnsmith" for "John Smith"): only when the word counts differ.
    if (a.length === b.length) return DIFFERENT;
    const ja = a.join('');
    const jb = b.join('');
    const j = Math.max(jaroWinkler(ja, jb), jaroWinkler(ja, [...b].reverse().join('')));
    return j >= 0.95 ? CLOSE : j >= 0.9 ? PARTIAL : DIFFERENT;
  }
  const mean = sum / s.length;
  if (initials === 0 && mean >= 0.93 && l.length - s.length <= 1) return CLOSE;
  return PARTIAL;
}

/**
 * Names where at least one side is written in Chinese characters. Pinyin syllables are short and
 * few (李 li, 林 lin), so they must match exactly, not by Jaro-Winkler: all syllables of the shorter
 * name found in the other (in any order, or written together: "Zhangwei") is close; one syllable
 * off in a name of three or more is partial (a mistyped character); anything else is different.
 */
function chineseNameLevel(a: Val, b: Val): Level {
  const ja = a.joined ?? '';
  const jb = b.joined ?? '';
  if (ja === jb || ja === b.rjoined || jb === a.rjoined) return CLOSE;
  const [s, l] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  let found = 0;
  for (const x of s) if (l.includes(x)) found++;
  // The same syllables in another order or script; one more given-name character on one side (梁杰 and
  // 梁俊杰 are usually two people, so that is only partial).
  if (found === s.length && s.length >= 2) return l.length === s.length ? CLOSE : l.length === s.length + 1 ? PARTIAL : DIFFERENT;
  // One given-name character off, the family name (the first character) the same.
  if (found === s.length - 1 && s.length >= 3 && a.aux && b.aux && a.aux[0] === b.aux[0]) return PARTIAL;
  return DIFFERENT;
}

/** Whether some word of a starts with the letter some word of b starts with (a cheap first test). */
function shareInitial(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x.charCodeAt(0) === y.charCodeAt(0)) return true;
  return false;
}

/** The level of two prepared values of one kind whose keys differ. */
export function fuzzyLevel(kind: Kind, a: Val, b: Val): Level {
  // Several words on each side and not one initial in common: different (a quick exit; a typo in a
  // first letter still leaves the other words' initials).
  if ((kind === 'org' || kind === 'text' || (kind === 'name' && !a.aux && !b.aux)) && a.tokens.length > 1 && b.tokens.length > 1 && !shareInitial(a.tokens, b.tokens)) return DIFFERENT;
  switch (kind) {
    case 'name': {
      if (a.aux || b.aux) return chineseNameLevel(a, b);
      if (a.tokens.length === 1 && b.tokens.length === 1) {
        // One word each (a first-name or last-name column): Jaro-Winkler, then the phonetic key.
        const j = jaroWinkler(a.tokens[0] as string, b.tokens[0] as string);
        if (j >= 0.92) return CLOSE;
        if (j >= 0.8 || phonetic(a.tokens[0] as string) === phonetic(b.tokens[0] as string)) return PARTIAL;
        return DIFFERENT;
      }
      return personNameLevel(a.tokens, b.tokens);
    }
    case 'org': {
      // Chinese company names on both sides: by their characters (pinyin syllables are too short and
      // the city and trade words too common for word similarity).
      if (a.aux && b.aux) {
        const d = a.grams && b.grams ? gramDice(a.grams, b.grams) : bigramDice(a.aux, b.aux);
        return d >= 0.85 ? CLOSE : d >= 0.7 ? PARTIAL : DIFFERENT;
      }
      let s = tokenSetSimilarity(a.tokens, b.tokens);
      if (s < 0.92) s = Math.max(s, jaroWinkler(a.joined ?? '', b.joined ?? ''));
      if (s >= 0.92) return CLOSE;
      const c = tokenContainment(a.tokens, b.tokens);
      if (s >= 0.8 || c >= 0.95) return PARTIAL;
      return DIFFERENT;
    }
    case 'email': {
      // The same mailbox name at another provider. (No fuzzy level: addresses are made from names, so
      // "majun611" and "majun118" are two people as often as one.)
      if (a.aux.length >= 3 && a.aux === b.aux) return CLOSE;
      return DIFFERENT;
    }
    case 'phone': {
      const ta = a.aux.slice(-8);
      if (ta.length >= 7 && ta === b.aux.slice(-8)) return CLOSE;
      if (a.aux.length === b.aux.length && withinOneEdit(a.aux, b.aux)) return PARTIAL;
      return DIFFERENT;
    }
    case 'id': {
      // A mistyped character in a long number (an SSN, a tax ID); identifiers made of a name and
      // digits ("xujuan_48", "xujuan_8") differ by one character between two people all the time.
      const x = a.aux;
      const y = b.aux;
      if (x.length < 6 || y.length < 6) return DIFFERENT;
      const digitsOnly = /^\d+$/.test(x) && /^\d+$/.test(y);
      if (!digitsOnly && (/\d/.test(x) || /\d/.test(y))) return DIFFERENT;
      if ((digitsOnly || x.length === y.length) && withinOneEdit(x, y)) return CLOSE;
      return DIFFERENT;
    }
    case 'code': {
      if (withinOneEdit(a.aux, b.aux)) return CLOSE;
      return DIFFERENT;
    }
    case 'website':
      return a.aux === b.aux ? CLOSE : DIFFERENT;
    case 'date': {
      const x = a.aux;
      const y = b.aux;
      if (x.length === 8 && y.length === 8) {
        // Day and month swapped, or one digit mistyped.
        if (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6)) return CLOSE;
        if (withinOneEdit(x, y)) return CLOSE;
        if (x.slice(0, 6) === y.slice(0, 6)) return PARTIAL;
        if (x.slice(0, 4) === y.slice(0, 4)) return PARTIAL;
        return DIFFERENT;
      }
      return withinOneEdit(x, y) ? CLOSE : DIFFERENT;
    }
    case 'address': {
      const [na = '', ha = ''] = a.aux.split('|');
      const [nb = '', hb = ''] = b.aux.split('|');
      if (na && nb) {
        const sa = na.split(' ');
        const sb = nb.split(' ');
        // The house numbers must agree (a typo in one digit aside).
        const first = sa[0] === sb[0] || (sa[0]!.length > 2 && withinOneEdit(sa[0]!, sb[0]!));
        if (!first) return DIFFERENT;
      }
      let s = a.tokens.length > 0 && b.tokens.length > 0 ? tokenSetSimilarity(a.tokens, b.tokens) : na && na === nb ? 0.85 : 0;
      if (ha && hb) s = Math.max(s, bigramDice(ha, hb));
      if (s >= 0.9) return CLOSE;
      if (s >= 0.75 || tokenContainment(a.tokens, b.tokens) >= 0.95) return PARTIAL;
      return DIFFERENT;
    }
    case 'text': {
      const j = jaroWinkler(a.key, b.key);
      if (j >= 0.93) return CLOSE;
      if (j >= 0.85 || tokenContainment(a.tokens, b.tokens) >= 0.95) return PARTIAL;
      return DIFFERENT;
    }
  }
}
