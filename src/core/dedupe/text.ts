/**
 * Text tools of the duplicate finder: folding, tokens, legal suffixes, pinyin for Chinese characters,
 * a phonetic key for Latin names, Jaro-Winkler and a soft token-set similarity. Pure and allocation-light
 * (they run on every candidate pair).
 */
import { PINYIN_TABLE, SURNAME_READINGS } from './pinyin-table';

let pinyinOf: Map<string, string> | null = null;
let surnameOf: Map<string, string> | null = null;

function loadPinyin(): void {
  pinyinOf = new Map();
  for (const word of PINYIN_TABLE.split(' ')) {
    const m = /^[a-z]+/.exec(word);
    if (!m) continue;
    for (const ch of word.slice(m[0].length)) pinyinOf.set(ch, m[0]);
  }
  surnameOf = new Map();
  for (const word of SURNAME_READINGS.split(' ')) if (word.length > 1) surnameOf.set(word[0] as string, word.slice(1));
}

/** Toneless pinyin of one Chinese character ('张' → 'zhang'), the family-name reading when asked; '' when unknown. */
export function pinyin(ch: string, asSurname = false): string {
  if (!pinyinOf) loadPinyin();
  if (asSurname) {
    const s = surnameOf?.get(ch);
    if (s) return s;
  }
  return pinyinOf?.get(ch) ?? '';
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** NFKC, lower case, accents removed; anything not a letter or digit becomes a space (runs collapsed). */
export function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Legal forms and their abbreviations, set aside when companies are compared ("Acme Inc." meets
 * "ACME"). Latin ones as folded tokens; Chinese ones as suffixes of a run of characters.
 */
const LEGAL_TOKENS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'corp', 'corporation', 'co', 'company', 'plc',
  'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'pty', 'pte', 'oy', 'ab', 'as', 'kk',
  'group', 'holdings', 'holding', 'the', 'and', 'of',
]);
const LEGAL_HAN = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|株式会社|工作室|商行|企业)+$/;
/** Titles and forms of address, set aside when people are compared. */
const HONORIFIC_TOKENS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'jr', 'sr']);
const HONORIFIC_HAN = /(先生|女士|小姐|老师|经理|总监|总经理|老板|博士|教授|总)$/;

export interface NameTokens {
  /** Latin tokens and the pinyin syllables of Chinese characters, unique, in order of appearance. */
  tokens: string[];
  /** The Chinese characters of the value, in order (legal suffixes and honorifics removed). */
  han: string;
}

/**
 * Tokens of a name or company: folded Latin words (legal forms, honorifics set aside) and one pinyin
 * syllable per Chinese character, so 张伟, "Zhang Wei", "WEI Zhang" and "张伟（Zhang Wei）" share tokens.
 * The first character of a Chinese name is read as a family name (曾 zeng, 单 shan).
 */
export function nameTokens(raw: string, org: boolean): NameTokens {
  const s = raw.normalize('NFKC');
  let han = '';
  const tokens: string[] = [];
  const seen = new Set<string>();
  const add = (t: string) => {
    if (t && !seen.has(t)) { seen.add(t); tokens.push(t); }
  };
  // Chinese runs: trim legal forms and honorifics, then one syllable per character.
  const runs = s.match(HAN_RUN) ?? [];
  for (let run of runs) {
    run = run.replace(LEGAL_HAN, '') || run;
    run = run.replace(HONORIFIC_HAN, '') || run;
    han += run;
    for (let i = 0; i < run.length; i++) {
      const ch = run[i] as string;
      const py = pinyin(ch, !org && i === 0);
      add(py || ch);
    }
  }
  // 'L.L.C.', 'S.A.' → 'llc', 'sa' before folding splits them into letters.
  const undotted = s.replace(HAN_RUN, ' ').replace(/\b((?:\p{L}\.){2,})/gu, (m) => m.replace(/\./g, '') + ' ');
  const latin = fold(undotted.replace(/&/g, ' and '));
  if (latin) {
    const words = latin.split(' ');
    const kept = words.filter((w) => !(org ? LEGAL_TOKENS.has(w) : HONORIFIC_TOKENS.has(w)) && w !== '');
    // "张伟（Zhang Wei）", "胡宇航 Hu Yuhang": Latin words that only spell the characters' pinyin again.
    const spelled = han ? tokens.join('') : '';
    for (const w of kept.length > 0 ? kept : words) if (!(spelled && w.length >= 2 && /^[a-z]+$/.test(w) && spelled.includes(w) && han.length >= 2 && spellsAll(kept, tokens))) add(w);
  }
  return { tokens, han };
}

/** Whether the Latin words, joined, spell the pinyin syllables (in order or with the family name last). */
function spellsAll(words: readonly string[], syllables: readonly string[]): boolean {
  const w = words.join('');
  if (w === syllables.join('')) return true;
  return syllables.length > 1 && w === [...syllables.slice(1), syllables[0]].join('');
}

// ---------------------------------------------------------------------------------------------------
// Similarities

const flagsA = new Uint8Array(256);
const flagsB = new Uint8Array(256);

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters), 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > 255 || lb > 255) return a.slice(0, 255) === b.slice(0, 255) ? 0.99 : jaroWinkler(a.slice(0, 255), b.slice(0, 255));
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  const maxP = Math.min(4, la, lb);
  while (prefix < maxP && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * True when a and b differ by at most one edit: one character inserted, deleted or replaced, or two
 * adjacent characters swapped (the optimal-string-alignment distance is at most 1). Linear, no allocation.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Replace at i, or swap i and i+1.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Similarity of two tokens: Jaro-Winkler, with an initial ('j') meeting any token it starts. */
function tokenSim(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.88 : 0;
  // Short words ('li' and 'lin', 'ng' and 'ngo') are different words, not typos of each other.
  if (a.length <= 3 || b.length <= 3) return 0;
  return jaroWinkler(a, b);
}

/**
 * Soft token-set similarity (a symmetric Monge-Elkan mean): each token meets its best counterpart in
 * the other set, by Jaro-Winkler; the mean over both sides, so word order does not matter and a token
 * found only on one side counts against. 0..1.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let sa = 0;
  for (const x of a) {
    let best = 0;
    for (const y of b) { const s = tokenSim(x, y); if (s > best) best = s; if (best === 1) break; }
    sa += best;
  }
  let sb = 0;
  for (const y of b) {
    let best = 0;
    for (const x of a) { const s = tokenSim(x, y); if (s > best) best = s; if (best === 1) break; }
    sb += best;
  }
  return (sa + sb) / (a.length + b.length);
}

/**
 * The smaller side's tokens all found in the larger one (softly), e.g. "Art's Deli" within "Art's
 * Delicatessen Restaurant": the mean best match of the shorter list. 0..1.
 */
export function tokenContainment(a: readonly string[], b: readonly string[]): number {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length === 0) return 0;
  let sum = 0;
  for (const x of s) {
    let best = 0;
    for (const y of l) {
      const v = x === y ? 1 : x.length >= 3 && y.startsWith(x) ? 0.95 : y.length >= 3 && x.startsWith(y) ? 0.95 : tokenSim(x, y);
      if (v > best) best = v;
    }
    sum += best;
  }
  return sum / s.length;
}

/** Dice coefficient over character bigrams (for Chinese text, where words are not spaced). 0..1. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a)) ? 0.7 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) { const g = a.slice(i, i + 2); grams.set(g, (grams.get(g) ?? 0) + 1); }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const c = grams.get(g) ?? 0;
    if (c > 0) { common++; grams.set(g, c - 1); }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}

const SOUNDEX_CODE: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/**
 * A phonetic key for a Latin name token (American Soundex: first letter and three consonant classes),
 * so "Smith" meets "Smyth" and "Catherine" meets "Cathrine". Other scripts are returned as they are.
 */
const phoneticMemo = new Map<string, string>();

export function phonetic(token: string): string {
  const hit = phoneticMemo.get(token);
  if (hit !== undefined) return hit;
  const key = soundex(token);
  if (phoneticMemo.size > 100000) phoneticMemo.clear();
  phoneticMemo.set(token, key);
  return key;
}

function soundex(token: string): string {
  if (!/^[a-z]/.test(token)) return token;
  let out = token[0] as string;
  let last = SOUNDEX_CODE[out] ?? '';
  for (let i = 1; i < token.length && out.length < 4; i++) {
    const ch = token[i] as string;
    const code = SOUNDEX_CODE[ch];
    if (code === undefined) {
      if (ch !== 'h' && ch !== 'w') last = '';
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out.padEnd(4, '0');
}
