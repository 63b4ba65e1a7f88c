/**
 * Seeded generators of record-linkage test sets with known truth, shaped like the public benchmarks
 * the duplicate finder is judged on (none of their data is used):
 * - `peopleSet`: synthetic person records with typos, FEBRL-style (lower case; given_name, surname,
 *   street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id; each
 *   original has 0-5 duplicates with 1-3 changes each: typing errors, missing values, phonetic
 *   spellings, swapped names, a mistyped birth date or number).
 * - `restaurantSet`: one city guide merged with another (name, addr, city, phone, type), each guide
 *   with its own ways of writing (phones "310/456-0488" vs "310-456-0488", "blvd." vs "blv.",
 *   "delicatessen" vs "deli", cuisines named differently), chains sharing names, hotels sharing phones.
 * - `companySet`: an organization registry merged from many sources (name, address, city, postcode,
 *   website): legal forms written every way, abbreviations, typos, missing fields, several companies
 *   per office building, sister companies with near names.
 * - `mixedSet`: clients written in Chinese and Latin (张伟 / Zhang Wei), messy phones and emails.
 * Truth: clusters (2+) of 0-based row indices.
 */
import { chance, int, mulberry32, pick, weighted, type Rng } from './random';

export interface LinkageSet { header: string[]; rows: string[][]; truth: number[][] }

const SYL = ['ka', 'ren', 'mi', 'chel', 'lo', 'an', 'na', 'tho', 'mas', 'jo', 'el', 'li', 'sa', 'ber', 'ton', 'ley', 'ri', 'da', 'vi', 'son',
  'ma', 'rie', 'ste', 'phen', 'al', 'ex', 'der', 'ca', 'mer', 'on', 'be', 'la', 'ni', 'co', 'le', 'ho', 'gan', 'ry', 'wa', 'ker', 'bur', 'ges', 'fi', 'ra', 'mon', 'te', 'dor'];
const FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara',
  'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'daniel', 'nancy', 'matthew', 'lisa', 'anthony',
  'emily', 'mark', 'olivia', 'steven', 'emma', 'andrew', 'sophie', 'kevin', 'grace', 'brian', 'chloe', 'george', 'hannah', 'edward',
  'amelia', 'oliver', 'isla', 'jack', 'freya', 'noah', 'zoe', 'lucas', 'ava', 'ethan', 'mia', 'joshua', 'samuel', 'benjamin', 'lachlan',
  'jaiden', 'madison', 'ella', 'jasmine', 'tahlia', 'campbell', 'harrison', 'connor', 'declan', 'bailey', 'riley', 'kayla', 'brooke'];
const LAST = ['smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'wilson', 'anderson', 'taylor', 'thomas',
  'moore', 'jackson', 'martin', 'lee', 'thompson', 'white', 'harris', 'clark', 'lewis', 'robinson', 'walker', 'young', 'allen', 'king',
  'wright', 'scott', 'green', 'baker', 'adams', 'nelson', 'hill', 'campbell', 'mitchell', 'roberts', 'carter', 'phillips', 'obrien',
  'nguyen', 'patel', 'kim', 'singh', 'evans', 'turner', 'parker', 'collins', 'ryan', 'kelly', 'murphy', 'mcdonald', 'stewart', 'reid'];
const STREET_KIND = ['street', 'road', 'place', 'crescent', 'avenue', 'circuit', 'drive', 'close', 'parade', 'terrace', 'court', 'way'];

/** Zipf-like pick: early items far likelier (names and places are not uniform). */
function zipf<T>(r: Rng, items: readonly T[]): T {
  const u = r();
  return items[Math.min(items.length - 1, Math.floor(items.length * u * u * u))] as T;
}

function word(r: Rng, min = 2, max = 3): string {
  let s = '';
  const k = int(r, min, max);
  for (let i = 0; i < k; i++) s += pick(r, SYL);
  return s;
}

/** A pool of `size` names: the real ones first (commonest), then made-up ones. */
function pool(r: Rng, real: readonly string[], size: number, min = 2, max = 3): string[] {
  const out = [...real];
  const seen = new Set(out);
  while (out.length < size) { const w = word(r, min, max); if (!seen.has(w)) { seen.add(w); out.push(w); } }
  return out;
}

function typo(r: Rng, s: string): string {
  if (s.length < 2) return s + pick(r, ['a', 'e', 'n']);
  const at = int(r, 0, s.length - 1);
  const letters = /\d/.test(s[at] ?? '') ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz';
  switch (int(r, 0, 3)) {
    case 0: return s.slice(0, at) + s.slice(at + 1);
    case 1: return s.slice(0, at) + pick(r, [...letters]) + s.slice(at);
    case 2: return s.slice(0, at) + pick(r, [...letters]) + s.slice(at + 1);
    default: return at + 1 < s.length ? s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) : s.slice(0, -1);
  }
}

const PHONETIC: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/, 'f'], [/ck/, 'k'], [/c(?=[aou])/, 'k'], [/y$/, 'ie'], [/ie$/, 'y'], [/ou/, 'ow'], [/ee/, 'ea'], [/th/, 't'], [/mm/, 'm'],
  [/ll/, 'l'], [/s$/, 'z'], [/ai/, 'ay'], [/son$/, 'sen'], [/er$/, 'a'],
];
function phoneticVariant(r: Rng, s: string): string {
  const rules = PHONETIC.filter(([re]) => re.test(s));
  if (rules.length === 0) return typo(r, s);
  const [re, to] = pick(r, rules);
  return s.replace(re, to);
}

function scoreShuffle<T>(r: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); const t = items[i] as T; items[i] = items[j] as T; items[j] = t; }
  return items;
}

/** Rows with their cluster ids, shuffled; truth from the ids. */
function finish(header: string[], rows: Array<{ id: number; row: string[] }>, r: Rng): LinkageSet {
  scoreShuffle(r, rows);
  const byId = new Map<number, number[]>();
  rows.forEach((x, i) => { const l = byId.get(x.id); if (l) l.push(i); else byId.set(x.id, [i]); });
  const truth = [...byId.values()].filter((c) => c.length > 1).sort((a, b) => (a[0] as number) - (b[0] as number));
  return { header, rows: rows.map((x) => x.row), truth };
}

// ---------------------------------------------------------------------------------------------------

export function peopleSet(opts: { originals: number; duplicates: number; seed: number; maxChanges?: number }): LinkageSet {
  const r = mulberry32(opts.seed);
  const firsts = pool(r, FIRST, 1500);
  const lasts = pool(r, LAST, 4000, 2, 4);
  const streets = pool(r, [], 1200, 2, 3);
  const suburbs = Array.from({ length: 900 }, () => word(r, 2, 4));
  const postOf = suburbs.map(() => String(int(r, 2000, 7999)));
  const states = ['nsw', 'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'nt'];
  const header = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'];
  const out: Array<{ id: number; row: string[] }> = [];
  const ssnUsed = new Set<string>();
  const originals: string[][] = [];
  for (let i = 0; i < opts.originals; i++) {
    const sub = int(r, 0, suburbs.length - 1);
    let ssn: string;
    do ssn = String(int(r, 1000000, 9999999)); while (ssnUsed.has(ssn));
    ssnUsed.add(ssn);
    const y = int(r, 1920, 2005);
    const row = [
      '',
      chance(r, 0.02) ? '' : zipf(r, firsts),
      chance(r, 0.01) ? '' : zipf(r, lasts),
      chance(r, 0.05) ? '' : String(weighted(r, [[6, int(r, 1, 99)], [3, int(r, 100, 999)], [1, int(r, 1000, 9999)]])),
      chance(r, 0.02) ? '' : `${zipf(r, streets)} ${pick(r, STREET_KIND)}`,
      chance(r, 0.6) ? '' : weighted(r, [[3, `${word(r)} ${pick(r, ['village', 'park', 'estate', 'house', 'vlge'])}`], [2, `unit ${int(r, 1, 40)}`], [1, `flat ${int(r, 1, 20)}`]]),
      chance(r, 0.02) ? '' : (suburbs[sub] as string),
      chance(r, 0.01) ? '' : (postOf[sub] as string),
      chance(r, 0.02) ? '' : weighted(r, [[33, 'nsw'], [25, 'vic'], [20, 'qld'], [10, 'wa'], [7, 'sa'], [2, 'tas'], [2, 'act'], [1, 'nt']]),
      chance(r, 0.03) ? '' : `${y}${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')}`,
      ssn,
    ];
    void states;
    originals.push(row);
    out.push({ id: i, row });
  }
  // Duplicates: up to five per original (most have one), each with one to three changes.
  let left = opts.duplicates;
  const order = scoreShuffle(r, Array.from({ length: opts.originals }, (_, i) => i));
  for (const i of order) {
    if (left <= 0) break;
    const k = Math.min(left, weighted(r, [[50, 1], [20, 2], [12, 3], [10, 4], [8, 5]]));
    for (let d = 0; d < k; d++) {
      const row = (originals[i] as string[]).slice();
      const changes = Math.min(opts.maxChanges ?? 3, weighted(r, [[45, 1], [35, 2], [20, 3], [opts.maxChanges && opts.maxChanges > 3 ? 15 : 0, 4], [opts.maxChanges && opts.maxChanges > 4 ? 10 : 0, 5]]));
      for (let c = 0; c < changes; c++) {
        const f = weighted(r, [[20, 1], [20, 2], [6, 3], [12, 4], [4, 5], [10, 6], [8, 7], [3, 8], [10, 9], [7, 10]]);
        const v = row[f] as string;
        const op = weighted(r, [[60, 'typo'], [15, 'missing'], [12, 'phonetic'], [5, 'swap'], [8, 'typo2']]);
        if (op === 'missing') row[f] = '';
        else if (op === 'swap' && (f === 1 || f === 2)) { const t = row[1] as string; row[1] = row[2] as string; row[2] = t; }
        else if (op === 'phonetic' && (f === 1 || f === 2 || f === 6)) row[f] = phoneticVariant(r, v);
        else if (op === 'typo2') row[f] = typo(r, typo(r, v));
        else row[f] = v === '' ? v : typo(r, v);
      }
      out.push({ id: i, row });
    }
    left -= k;
  }
  const set = finish(header, out, r);
  set.rows.forEach((row, idx) => { row[0] = `rec-${idx}`; });
  return set;
}

// ---------------------------------------------------------------------------------------------------

const CUISINES: ReadonlyArray<readonly [string, string]> = [
  ['american', 'american (new)'], ['italian', 'italian'], ['french', 'french (classic)'], ['steakhouses', 'american'], ['delis', 'delicatessen'],
  ['californian', 'californian'], ['chinese', 'asian'], ['japanese', 'sushi'], ['mexican', 'mexican/tex-mex'], ['seafood', 'seafood'],
  ['coffee shops', 'coffeehouses'], ['pizza', 'pizza'], ['southern', 'southern/soul'], ['indian', 'indian'], ['thai', 'thai'],
];
const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['los angeles', 'los angeles', '213'], ['new york', 'new york city', '212'], ['atlanta', 'atlanta', '404'], ['san francisco', 'san francisco', '415'],
  ['las vegas', 'las vegas', '702'], ['hollywood', 'los angeles', '213'], ['santa monica', 'santa monica', '310'], ['brooklyn', 'new york', '718'],
  ['studio city', 'studio city', '818'], ['pasadena', 'pasadena', '626'],
];
const NAME_WORDS = ['grill', 'cafe', 'bistro', 'kitchen', 'house', 'garden', 'room', 'tavern', 'diner', 'palace', 'trattoria', 'brasserie', 'oyster bar', 'steakhouse', 'deli'];
const CHAINS = ['california pizza kitchen', 'hard rock cafe', 'benihana', 'ruth\'s chris steak house', 'planet hollywood', 'p.f. chang\'s'];
const ABBR: ReadonlyArray<readonly [RegExp, string]> = [[/ blvd\.$/, ' blv.'], [/ ave\.$/, ' ave'], [/ st\.$/, ' st'], [/ rd\.$/, ' road'], [/^(\d+) w\. /, '$1 west '], [/^(\d+) e\. /, '$1 e '], [/ pl\.$/, ' place']];

export function restaurantSet(opts: { restaurants: number; shared: number; seed: number }): LinkageSet {
  const r = mulberry32(opts.seed);
  const header = ['name', 'addr', 'city', 'phone', 'type'];
  const out: Array<{ id: number; row: string[] }> = [];
  const phones = new Set<string>();
  interface R { name: string; num: number; street: string; city: number; phone: string; cuisine: number; hotel: boolean }
  const made: R[] = [];
  for (let i = 0; i < opts.restaurants; i++) {
    const city = zipf(r, Array.from({ length: CITIES.length }, (_, k) => k));
    const owner = pick(r, [...FIRST, ...LAST]);
    const name = chance(r, 0.04) ? pick(r, CHAINS)
      : weighted(r, [[3, `${owner}'s`], [3, `${word(r)} ${pick(r, NAME_WORDS)}`], [2, `${pick(r, ['le', 'la', 'il', 'chez', 'the', 'cafe'])} ${word(r)}`], [1, `${owner}'s ${pick(r, NAME_WORDS)}`], [1, word(r, 2, 3)]]);
    const hotelOf = made.length > 0 && chance(r, 0.015) ? pick(r, made) : null;
    let phone: string;
    if (hotelOf) phone = hotelOf.phone; // the hotel's switchboard
    else do phone = `${(CITIES[city] as readonly string[])[2]}-${int(r, 200, 999)}-${String(int(r, 0, 9999)).padStart(4, '0')}`; while (phones.has(phone));
    phones.add(phone);
    made.push({
      name, num: hotelOf ? hotelOf.num : int(r, 1, 12000), street: hotelOf ? hotelOf.street : `${chance(r, 0.3) ? pick(r, ['w.', 'e.', 's.', 'n.']) + ' ' : ''}${word(r)} ${pick(r, ['blvd.', 'ave.', 'st.', 'rd.', 'pl.', 'way'])}`,
      city: hotelOf ? hotelOf.city : city, phone, cuisine: int(r, 0, CUISINES.length - 1), hotel: hotelOf !== null,
    });
  }
  const fodors = (x: R): string[] => [x.name, `${x.num} ${x.street}`, (CITIES[x.city] as readonly string[])[0] as string, x.phone.replace('-', '/'), (CUISINES[x.cuisine] as readonly string[])[0] as string];
  const zagat = (x: R, rr: Rng): string[] => {
    let name = x.name;
    name = weighted(rr, [[6, name], [1, name.replace(/'s\b/, 's')], [1, name.replace('delicatessen', 'deli').replace(' grill', ' bar & grill')], [1, typo(rr, name)], [1, `${name} (${(CITIES[x.city] as readonly string[])[0]})`], [1, name.replace(/^the /, '')]]);
    let addr = `${x.num} ${x.street}`;
    for (const [re, to] of ABBR) if (re.test(addr) && chance(rr, 0.6)) addr = addr.replace(re, to);
    if (chance(rr, 0.05)) addr = typo(rr, addr);
    if (chance(rr, 0.05)) addr = `${addr} ${pick(rr, ['at 3rd st.', 'in the hotel', 'nr. main st.'])}`;
    const city = chance(rr, 0.85) ? ((CITIES[x.city] as readonly string[])[1] as string) : pick(rr, CITIES)[1];
    const phone = chance(rr, 0.04) ? `${x.phone.slice(0, 4)}${int(rr, 200, 999)}-${String(int(rr, 0, 9999)).padStart(4, '0')}` : x.phone;
    return [name, addr, city, phone, (CUISINES[x.cuisine] as readonly string[])[chance(rr, 0.5) ? 1 : 0] as string];
  };
  // Guide A lists some, guide B lists some; `shared` are in both.
  made.forEach((x, i) => {
    const inA = i < opts.shared || chance(r, 0.55);
    const inB = i < opts.shared || !inA;
    if (inA) out.push({ id: i, row: fodors(x) });
    if (inB) out.push({ id: i, row: zagat(x, r) });
  });
  return finish(header, out, r);
}

// ---------------------------------------------------------------------------------------------------

const ORG_A = ['acme', 'northwind', 'blue harbor', 'silver oak', 'red maple', 'summit', 'brightline', 'ironwood', 'cedar grove', 'pioneer',
  'evergreen', 'lakeside', 'stonebridge', 'crescent', 'atlas', 'harbor point', 'greenfield', 'westbrook', 'sunrise', 'riverstone', 'first national',
  'united', 'general', 'american', 'pacific', 'global', 'advanced', 'premier', 'national'];
const ORG_B = ['logistics', 'traders', 'software', 'consulting', 'foods', 'laboratories', 'media', 'dental', 'design', 'manufacturing', 'analytics',
  'outfitters', 'health', 'ventures', 'realty', 'insurance', 'holdings', 'systems', 'electric', 'construction', 'pharmaceuticals', 'bank', 'trust'];
const LEGAL: ReadonlyArray<readonly string[]> = [
  ['Inc.', 'Inc', 'Incorporated', 'INC', ''], ['LLC', 'L.L.C.', 'llc', ''], ['Ltd', 'Ltd.', 'Limited', ''], ['Corp.', 'Corporation', 'Corp', 'CORP', ''], ['Co.', 'Company', '& Co.', ''],
];
const ORG_ABBR: Readonly<Record<string, string>> = {
  laboratories: 'labs', manufacturing: 'mfg', international: 'intl', construction: 'constr', pharmaceuticals: 'pharma', systems: 'sys', national: 'natl', insurance: 'ins', american: 'amer',
};

function title(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

export function companySet(opts: { companies: number; seed: number }): LinkageSet {
  const r = mulberry32(opts.seed);
  const header = ['name', 'address', 'city', 'postcode', 'website'];
  const out: Array<{ id: number; row: string[] }> = [];
  const cities = Array.from({ length: 60 }, () => title(word(r, 2, 3)));
  const buildings = Array.from({ length: Math.ceil(opts.companies / 6) }, () => ({ num: int(r, 1, 2500), street: `${title(word(r))} ${pick(r, ['Street', 'Avenue', 'Road', 'Boulevard', 'Drive'])}`, city: zipf(r, cities), post: String(int(r, 10000, 99999)) }));
  const names = new Set<string>();
  interface C { core: string; legal: readonly string[]; b: (typeof buildings)[number]; suite: number; site: string }
  const cs: C[] = [];
  for (let i = 0; i < opts.companies; i++) {
    let core: string;
    do {
      core = weighted(r, [
        [4, `${pick(r, ORG_A)} ${pick(r, ORG_B)}`], [3, `${word(r)} ${pick(r, ORG_B)}`], [2, `${title(pick(r, LAST))} & ${title(pick(r, LAST))}`],
        [1, `${word(r)} ${word(r, 1, 2)} ${pick(r, ORG_B)}`], [1, `${pick(r, ORG_A)} ${word(r)}`],
      ]).toLowerCase();
    } while (names.has(core));
    names.add(core);
    // Sister companies: same stem, another trade, sometimes the same building.
    const b = chance(r, 0.7) ? pick(r, buildings) : { num: int(r, 1, 9999), street: `${title(word(r))} ${pick(r, ['Street', 'Avenue', 'Road'])}`, city: zipf(r, cities), post: String(int(r, 10000, 99999)) };
    cs.push({ core, legal: pick(r, LEGAL), b, suite: chance(r, 0.5) ? int(r, 100, 2400) : 0, site: `${core.replace(/[^a-z]/g, '')}.com` });
  }
  const source = (c: C, rr: Rng): string[] => {
    let n = c.core;
    if (chance(rr, 0.3)) n = n.split(' ').map((w) => ORG_ABBR[w] ?? w).join(' ');
    if (chance(rr, 0.12)) n = typo(rr, n);
    if (chance(rr, 0.1)) n = n.replace(' & ', ' and ');
    const legal = pick(rr, c.legal);
    let name = `${n}${legal ? (legal.startsWith('&') ? ' ' : ' ') + legal : ''}`;
    name = weighted(rr, [[4, title(name)], [2, name.toUpperCase()], [1, name], [1, `${title(name).replace(/ (Inc|Ltd|Corp|LLC)\.?$/, ', $1.')}`]]);
    const street = weighted(rr, [[3, c.b.street], [2, c.b.street.replace('Street', 'St').replace('Avenue', 'Ave').replace('Road', 'Rd').replace('Boulevard', 'Blvd').replace('Drive', 'Dr')], [1, c.b.street.toUpperCase()]]);
    let addr = `${c.b.num} ${street}`;
    if (c.suite && chance(rr, 0.6)) addr += weighted(rr, [[1, `, Suite ${c.suite}`], [1, ` Ste ${c.suite}`], [1, ` #${c.suite}`]]);
    if (chance(rr, 0.05)) addr = typo(rr, addr);
    return [
      name,
      chance(rr, 0.1) ? '' : addr,
      chance(rr, 0.08) ? '' : chance(rr, 0.2) ? c.b.city.toUpperCase() : c.b.city,
      chance(rr, 0.25) ? '' : chance(rr, 0.05) ? typo(rr, c.b.post) : c.b.post,
      chance(rr, 0.6) ? '' : weighted(rr, [[2, `www.${c.site}`], [1, `https://${c.site}/`], [1, `http://www.${c.site}/about`]]),
    ];
  };
  cs.forEach((c, i) => {
    const k = weighted(r, [[55, 1], [25, 2], [10, 3], [6, 4], [4, 6]]);
    for (let d = 0; d < k; d++) out.push({ id: i, row: source(c, r) });
  });
  return finish(header, out, r);
}

// ---------------------------------------------------------------------------------------------------

const ZH_FAMILY: ReadonlyArray<readonly [string, string]> = [['张', 'Zhang'], ['王', 'Wang'], ['李', 'Li'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'], ['罗', 'Luo'], ['高', 'Gao'], ['曾', 'Zeng'], ['单', 'Shan']];
const ZH_GIVEN: ReadonlyArray<readonly [string, string]> = [['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['强', 'Qiang'], ['磊', 'Lei'], ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'], ['杰', 'Jie'], ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['秀英', 'Xiuying'], ['建华', 'Jianhua'], ['晓东', 'Xiaodong'], ['志强', 'Zhiqiang'], ['海燕', 'Haiyan'], ['嘉怡', 'Jiayi'], ['子轩', 'Zixuan'], ['思远', 'Siyuan']];
const ZH_CO: readonly string[] = ['华为', '腾飞', '长城', '东方', '新世纪', '金桥', '远航', '博达', '星辰', '恒信'];
const ZH_TRADE: readonly string[] = ['科技', '贸易', '咨询', '食品', '物流', '传媒'];

export function mixedSet(opts: { clients: number; seed: number }): LinkageSet {
  const r = mulberry32(opts.seed);
  const header = ['客户名称', '公司', '手机', '邮箱', '城市'];
  const out: Array<{ id: number; row: string[] }> = [];
  for (let i = 0; i < opts.clients; i++) {
    const zh = chance(r, 0.6);
    const [fz, fl] = pick(r, ZH_FAMILY);
    const [gz, gl] = pick(r, ZH_GIVEN);
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const mobile = `1${pick(r, ['38', '39', '50', '86', '77'])}${String(int(r, 0, 99999999)).padStart(8, '0')}`;
    const usPhone = `${int(r, 201, 989)}${int(r, 200, 999)}${String(int(r, 0, 9999)).padStart(4, '0')}`;
    const co = zh ? `${pick(r, ZH_CO)}${pick(r, ZH_TRADE)}` : `${title(pick(r, ORG_A))} ${title(pick(r, ORG_B))}`;
    const mail = zh ? `${fl.toLowerCase()}${gl.toLowerCase()}${int(r, 1, 999)}@${pick(r, ['qq.com', '163.com'])}` : `${first}.${last}${int(r, 1, 99)}@gmail.com`;
    const city = zh ? pick(r, ['北京', '上海', '深圳', '广州', '杭州']) : pick(r, ['New York', 'London', 'Sydney']);
    const copies = weighted(r, [[80, 1], [15, 2], [5, 3]]);
    for (let c = 0; c < copies; c++) {
      const dup = c > 0;
      const name = zh
        ? weighted(r, dup ? [[3, fz + gz], [3, `${fl} ${gl}`], [2, `${gl} ${fl}`], [1, `${fl.toUpperCase()} ${gl}`], [1, `${fz}${gz}先生`]] : [[8, fz + gz], [2, `${fl} ${gl}`]])
        : weighted(r, dup ? [[3, `${title(first)} ${title(last)}`], [2, `${title(last)}, ${title(first)}`], [2, `${first[0]?.toUpperCase()}. ${title(last)}`], [2, typo(r, `${first} ${last}`)]] : [[1, `${title(first)} ${title(last)}`]]);
      const phone = zh
        ? weighted(r, [[3, mobile], [2, `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`], [2, `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`], [1, `(+86)${mobile}`]])
        : weighted(r, [[3, `(${usPhone.slice(0, 3)}) ${usPhone.slice(3, 6)}-${usPhone.slice(6)}`], [2, `${usPhone.slice(0, 3)}.${usPhone.slice(3, 6)}.${usPhone.slice(6)}`], [2, `+1 ${usPhone}`]]);
      const keepPhone = !dup || chance(r, 0.7);
      const keepMail = !dup || !keepPhone || chance(r, 0.6);
      out.push({
        id: i,
        row: [
          name,
          chance(r, 0.2) ? '' : dup && zh ? `${co}${pick(r, ['有限公司', '股份有限公司', ''])}` : dup ? `${co} ${pick(r, ['Inc.', 'LLC', 'Ltd', ''])}`.trim() : co,
          keepPhone ? phone : '',
          keepMail ? (dup && chance(r, 0.3) ? mail.toUpperCase() : mail) : '',
          chance(r, 0.2) ? '' : city,
        ],
      });
    }
  }
  return finish(header, out, r);
}

/** Pairwise precision, recall and F1 of predicted clusters against the truth. */
export function pairScore(predicted: ReadonlyArray<ReadonlyArray<number>>, truth: ReadonlyArray<ReadonlyArray<number>>): { precision: number; recall: number; f1: number; predicted: number; correct: number; truePairs: number } {
  const truthOf = new Map<number, number>();
  truth.forEach((c, id) => c.forEach((row) => truthOf.set(row, id)));
  let predictedPairs = 0;
  let correct = 0;
  for (const c of predicted) {
    predictedPairs += (c.length * (c.length - 1)) / 2;
    const byTruth = new Map<number, number>();
    for (const row of c) { const id = truthOf.get(row); if (id !== undefined) byTruth.set(id, (byTruth.get(id) ?? 0) + 1); }
    for (const k of byTruth.values()) correct += (k * (k - 1)) / 2;
  }
  let truePairs = 0;
  for (const c of truth) truePairs += (c.length * (c.length - 1)) / 2;
  const precision = predictedPairs === 0 ? 1 : correct / predictedPairs;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted: predictedPairs, correct, truePairs };
}
