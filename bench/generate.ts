/**
 * A seeded generator of realistic, messy client tables for the bench, the demo table and tests.
 *
 * - Deterministic: the same options give the same table (no Math.random; see ./random.ts).
 * - Streaming-friendly: every row is a pure function of (seed, row index) plus a small duplicate plan
 *   (a few typed arrays), so `createTable(...).rowAt(i)` produces any row alone; `generateTable` simply
 *   collects them. 500,000 rows × 20 columns fit in well under a few GB.
 * - Planted near-duplicates with known truth: `truth` lists clusters of 0-based data-row indices that are
 *   the same client written again (email case/spacing, another phone format, 'Zhang Wei' / '张伟', typos,
 *   company suffixes…). Every row of a cluster keeps one *anchor* — its phone, its email or both — equal up
 *   to formatting, and rows of different clients never share a phone or an email (phones and emails are
 *   built from per-client unique numbers), so the truth is complete: there are no accidental duplicates
 *   by contact data. Names, of course, collide between different people (there are many Zhang Wei).
 */
import { chance, int, pick, rngFor, scramble, weighted, type Rng } from './random';

/** weighted() over thunks: only the chosen value is built. */
function lazy(r: Rng, entries: ReadonlyArray<readonly [number, () => string]>): string {
  return weighted(r, entries)();
}
import * as V from './vocab';

export const COLUMN_KEYS = [
  'name', 'company', 'title', 'email', 'phone', 'wechat', 'city', 'channel', 'owner', 'stage',
  'nextStep', 'nextFollowUp', 'lastContact', 'priority', 'dealValue', 'purchases', 'lastPurchase',
  'website', 'code', 'notes',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Header text per column, English and Chinese (words that "Adopt this sheet" should recognize). */
export const HEADERS: Readonly<Record<ColumnKey, readonly [en: string, zh: string]>> = {
  name: ['Name', '客户名称'],
  company: ['Company', '公司'],
  title: ['Title', '职位'],
  email: ['Email', '邮箱'],
  phone: ['Phone', '手机'],
  wechat: ['WeChat', '微信'],
  city: ['City', '城市'],
  channel: ['Channel', '渠道'],
  owner: ['Owner', '负责人'],
  stage: ['Stage', '阶段'],
  nextStep: ['Next step', '下一步'],
  nextFollowUp: ['Next follow-up', '下次跟进'],
  lastContact: ['Last contact', '最后联系'],
  priority: ['Priority', '优先级'],
  dealValue: ['Deal value', '金额'],
  purchases: ['Purchases', '购买次数'],
  lastPurchase: ['Last purchase', '最近购买'],
  website: ['Website', '网站'],
  code: ['Customer code', '客户编号'],
  notes: ['Notes', '备注'],
};

export interface GenerateOptions {
  /** Number of data rows (header excluded). */
  rows: number;
  seed: number;
  /** Share of Chinese-speaking clients, 0..1. Default 0.5. */
  localeMix?: number;
  /** Header language: 'en', 'zh' or 'mixed' (some of each, fixed by the seed). Default 'mixed'. */
  headerLocale?: 'en' | 'zh' | 'mixed';
  /** The first N columns of COLUMN_KEYS, or an explicit list. Default all 20. */
  columns?: number | readonly ColumnKey[];
  /** Share of rows that are extra copies of another row's client. Default 0.06. */
  duplicateRate?: number;
  /** Share of rows that carry one hostile cell (formula injection, markup, '00123'…). Default 0.02;
   * besides, every 53rd row (from row 7) carries one, so even small tables have some. */
  hostileRate?: number;
}

export interface GeneratedTable {
  header: string[];
  rows: string[][];
  /** Clusters (two or more rows) of the same client, 0-based data-row indices, ascending. */
  truth: number[][];
}

/** The streaming form: the header, the truth, and any row on demand. */
export interface TableSource {
  readonly header: string[];
  readonly columns: readonly ColumnKey[];
  readonly rows: number;
  readonly truth: number[][];
  rowAt(index: number): string[];
}

// ---------------------------------------------------------------------------------------------------
// Clients ("persons"): everything that stays the same when the same client is entered twice.

type Country = 'CN' | 'US' | 'GB' | 'HK' | 'SG';

interface Person {
  zh: boolean;
  nameZh: string; // Chinese characters ('' for an English-speaking client)
  familyZh: string;
  givenZh: string;
  first: string; // given name (pinyin for a Chinese client)
  last: string; // family name (pinyin for a Chinese client)
  companyFull: string;
  companyShort: string;
  companyAlt: string; // English name of a Chinese company, or the suffix-less form
  domain: string;
  country: Country;
  /** National significant number (digits, no trunk prefix). */
  nsn: string;
  emailLocal: string;
  emailDomain: string;
  title: string;
  city: string;
  wechat: string;
}

const SALT_PERSON = 1;
const SALT_ROW = 2;
const SALT_PLAN = 3;
const SALT_HOSTILE = 4;

const CN_PREFIXES = ['138', '139', '135', '136', '137', '150', '151', '158', '159', '186', '187', '188', '189', '130', '131', '132', '155', '156', '176', '177', '180', '181', '199'];
const US_AREAS = ['415', '212', '646', '303', '206', '512', '617', '312', '213', '718', '650', '408'];

function digitsOf(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function makePerson(seed: number, p: number, zhShare: number, tagDigits: number): Person {
  const r = rngFor(seed, p, SALT_PERSON);
  const zh = chance(r, zhShare);
  const uid6 = digitsOf(scramble(p, 6, seed), 6); // distinct for every client (tables < 1M rows)
  const tag = digitsOf(scramble(p, tagDigits, seed ^ 0x5bd1e995), tagDigits);
  let person: Person;
  if (zh) {
    const [familyZh, familyPy] = pick(r, V.ZH_FAMILY);
    const [givenZh, givenPy] = pick(r, V.ZH_GIVEN);
    const [cityZh, cityPy] = pick(r, V.ZH_CITY);
    const [brandZh, brandPy] = pick(r, V.ZH_BRAND);
    const [tradeZh, tradeEn] = pick(r, V.ZH_TRADE);
    const suffix = pick(r, V.ZH_COMPANY_SUFFIX);
    const domain = weighted(r, [[3, `${brandPy}.com.cn`], [2, `${brandPy}${tradeEn.split(' ')[0]?.toLowerCase() ?? ''}.com`], [1, `${brandPy}.cn`]]);
    const country: Country = weighted(r, [[85, 'CN'], [6, 'HK'], [5, 'SG'], [4, 'US']]);
    const py = `${familyPy}${givenPy}`.toLowerCase();
    const emailLocal = weighted(r, [[4, `${py}${tag}`], [3, `${familyPy.toLowerCase()}.${givenPy.toLowerCase()}${tag}`], [2, `${givenPy.toLowerCase()}.${familyPy.toLowerCase()}${tag}`], [2, tag.replace(/^0+/, '') + '88']]);
    const emailDomain = chance(r, 0.35) ? domain : pick(r, V.ZH_MAIL);
    person = {
      zh, nameZh: familyZh + givenZh, familyZh, givenZh, first: givenPy, last: familyPy,
      companyFull: `${cityZh}${brandZh}${tradeZh}${suffix}`,
      companyShort: `${brandZh}${tradeZh}`,
      companyAlt: `${cityPy} ${brandPy[0]?.toUpperCase() ?? ''}${brandPy.slice(1)} ${tradeEn} Co., Ltd.`,
      domain, country, nsn: '', emailLocal, emailDomain,
      title: pick(r, V.TITLES_ZH),
      city: chance(r, 0.8) ? cityZh : cityPy,
      wechat: chance(r, 0.6) ? (chance(r, 0.5) ? `wxid_${(p * 2654435761 >>> 0).toString(36)}` : `${py}_${int(r, 1, 99)}`) : '',
    };
  } else {
    const first = pick(r, V.EN_FIRST);
    const last = pick(r, V.EN_LAST);
    const a = pick(r, V.EN_COMPANY_A);
    const b = pick(r, V.EN_COMPANY_B);
    const suffixes = pick(r, V.EN_COMPANY_SUFFIX);
    const suffix = suffixes[0] ?? '';
    const domain = `${a.replace(/\s+/g, '').toLowerCase()}${chance(r, 0.5) ? b.toLowerCase() : ''}.${pick(r, ['com', 'com', 'co', 'io', 'co.uk', 'net'])}`;
    const country: Country = weighted(r, [[62, 'US'], [28, 'GB'], [5, 'SG'], [5, 'CN']]);
    const f = ascii(first).toLowerCase();
    const l = ascii(last).toLowerCase().replace(/[^a-z]/g, '');
    const emailLocal = weighted(r, [[4, `${f}.${l}${tag}`], [3, `${f}${l}${tag}`], [2, `${f[0] ?? 'x'}${l}${tag}`], [1, `${f}_${tag}`]]);
    const emailDomain = chance(r, 0.45) ? domain : pick(r, V.EN_MAIL);
    person = {
      zh, nameZh: '', familyZh: '', givenZh: '', first, last,
      companyFull: suffix ? `${a} ${b} ${suffix}` : `${a} ${b}`,
      companyShort: `${a} ${b}`,
      companyAlt: `${a} ${b} ${pick(r, suffixes)}`.trim(),
      domain, country, nsn: '', emailLocal, emailDomain,
      title: pick(r, V.TITLES_EN),
      city: pick(r, V.CITIES_EN),
      wechat: chance(r, 0.05) ? `${f}${l}` : '',
    };
  }
  // The phone's last six digits are the client's unique number.
  switch (person.country) {
    case 'CN': person.nsn = pick(r, CN_PREFIXES) + digitsOf(int(r, 0, 99), 2) + uid6; break;
    case 'US': person.nsn = pick(r, US_AREAS) + String(int(r, 2, 9)) + uid6; break;
    case 'GB': person.nsn = chance(r, 0.5) ? `20${pick(r, ['3', '7', '8'])}${int(r, 0, 9)}${uid6}` : `79${digitsOf(int(r, 0, 99), 2)}${uid6}`; break;
    case 'HK': person.nsn = `${pick(r, ['2', '3', '5', '6', '9'])}${int(r, 0, 9)}${uid6}`; break;
    case 'SG': person.nsn = `${pick(r, ['8', '9', '6'])}${int(r, 0, 9)}${uid6}`; break;
  }
  return person;
}

/** Strips accents (Renée → Renee, Müller → Muller). */
function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

// ---------------------------------------------------------------------------------------------------
// Rendering a client into cells, the way different people type things.

const CC: Record<Country, string> = { CN: '86', US: '1', GB: '44', HK: '852', SG: '65' };

function groups(s: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(s.slice(at, at + n));
    at += n;
  }
  if (at < s.length) out.push(s.slice(at));
  return out.filter((g) => g.length > 0);
}

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** A phone written in one of the ways people write it; always the same number. */
function formatPhone(p: Person, r: Rng): string {
  const n = p.nsn;
  const cc = CC[p.country];
  switch (p.country) {
    case 'CN': {
      const [a, b, c] = groups(n, [3, 4, 4]);
      return lazy(r, [
        [5, () => `+86 ${a} ${b} ${c}`], [4, () => `${a}-${b}-${c}`], [5, () => n], [2, () => `+86${n}`], [1, () => `0086 ${a} ${b} ${c}`],
        [1, () => `(+86) ${a} ${b} ${c}`], [3, () => `${a} ${b} ${c}`], [1, () => `+86-${a}-${b}-${c}`], [1, () => fullWidth(n)],
      ]);
    }
    case 'US': {
      const [a, b, c] = groups(n, [3, 3, 4]);
      return lazy(r, [
        [5, () => `(${a}) ${b}-${c}`], [3, () => `${a}-${b}-${c}`], [1, () => `${a}.${b}.${c}`], [2, () => `+1 ${a} ${b} ${c}`],
        [2, () => `+1 (${a}) ${b}-${c}`], [1, () => n], [1, () => `1-${a}-${b}-${c}`], [1, () => `001 ${a} ${b} ${c}`],
      ]);
    }
    case 'GB': {
      const [a, b, c] = n.startsWith('20') ? groups(n, [2, 4, 4]) : groups(n, [4, 6]);
      const national = [a, b, c].filter(Boolean).join(' ');
      return lazy(r, [
        [4, () => `+44 ${national}`], [3, () => `0${national}`], [1, () => `0044 ${national}`], [1, () => `+44 (0)${national}`], [1, () => `+44${n}`],
      ]);
    }
    case 'HK':
    case 'SG': {
      const [a, b] = groups(n, [4, 4]);
      return lazy(r, [[4, () => `+${cc} ${a} ${b}`], [2, () => `${a} ${b}`], [1, () => `+${cc}-${n}`], [1, () => `00${cc} ${a} ${b}`], [1, () => `+${cc}${n}`]]);
    }
  }
}

const PHONE_GARBAGE = ['N/A', '无', 'ask Alice', '12345', '-', '?', 'call after 6pm', '见微信', 'unknown'];

function badPhone(p: Person, r: Rng): string {
  return chance(r, 0.5) ? pick(r, PHONE_GARBAGE) : `${p.nsn.slice(0, 5)}…`;
}

function goodEmail(p: Person, r: Rng): string {
  const e = `${p.emailLocal}@${p.emailDomain}`;
  return lazy(r, [
    [12, () => e], [2, () => capitalize(p.emailLocal) + '@' + p.emailDomain], [1, () => e.toUpperCase()], [2, () => ` ${e}`], [2, () => `${e} `],
    [1, () => `${p.emailLocal}@${p.emailDomain.toUpperCase()}`], [1, () => `  ${capitalize(e)}  `],
  ]);
}

function badEmail(p: Person, r: Rng): string {
  const l = p.emailLocal;
  const d = p.emailDomain;
  return lazy(r, [
    [3, () => `${l}${d}`], // missing @
    [2, () => `${l} @${d}`], [1, () => `${l.slice(0, 3)} ${l.slice(3)}@${d}`], // spaces
    [3, () => `${l}＠${d}`], // full-width ＠
    [2, () => `${l}@${d}。`], // trailing full stop
    [1, () => `${l}@@${d}`], [1, () => `${l}@${d.split('.')[0] ?? d}`], // missing TLD
    [1, () => `${l}@${d},`], [1, () => `<${l}@${d}>`], [1, () => pick(r, ['n/a', '无', 'none', '-'])],
  ]);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ZH_TYPO: Readonly<Record<string, string>> = { 伟: '玮', 静: '婧', 丽: '莉', 敏: '民', 明: '铭', 军: '君', 杰: '洁', 芳: '方', 磊: '垒', 娜: '那' };

function typo(s: string, r: Rng): string {
  if (s.length < 4) return s;
  const at = int(r, 1, s.length - 2);
  switch (int(r, 0, 2)) {
    case 0: return s.slice(0, at) + s.charAt(at + 1) + s.charAt(at) + s.slice(at + 2); // swap
    case 1: return s.slice(0, at) + s.slice(at + 1); // drop
    default: return s.slice(0, at) + s.charAt(at) + s.slice(at); // double
  }
}

function formatName(p: Person, r: Rng, duplicate: boolean): string {
  if (p.zh) {
    const py = `${p.last} ${p.first}`;
    if (!duplicate) {
      return weighted(r, [[16, p.nameZh], [3, py], [1, `${p.nameZh} `], [1, `${p.familyZh} ${p.givenZh}`], [1, `${p.first} ${p.last}`]]);
    }
    const typoZh = p.givenZh.split('').map((c) => ZH_TYPO[c] ?? c).join('');
    return weighted(r, [
      [5, p.nameZh], [5, py], [3, `${p.first} ${p.last}`], [2, py.toUpperCase()], [2, `${p.last.toUpperCase()} ${p.first}`],
      [2, py.toLowerCase()], [1, `${p.familyZh} ${p.givenZh}`], [2, p.familyZh + typoZh], [1, `${p.nameZh}（${py}）`],
      [1, `${p.nameZh}${pick(r, ['先生', '女士', '总'])}`],
    ]);
  }
  const full = `${p.first} ${p.last}`;
  if (!duplicate) return weighted(r, [[20, full], [1, `${full} `], [1, full.toUpperCase()], [1, `${p.last}, ${p.first}`]]);
  const nick = V.NICKNAMES[p.first];
  return weighted(r, [
    [4, full], [3, full.toLowerCase()], [2, `${p.last}, ${p.first}`], [2, `${p.first}  ${p.last}`], [3, typo(full, r)],
    [2, `${p.first.charAt(0)}. ${p.last}`], [1, full.toUpperCase()], [1, ascii(full)], [nick ? 2 : 0, `${nick ?? p.first} ${p.last}`],
    [1, ` ${full}`],
  ]);
}

function formatCompany(p: Person, r: Rng, duplicate: boolean): string {
  if (!duplicate) return weighted(r, [[14, p.companyFull], [3, p.companyShort], [1, p.companyAlt], [1, `${p.companyFull} `]]);
  return weighted(r, [
    [3, p.companyFull], [3, p.companyShort], [3, p.companyAlt], [2, p.companyFull.toUpperCase()],
    [1, p.companyFull.toLowerCase()], [2, typo(p.companyShort, r)], [1, `${p.companyShort}.`],
  ]);
}

// Dates: day numbers since 1970-01-01 (UTC calendar arithmetic only; no time zones involved).
const DAY = 86_400_000;
const TODAY = Math.floor(Date.UTC(2026, 0, 15) / DAY);
const START = Math.floor(Date.UTC(2024, 0, 1) / DAY);
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_GARBAGE = ['next week', '下周', 'TBD', 'ASAP', '2024-13-45', '32/01/2024', 'Q3', '?', '月底', 'soon'];

function formatDate(day: number, zh: boolean, r: Rng): string {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const p2 = (n: number) => String(n).padStart(2, '0');
  return lazy(r, [
    [25, () => `${y}-${p2(m)}-${p2(dd)}`],
    [zh ? 18 : 4, () => `${y}/${m}/${dd}`],
    [zh ? 18 : 1, () => `${y}年${m}月${dd}日`],
    [zh ? 1 : 8, () => `${dd} ${MON[m - 1] ?? ''} ${y}`],
    [zh ? 1 : 9, () => `${MON[m - 1] ?? ''} ${dd}, ${y}`],
    [zh ? 2 : 12, () => `${p2(m)}/${p2(dd)}/${y}`],
    [3, () => `${p2(dd)}/${p2(m)}/${y}`],
    [zh ? 4 : 1, () => `${y}.${p2(m)}.${p2(dd)}`],
    [2, () => `${y}${p2(m)}${p2(dd)}`],
    [zh ? 3 : 0, () => `${m}月${dd}日`],
    [2, () => `${y}-${p2(m)}-${p2(dd)} ${p2(int(r, 8, 19))}:${pick(r, ['00', '15', '30', '45'])}`],
    [3, () => pick(r, DATE_GARBAGE)],
  ]);
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatMoney(amount: number, zh: boolean, r: Rng): string {
  const k = amount / 1000;
  const wan = amount / 10000;
  return lazy(r, [
    [zh ? 6 : 1, () => `¥${groupThousands(amount)}`],
    [zh ? 1 : 6, () => `$${groupThousands(amount)}`],
    [zh ? 0 : 3, () => `$${k}k`],
    [zh && amount >= 10000 ? 5 : 0, () => `${wan}万`],
    [zh ? 5 : 0, () => `${amount}元`],
    [5, () => String(amount)],
    [2, () => groupThousands(amount)],
    [zh ? 0 : 2, () => `$${groupThousands(amount)}.00`],
    [1, () => `USD ${amount}`],
    [zh ? 0 : 2, () => `£${groupThousands(amount)}`],
    [zh ? 0 : 1, () => `€${amount}`],
    [zh ? 2 : 0, () => `RMB ${groupThousands(amount)}`],
    [1, () => `${k}k`],
    [zh ? 1 : 0, () => `¥ ${amount}`],
    [2, () => pick(r, ['面议', 'tbd', 'a lot', '-', '待定'])],
  ]);
}

function roundAmount(x: number): number {
  if (x < 1000) return Math.round(x / 10) * 10;
  if (x < 10000) return Math.round(x / 100) * 100;
  return Math.round(x / 1000) * 1000;
}

// ---------------------------------------------------------------------------------------------------
// The duplicate plan.

const STAGE_ENTRIES = V.STAGES.map((s) => [s.weight, s] as const);
const ANCHOR_PHONE = 1;
const ANCHOR_EMAIL = 2;
const ANCHOR_BOTH = 3;

interface Plan {
  /** The row whose client this row repeats, or -1. */
  sourceOf: Int32Array;
  /** What stays equal up to formatting in this row's cluster (ANCHOR_*), 0 outside clusters. */
  anchorOf: Uint8Array;
  truth: number[][];
}

function makePlan(rows: number, seed: number, rate: number, hasPhone: boolean, hasEmail: boolean): Plan {
  const sourceOf = new Int32Array(rows).fill(-1);
  const anchorOf = new Uint8Array(rows);
  const truth: number[][] = [];
  if (!hasPhone && !hasEmail) return { sourceOf, anchorOf, truth };
  const r = rngFor(seed, rows, SALT_PLAN);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  let copies = Math.round(rows * rate);
  let at = 0;
  while (copies > 0 && at + 2 <= rows) {
    const size = Math.min(weighted(r, [[70, 2], [22, 3], [8, 4]]), copies + 1, rows - at);
    if (size < 2) break;
    const members = Array.from(order.subarray(at, at + size)).sort((a, b) => a - b);
    at += size;
    copies -= size - 1;
    let anchor = weighted(r, [[45, ANCHOR_BOTH], [30, ANCHOR_PHONE], [25, ANCHOR_EMAIL]]);
    if (!hasPhone) anchor = ANCHOR_EMAIL;
    if (!hasEmail) anchor = ANCHOR_PHONE;
    const source = members[0] as number;
    for (const m of members) {
      anchorOf[m] = anchor;
      if (m !== source) sourceOf[m] = source;
    }
    truth.push(members);
  }
  truth.sort((a, b) => (a[0] as number) - (b[0] as number));
  return { sourceOf, anchorOf, truth };
}

// ---------------------------------------------------------------------------------------------------

function resolveColumns(columns: GenerateOptions['columns']): ColumnKey[] {
  if (columns === undefined) return [...COLUMN_KEYS];
  if (typeof columns === 'number') {
    if (!Number.isInteger(columns) || columns < 1 || columns > COLUMN_KEYS.length) {
      throw new Error(`columns must be 1..${COLUMN_KEYS.length}`);
    }
    return COLUMN_KEYS.slice(0, columns);
  }
  for (const c of columns) if (!COLUMN_KEYS.includes(c)) throw new Error(`unknown column: ${String(c)}`);
  return [...columns];
}

function headerFor(columns: readonly ColumnKey[], locale: 'en' | 'zh' | 'mixed', seed: number): string[] {
  return columns.map((c, i) => {
    const [en, zh] = HEADERS[c];
    if (locale === 'en') return en;
    if (locale === 'zh') return zh;
    return rngFor(seed, i, 99)() < 0.5 ? en : zh;
  });
}

export function createTable(options: GenerateOptions): TableSource {
  const rows = options.rows;
  if (!Number.isInteger(rows) || rows < 0) throw new Error('rows must be a non-negative integer');
  if (rows > 999_999) throw new Error('rows must be below 1,000,000 (phones carry a 6-digit client number)');
  const seed = options.seed >>> 0;
  const zhShare = options.localeMix ?? 0.5;
  const columns = resolveColumns(options.columns);
  const header = headerFor(columns, options.headerLocale ?? 'mixed', seed);
  const plan = makePlan(rows, seed, options.duplicateRate ?? 0.06, columns.includes('phone'), columns.includes('email'));
  const hostileRate = options.hostileRate ?? 0.02;
  const tagDigits = Math.max(3, String(Math.max(rows - 1, 1)).length + 1);
  const hostileColumns = columns.filter((c) => ['name', 'company', 'title', 'nextStep', 'code', 'notes', 'city'].includes(c));

  function rowAt(i: number): string[] {
    if (!Number.isInteger(i) || i < 0 || i >= rows) throw new RangeError(`row ${i} out of range`);
    const source = plan.sourceOf[i] as number;
    const duplicate = source >= 0;
    const anchor = plan.anchorOf[i] as number;
    const person = makePerson(seed, duplicate ? source : i, zhShare, tagDigits);
    const r = rngFor(seed, i, SALT_ROW);
    const zh = person.zh;

    // Process facts of this row (a re-entered client may be at another stage).
    const stage = weighted(r, STAGE_ENTRIES);
    const lastContact = int(r, START, TODAY - 1);
    const amount = roundAmount(Math.exp(Math.log(300) + r() * (Math.log(500000) - Math.log(300))));

    const phoneKept = anchor === ANCHOR_PHONE || anchor === ANCHOR_BOTH;
    const emailKept = anchor === ANCHOR_EMAIL || anchor === ANCHOR_BOTH;

    const cell = (c: ColumnKey): string => {
      switch (c) {
        case 'name': return formatName(person, r, duplicate);
        case 'company': return chance(r, 0.06) ? '' : formatCompany(person, r, duplicate);
        case 'title': return chance(r, 0.25) ? '' : person.title;
        case 'email': {
          if (emailKept) return goodEmail(person, r);
          if (duplicate) {
            // Not this cluster's anchor: kept, dropped, or another address of the same person.
            // '<letters>.<digits>@' is a shape no client's own address has, and i is no client's number.
            const base = person.emailLocal.replace(/[\d._]+$/, '') || 'mail';
            const other = `${base}.${digitsOf(scramble(i, tagDigits, seed ^ 0x5bd1e995), tagDigits)}@${zh ? 'qq.com' : 'gmail.com'}`;
            return weighted(r, [[4, goodEmail(person, r)], [3, ''], [3, other]]);
          }
          return weighted(r, [[80, goodEmail(person, r)], [10, badEmail(person, r)], [10, '']]);
        }
        case 'phone': {
          if (phoneKept) return formatPhone(person, r);
          if (duplicate) {
            const otherNsn = person.nsn.slice(0, -6) + digitsOf(scramble(i, 6, seed), 6);
            return weighted(r, [[4, formatPhone(person, r)], [3, ''], [3, formatPhone({ ...person, nsn: otherNsn }, r)]]);
          }
          return weighted(r, [[84, formatPhone(person, r)], [8, badPhone(person, r)], [8, '']]);
        }
        case 'wechat': return person.wechat;
        case 'city': return chance(r, 0.15) ? '' : person.city;
        case 'channel': return chance(r, 0.1) ? '' : pick(r, V.CHANNELS);
        case 'owner': return chance(r, 0.05) ? '' : pick(r, pick(r, V.OWNERS));
        case 'stage': {
          if (chance(r, 0.04)) return '';
          return chance(r, 0.7) ? (zh && chance(r, 0.5) ? (stage.variants.find((v) => /[\u4e00-\u9fff]/.test(v)) ?? stage.label) : stage.label) : pick(r, stage.variants);
        }
        case 'nextStep': return chance(r, 0.3) ? '' : pick(r, zh ? V.NEXT_STEPS_ZH : V.NEXT_STEPS_EN);
        case 'nextFollowUp': return stage.label === 'Won' || stage.label === 'Lost' || chance(r, 0.2) ? '' : formatDate(lastContact + int(r, 2, 45), zh, r);
        case 'lastContact': return chance(r, 0.08) ? '' : formatDate(lastContact, zh, r);
        case 'priority': return chance(r, 0.3) ? '' : pick(r, V.PRIORITIES);
        case 'dealValue': return chance(r, 0.15) ? '' : formatMoney(amount, zh, r);
        case 'purchases': {
          if (stage.label !== 'Won' && chance(r, 0.6)) return '';
          const n = int(r, 0, 20);
          return weighted(r, [[10, String(n)], [1, ` ${n} `], [zh ? 2 : 0, `${n}次`], [n === 3 ? 1 : 0, zh ? '三' : 'three'], [n === 2 ? 1 : 0, 'two']]);
        }
        case 'lastPurchase': return stage.label === 'Won' && chance(r, 0.8) ? formatDate(lastContact - int(r, 0, 400), zh, r) : '';
        case 'website': {
          if (chance(r, 0.45)) return '';
          const d = person.domain;
          return weighted(r, [[4, `https://www.${d}`], [3, `www.${d}`], [2, d], [1, `http://${d}/`], [1, `http//${d}`], [1, `https://${d}/contact?ref=sheet&utm=1`]]);
        }
        case 'code': {
          const n = i + 1;
          return weighted(r, [[4, digitsOf(n, 5)], [3, `C${digitsOf(n, 5)}`], [2, `CF-2024-${digitsOf(n, 4)}`], [1, String(n)]]);
        }
        case 'notes': return chance(r, 0.5) ? '' : pick(r, V.NOTES);
      }
    };

    const out = columns.map(cell);
    // Hostile cells: some rows at random, plus every 53rd row from row 7 (so small tables have them too).
    if (hostileColumns.length > 0 && (i % 53 === 7 || rngFor(seed, i, SALT_HOSTILE)() < hostileRate)) {
      const hr = rngFor(seed, i, SALT_HOSTILE + 1);
      const col = columns.indexOf(pick(hr, hostileColumns));
      out[col] = pick(hr, V.HOSTILE);
    }
    return out;
  }

  return { header, columns, rows, truth: plan.truth, rowAt };
}

/** The whole table in memory (header, rows, truth). */
export function generateTable(options: GenerateOptions): GeneratedTable {
  const source = createTable(options);
  const rows = new Array<string[]>(source.rows);
  for (let i = 0; i < source.rows; i++) rows[i] = source.rowAt(i);
  return { header: source.header, rows, truth: source.truth };
}
