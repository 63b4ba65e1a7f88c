/**
 * The duplicate finder: record-level matching over whatever identifying columns a table has, with no
 * settings.
 *
 * 1. Columns and their kinds from the same inference as "Adopt this sheet" (./fields.ts); every value
 *    prepared once and keyed, so exact agreement is an integer comparison and value frequencies are
 *    counts.
 * 2. Blocking on several cheap keys (normalized email and its mailbox name, phone, identifiers, dates,
 *    postcodes, the whole name in any order or script and its sound, a name's rarer words, first +
 *    last name, house number + street word), the union of their pairs, as Splink's several
 *    `blocking_rules_to_generate_predictions` and recordlinkage's `Block` indexes do. A block larger
 *    than BLOCK_ALL is not expanded to all its pairs: its records are sorted by name and each meets its
 *    WINDOW next ones (the sorted-neighbourhood method of recordlinkage's `SortedNeighbourhood`); a
 *    block larger than BLOCK_SKIP (a switchboard, a common surname's sound) is dropped. Cost stays near
 *    n log n and recall does not rest on any single key.
 * 3. Fellegi-Sunter weights from the table itself (./model.ts): u from random pairs, m by EM in one
 *    session per blocking field, the prior as the chance two random records match. Exact agreement is
 *    term-frequency adjusted (Splink's tf adjustment: the u of an exact match on x is x's frequency,
 *    counted over distinct records and capped), so a shared "John Smith" or switchboard is weak
 *    evidence; disagreement on an email or birth date is evidence against. Columns that describe one
 *    place (address, city, postcode, website) count as one facet, and when two records name different
 *    people (or companies) their place, company and shared phone add little (colleagues, neighbours).
 */
import type { CellValue, TypeContext } from '../fields/types';
import { inferWithPhoneRegion, type Inference } from '../infer';
import {
  chooseFields, CLOSE, DIFFERENT, EXACT, fuzzyLevel, LEVEL_NAMES, LEVELS, MISSING, PARTIAL, prepare,
  type FieldSpec, type Kind, type Level, type LevelName, type Val,
} from './fields';
import { estimateU, fitLambda, fitModel, levelWeight, M_START, type Model } from './model';
import { phonetic, withinOneEdit } from './text';

/** Match probability above which two records are the same client. */
export const THRESHOLD = 0.5;
/** A cluster whose weakest join is at least this sure needs no review. */
export const SURE = 0.95;
/** Pairs between LOW and THRESHOLD are offered for review, not merged. */
export const LOW = 0.2;
/** Blocks up to this size yield all their pairs; larger ones are windowed. */
const BLOCK_ALL = 12;
const WINDOW = 3;
/**
 * Blocks larger than this (a common surname's sound, "Trading", a switchboard) are not used at all:
 * their windows would pair records that share nothing else, and the other keys find the duplicates.
 */
const BLOCK_SKIP = 1000;
/** Random pairs drawn to estimate u. */
const U_SAMPLE = 30000;
/** A term-frequency weight exceeds the column's average exact-match weight by at most log2 of this. */
const TF_CAP = 4;
/**
 * At most this share of one client's record pairs disagree outright on a column of the kind (both
 * filled): the prior that keeps EM from taking pairs that merely share a name word for matches. Loose
 * for free text (a cuisine, a district), tight for what a person rarely writes two ways.
 */
const MAX_DIFFERENT: Record<Kind, number> = {
  name: 0.15, org: 0.15, email: 0.2, phone: 0.2, id: 0.2, website: 0.3, date: 0.15, address: 0.3, text: 0.5, code: 0.3,
};
/**
 * Facets: where a record is (address, city, postcode, state, website) is one facet whose parts agree
 * together; every other column is its own facet (a name, an email, a birth date are independent).
 */
const PLACE = 0;
const FACET_OF: Record<Kind, number> = { address: PLACE, text: PLACE, code: PLACE, website: PLACE, name: -1, org: -1, phone: -1, email: -1, id: -1, date: -1 };
/** What the place facet may add, at most, when the names disagree. */
const PLACE_ALONE = 3;
const FACET_DAMPING = 0.3;
/** The usual u of each kind (exact, close, partial, different): the prior of small tables. */
const U_PRIOR: Record<Kind, readonly number[]> = {
  name: [0.002, 0.002, 0.01, 0.986], org: [0.002, 0.002, 0.02, 0.976], email: [0.0005, 0.0005, 0.0005, 0.9985],
  phone: [0.0005, 0.0005, 0.0005, 0.9985], id: [0.0005, 0.0005, 0.0005, 0.9985], website: [0.002, 0.002, 0.001, 0.995],
  date: [0.001, 0.002, 0.05, 0.947], address: [0.002, 0.002, 0.01, 0.986], text: [0.1, 0.01, 0.02, 0.87], code: [0.01, 0.02, 0.01, 0.96],
};
/** Cross pairs checked, at most, when two groups are about to join. */
const LINK_CHECK = 400;

export interface FieldEvidence {
  column: number;
  header: string;
  level: LevelName;
  /** Evidence in bits (log2 of the likelihood ratio): > 0 for, < 0 against. */
  weight: number;
}

export interface PairEvidence {
  /** 0-based data rows (header excluded), a < b. */
  a: number;
  b: number;
  probability: number;
  /** Total evidence in bits, the prior included. */
  weight: number;
  fields: FieldEvidence[];
}

export interface Cluster {
  /** 0-based data rows, ascending. */
  rows: number[];
  /** Match probability of its weakest join (average linkage). */
  score: number;
  band: 'sure' | 'review';
  /** The pairs that joined it, strongest first, with their evidence. */
  links: PairEvidence[];
}

export interface FieldReport {
  column: number;
  header: string;
  kind: Kind;
  /** Weight of each level in bits, as learned (exact before term-frequency adjustment). */
  weights: Record<Exclude<LevelName, 'missing'>, number>;
  m: number[];
  u: number[];
}

export interface DedupeResult {
  /** Data rows read (header excluded). */
  rows: number;
  /** 0-based grid row of the header, or null when none was found (nothing is compared then). */
  headerRow: number | null;
  fields: FieldReport[];
  clusters: Cluster[];
  /** Pairs below the threshold but worth a look, not in one cluster. At most 1000, likeliest first. */
  possible: PairEvidence[];
  threshold: number;
  sure: number;
  stats: { candidatePairs: number; patterns: number; lambda: number; iterations: number };
}

export interface DedupeInput {
  grid: ReadonlyArray<ReadonlyArray<CellValue>>;
  ctx: TypeContext;
  /** Known header row (a set-up table); guessed as adopt does when absent. */
  headerRow?: number;
}

/** The table prepared for comparison. */
interface Table {
  n: number;
  fields: FieldSpec[];
  ids: Int32Array[];
  vals: Val[][];
  counts: Int32Array[];
  filled: number[];
  /** Pairs of records that are copies (every column the same, at least two filled). */
  copyPairs: number;
  /**
   * Per field, one integer per value that settles most of fuzzyLevel's comparisons without reading the
   * values: an email's mailbox name (when of 3 characters or more), a website's host, a phone's last 8
   * digits (when of 7 or more) as interned ids (-1: none), equal exactly when fuzzyLevel finds them
   * equal; for names, companies and text of several words (a name without Chinese characters), a
   * mask of their initials (char code mod 31) with the top bit set, 0 otherwise: two such masks with no
   * bit in common share no initial, which fuzzyLevel's first test calls different.
   */
  quick: Int32Array[];
  /** Per field of at most SEEN_MAX distinct values: fuzzy level + 1 of each ordered value pair met (0: not yet). */
  levelSeen: Array<Uint8Array | null>;
  given: number;
  family: number;
}

function cellString(v: CellValue | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v);
}

function prepareTable(grid: DedupeInput['grid'], inf: Inference, ctx: TypeContext): Table {
  const n = inf.dataEnd - inf.dataStart;
  const fields = chooseFields(inf.columns, (c) => {
    const out: string[] = new Array<string>(n);
    for (let r = 0; r < n; r++) out[r] = cellString(grid[inf.dataStart + r]?.[c]).trim();
    return out;
  });
  const ids: Int32Array[] = [];
  const vals: Val[][] = [];
  const counts: Int32Array[] = [];
  const filled: number[] = [];
  for (const f of fields) {
    const byKey = new Map<string, number>();
    const memo = new Map<string, number>();
    const list: Val[] = [];
    const id = new Int32Array(n).fill(-1);
    const cnt: number[] = [];
    let nn = 0;
    for (let r = 0; r < n; r++) {
      const raw = grid[inf.dataStart + r]?.[f.column];
      if (raw === undefined || raw === '' || raw === null) continue;
      const rawKey = typeof raw === 'string' ? raw : undefined;
      let k = rawKey !== undefined ? memo.get(rawKey) : undefined;
      if (k === undefined) {
        const v = prepare(f.kind, raw, ctx);
        if (v === null) k = -1;
        else {
          k = byKey.get(v.key);
          if (k === undefined) {
            k = list.length;
            byKey.set(v.key, k);
            list.push(v);
            cnt.push(0);
          }
        }
        if (rawKey !== undefined && memo.size < 200000) memo.set(rawKey, k);
      }
      if (k < 0) continue;
      id[r] = k;
      cnt[k] = (cnt[k] as number) + 1;
      nn++;
    }
    ids.push(id);
    vals.push(list);
    counts.push(Int32Array.from(cnt));
    filled.push(nn);
  }
  // Value frequencies over distinct records: a client entered 500 times makes its name, email and
  // phone look common, and their agreement weak, unless its copies count once (the failure of
  // empirical term frequencies that Splink's documentation warns of for tables with duplicates).
  // Records are grouped by their value ids in every field: a hash of the ids finds the candidate
  // groups, whose first record is compared id by id.
  const F = fields.length;
  const byHash = new Map<number, number[]>();
  const groupRow: number[] = [];
  const groupSize: number[] = [];
  for (let f = 0; f < F; f++) { counts[f]!.fill(0); filled[f] = 0; }
  for (let r = 0; r < n; r++) {
    let h = 0x811c9dc5;
    let set = 0;
    for (let f = 0; f < F; f++) {
      const id = (ids[f] as Int32Array)[r] as number;
      h = Math.imul(h ^ id, 0x01000193);
      if (id >= 0) set++;
    }
    h &= 0x3fffffff;
    const candidates = byHash.get(h);
    let g = -1;
    if (candidates) {
      for (const c of candidates) {
        const r0 = groupRow[c] as number;
        let same = true;
        for (let f = 0; f < F && same; f++) same = (ids[f] as Int32Array)[r] === (ids[f] as Int32Array)[r0];
        if (same) { g = c; break; }
      }
    }
    if (g >= 0) { if (set >= 2) groupSize[g] = (groupSize[g] as number) + 1; continue; }
    if (candidates) candidates.push(groupRow.length); else byHash.set(h, [groupRow.length]);
    groupRow.push(r);
    groupSize.push(1);
    for (let f = 0; f < fields.length; f++) {
      const id = (ids[f] as Int32Array)[r] as number;
      if (id < 0) continue;
      (counts[f] as Int32Array)[id] = ((counts[f] as Int32Array)[id] as number) + 1;
      filled[f] = (filled[f] as number) + 1;
    }
  }
  let copyPairs = 0;
  for (const k of groupSize) copyPairs += (k * (k - 1)) / 2;
  return {
    n, fields, ids, vals, counts, filled, copyPairs,
    quick: fields.map((f, k) => quickOf(f.kind, vals[k] as Val[])),
    levelSeen: vals.map((v) => (v.length <= SEEN_MAX ? new Uint8Array(v.length * v.length) : null)),
    given: fields.findIndex((f) => f.role === 'givenName'),
    family: fields.findIndex((f) => f.role === 'familyName'),
  };
}

/** Columns with at most this many distinct values remember every fuzzy level (a 4 MB table at most). */
const SEEN_MAX = 2048;

/** The `quick` integers of a field's values (see Table). */
function quickOf(kind: Kind, vals: readonly Val[]): Int32Array {
  const out = new Int32Array(vals.length);
  const intern = new Map<string, number>();
  const idOf = (s: string): number => {
    let k = intern.get(s);
    if (k === undefined) { k = intern.size; intern.set(s, k); }
    return k;
  };
  for (let k = 0; k < vals.length; k++) {
    const v = vals[k] as Val;
    switch (kind) {
      case 'email': out[k] = v.aux.length >= 3 ? idOf(v.aux) : -1; break;
      case 'website': out[k] = idOf(v.aux); break;
      case 'phone': { const tail = v.aux.slice(-8); out[k] = tail.length >= 7 ? idOf(tail) : -1; break; }
      case 'name': case 'org': case 'text': {
        if (v.tokens.length < 2 || (kind === 'name' && v.aux)) break;
        let mask = 0;
        for (const tok of v.tokens) if (tok.length > 0) mask |= 1 << (tok.charCodeAt(0) % 31);
        out[k] = mask | 0x80000000;
        break;
      }
      default: out[k] = -1;
    }
  }
  return out;
}

/** Levels of every field for rows i and j, into out. */
function compareRows(t: Table, i: number, j: number, out: Uint8Array): void {
  const F = t.fields.length;
  for (let f = 0; f < F; f++) {
    const ids = t.ids[f] as Int32Array;
    const a = ids[i] as number;
    const b = ids[j] as number;
    if (a < 0 || b < 0) { out[f] = MISSING; continue; }
    if (a === b) { out[f] = EXACT; continue; }
    // Shortcuts that give fuzzyLevel's answer from integers prepared once per value (see `quick`).
    const q = t.quick[f] as Int32Array;
    const kind = (t.fields[f] as FieldSpec).kind;
    if (kind === 'email' || kind === 'website') { const x = q[a] as number; out[f] = x >= 0 && x === q[b] ? CLOSE : DIFFERENT; continue; }
    if (kind === 'phone') {
      const x = q[a] as number;
      if (x >= 0 && x === q[b]) { out[f] = CLOSE; continue; }
      // (fuzzyLevel's next test: the same length and at most one edit apart.)
      const pa = ((t.vals[f] as Val[])[a] as Val).aux;
      const pb = ((t.vals[f] as Val[])[b] as Val).aux;
      out[f] = pa.length === pb.length && withinOneEdit(pa, pb) ? PARTIAL : DIFFERENT;
      continue;
    }
    else if (kind === 'name' || kind === 'org' || kind === 'text') {
      const x = q[a] as number;
      const y = q[b] as number;
      if (x !== 0 && y !== 0 && (x & y & 0x7fffffff) === 0) { out[f] = DIFFERENT; continue; }
    }
    const vals = t.vals[f] as Val[];
    const seen = t.levelSeen[f];
    if (seen) {
      // A column of few distinct values (a city): each pair of values is compared once.
      const k = a * vals.length + b;
      const known = seen[k] as number;
      if (known !== 0) { out[f] = known - 1; continue; }
      const level = fuzzyLevel(kind, vals[a] as Val, vals[b] as Val);
      seen[k] = level + 1;
      out[f] = level;
      continue;
    }
    out[f] = fuzzyLevel(kind, vals[a] as Val, vals[b] as Val);
  }
  // First and last name written in each other's column.
  const g = t.given;
  const s = t.family;
  if (g >= 0 && s >= 0 && (out[g] as number) >= PARTIAL && (out[s] as number) >= PARTIAL) {
    const gi = (t.ids[g] as Int32Array)[i] as number;
    const si = (t.ids[s] as Int32Array)[i] as number;
    const gj = (t.ids[g] as Int32Array)[j] as number;
    const sj = (t.ids[s] as Int32Array)[j] as number;
    if (gi >= 0 && si >= 0 && gj >= 0 && sj >= 0) {
      const gv = t.vals[g] as Val[];
      const sv = t.vals[s] as Val[];
      const cross1 = fuzzyLevel('name', gv[gi] as Val, sv[sj] as Val);
      const cross2 = fuzzyLevel('name', sv[si] as Val, gv[gj] as Val);
      const k1 = (gv[gi] as Val).key === (sv[sj] as Val).key ? EXACT : cross1;
      const k2 = (sv[si] as Val).key === (gv[gj] as Val).key ? EXACT : cross2;
      if (k1 <= CLOSE && k2 <= CLOSE) { out[g] = CLOSE; out[s] = CLOSE; }
    }
  }
}

/** Whether a pair's levels say copy: every column filled on both sides the same, at least two. */
function isCopy(t: Table, levels: Uint8Array): boolean {
  let same = 0;
  for (let f = 0; f < t.fields.length; f++) {
    const l = levels[f] as number;
    if (l === EXACT) same++;
    else if (l !== MISSING) return false;
  }
  return same >= 2;
}

// ---------------------------------------------------------------------------------------------------
// Blocking

class PairSet {
  private codes = new Float64Array(1 << 16);
  private size = 0;
  constructor(private readonly n: number) {}
  add(i: number, j: number): void {
    if (i === j) return;
    const code = i < j ? i * this.n + j : j * this.n + i;
    if (this.size === this.codes.length) {
      const next = new Float64Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[this.size++] = code;
  }
  addCode(code: number): void {
    if (this.size === this.codes.length) {
      const next = new Float64Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[this.size++] = code;
  }
  /** Sorted distinct pair codes. */
  done(): Float64Array {
    const all = this.codes.subarray(0, this.size).sort();
    let w = 0;
    for (let r = 0; r < all.length; r++) if (r === 0 || all[r] !== all[r - 1]) all[w++] = all[r] as number;
    return all.slice(0, w);
  }
}

/** The pairs of each block: all of them in a small block; in a larger one each record with its WINDOW neighbours in name order. */
function emitBlocks(blocks: Map<string, number[]>, sortKey: (r: number) => string, pairs: PairSet, skipAbove: number): void {
  for (const members of blocks.values()) {
    const k = members.length;
    if (k < 2 || k > skipAbove) continue;
    if (k <= BLOCK_ALL) {
      for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) pairs.add(members[x] as number, members[y] as number);
      continue;
    }
    const sorted = members.slice().sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    for (let x = 0; x < k; x++) {
      for (let y = x + 1; y <= x + WINDOW && y < k; y++) pairs.add(sorted[x] as number, sorted[y] as number);
    }
  }
}

interface Candidates {
  all: Float64Array;
  /** The pairs each field's blocks gave (for the training sessions of EM). */
  byField: Array<Float64Array | null>;
}

function candidatePairs(t: Table): Candidates {
  const { n, fields } = t;
  const all = new PairSet(n);
  const byField: Array<Float64Array | null> = [];
  // Records sorted by their names (then other text) meet their neighbours inside huge blocks.
  const nameFields = fields.map((f, i) => (f.kind === 'name' || f.kind === 'org' ? i : -1)).filter((i) => i >= 0);
  const textFields = fields.map((f, i) => (f.kind === 'address' || f.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  const sortFields = [...nameFields, ...textFields];
  // (Written out only for the records of large blocks, the only ones sorted.)
  const keys: Array<string | undefined> = new Array<string | undefined>(n);
  const sortKey = (r: number): string => {
    let s = keys[r];
    if (s !== undefined) return s;
    s = '';
    for (const f of sortFields) {
      const id = (t.ids[f] as Int32Array)[r] as number;
      s += (id >= 0 ? ((t.vals[f] as Val[])[id] as Val).key : '') + '|';
    }
    keys[r] = s;
    return s;
  };
  const hasNames = nameFields.length > 0;
  fields.forEach((f, fi) => {
    const pairs = new PairSet(n);
    const ids = t.ids[fi] as Int32Array;
    const vals = t.vals[fi] as Val[];
    const blocks = new Map<string, number[]>();
    // Keys used only while their block is small (a rare word of a name, a shared website).
    const small = new Map<string, number[]>();
    // The blocks of a value depend on the value alone (except a one-word name's pairing with the other
    // name column): they are looked up once per distinct value, remembered in `blocksOf`, and each
    // further record holding it joins them directly.
    const blocksOf: Array<number[][] | undefined> = new Array<number[][] | undefined>(vals.length);
    let collect: number[][] | null = null;
    const putIn = (map: Map<string, number[]>, key: string, r: number) => {
      let b = map.get(key);
      if (!b) { b = []; map.set(key, b); }
      if (collect) collect.push(b);
      if (b[b.length - 1] !== r) b.push(r);
    };
    const put = (key: string, r: number) => putIn(blocks, key, r);
    const local = f.kind === 'email' ? new Map<string, number[]>() : null;
    for (let r = 0; r < n; r++) {
      const id = ids[r] as number;
      if (id < 0) continue;
      const v = vals[id] as Val;
      if (!((f.kind === 'name' || f.kind === 'org') && v.tokens.length === 1)) {
        const known = blocksOf[id];
        if (known !== undefined) {
          for (const b of known) if (b[b.length - 1] !== r) b.push(r);
          continue;
        }
        collect = blocksOf[id] = [];
      }
      switch (f.kind) {
        case 'email':
          put(v.key, r);
          if (v.aux.length >= 4 && local) putIn(local, v.aux, r);
          break;
        case 'phone': put(v.aux.slice(-8), r); break;
        case 'id': case 'date': case 'code': put(v.key, r); break;
        case 'website': putIn(small, v.key, r); break;
        case 'name': case 'org': {
          if (v.tokens.length === 1) {
            // One word (a first-name or last-name column): its sound, and with the other name column's.
            const tok = v.tokens[0] as string;
            const sound = /^[a-z]/.test(tok) ? phonetic(tok) : tok;
            put(sound, r);
            const other = fi === t.given ? t.family : fi === t.family ? t.given : -1;
            const oid = other >= 0 ? ((t.ids[other] as Int32Array)[r] as number) : -1;
            if (oid >= 0) {
              const ot = ((t.vals[other] as Val[])[oid] as Val).tokens[0] ?? '';
              const os = /^[a-z]/.test(ot) ? phonetic(ot) : ot;
              put(fi === t.given ? sound + '|' + os : os + '|' + sound, r);
            }
            break;
          }
          // The whole name (any order, any script: 张伟 = Zhang Wei), the sound of the whole name, and
          // each word alone while few records share it.
          put(v.key, r);
          put('~' + v.tokens.map((x) => (/^[a-z]/.test(x) ? phonetic(x) : x)).sort().join(' '), r);
          for (const tok of v.tokens) if (tok.length >= 2) putIn(small, /^[a-z]/.test(tok) ? phonetic(tok) : tok, r);
          break;
        }
        case 'address': {
          const num = v.aux.split('|')[0]?.split(' ')[0] ?? '';
          for (const tok of v.tokens) if (tok.length >= 3) put(num + ':' + tok, r);
          break;
        }
        case 'text':
          if (!hasNames) put(v.key, r);
          break;
      }
      collect = null;
    }
    emitBlocks(blocks, sortKey, pairs, BLOCK_SKIP);
    emitBlocks(small, sortKey, pairs, BLOCK_ALL);
    if (local) emitBlocks(local, sortKey, pairs, BLOCK_SKIP);
    const mine = pairs.done();
    for (let k = 0; k < mine.length; k++) all.addCode(mine[k] as number);
    byField.push(mine.length > 0 ? mine : null);
  });
  return { all: all.done(), byField };
}

// ---------------------------------------------------------------------------------------------------
// The model, weights and probabilities

/** A small deterministic generator (no Math.random: the same table gives the same answer). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Pairs sampled, at most, from one field's blocks for its EM session. */
const SESSION_PAIRS = 150000;

/**
 * u from random pairs; m by EM in one session per blocking field, as Splink trains: the pairs a
 * field's blocks gave all agree on that field by construction, so that session learns the m of the
 * other fields only (the blocked field is treated as missing), and each field's m is the mean of its
 * estimates weighted by the expected matches of each session; then lambda over all candidate pairs.
 */
function learn(t: Table, cand: Candidates): { model: Model; levels: Uint8Array; patterns: number } {
  const F = t.fields.length;
  const { n } = t;
  const pairs = cand.all;
  const uCounts = new Float64Array(F * LEVELS);
  const buf = new Uint8Array(F);
  const count = (i: number, j: number) => {
    compareRows(t, i, j, buf);
    for (let f = 0; f < F; f++) uCounts[f * LEVELS + (buf[f] as number)] = (uCounts[f * LEVELS + (buf[f] as number)] as number) + 1;
  };
  if ((n * (n - 1)) / 2 <= U_SAMPLE) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) count(i, j);
  } else {
    const rnd = lcg(0x9e3779b9 ^ n);
    for (let k = 0; k < U_SAMPLE; k++) {
      const i = Math.floor(rnd() * n);
      let j = Math.floor(rnd() * (n - 1));
      if (j >= i) j++;
      count(i, j);
    }
  }
  const u = estimateU(uCounts, F, t.fields.map((f) => U_PRIOR[f.kind]));
  const maxDifferent = t.fields.map((f) => MAX_DIFFERENT[f.kind]);
  // Levels of every candidate pair, once.
  const P = pairs.length;
  const levels = new Uint8Array(P * F);
  const patterns = new Map<number, number>();
  let copiesSeen = 0;
  for (let p = 0; p < P; p++) {
    const code = pairs[p] as number;
    const i = Math.floor(code / n);
    compareRows(t, i, code - i * n, buf);
    let pat = 0;
    for (let f = F - 1; f >= 0; f--) pat = pat * LEVELS + (buf[f] as number);
    levels.set(buf, p * F);
    patterns.set(pat, (patterns.get(pat) ?? 0) + 1);
    if (isCopy(t, buf)) copiesSeen++;
  }
  // Training sessions, one per blocking field, over that field's pairs (found in the sorted union).
  const mSum = new Float64Array(F * LEVELS);
  const mWeight = new Float64Array(F);
  cand.byField.forEach((fp, f) => {
    if (!fp) return;
    const stride = Math.max(1, Math.ceil(fp.length / SESSION_PAIRS));
    const pats = new Map<number, number>();
    let k = 0;
    for (let q = 0; q < fp.length; q += stride) {
      const code = fp[q] as number;
      while ((pairs[k] as number) < code) k++;
      let pat = 0;
      for (let g = F - 1; g >= 0; g--) pat = pat * LEVELS + (g === f ? MISSING : (levels[k * F + g] as number));
      pats.set(pat, (pats.get(pat) ?? 0) + 1);
    }
    const session = fitModel([...pats.entries()], F, u, maxDifferent);
    const expected = session.lambda * (fp.length / stride);
    for (let g = 0; g < F; g++) {
      if (g === f) continue;
      for (let l = EXACT; l <= DIFFERENT; l++) mSum[g * LEVELS + l] = (mSum[g * LEVELS + l] as number) + expected * (session.m[g * LEVELS + l] as number);
      mWeight[g] = (mWeight[g] as number) + expected;
    }
  });
  const m = new Float64Array(F * LEVELS);
  for (let f = 0; f < F; f++) {
    for (let l = EXACT; l <= DIFFERENT; l++) {
      m[f * LEVELS + l] = (mWeight[f] as number) > 0 ? (mSum[f * LEVELS + l] as number) / (mWeight[f] as number) : (M_START[l] as number);
    }
  }
  // Copies of one client that blocking did not pair (a client entered 500 times is 124,750 matching
  // pairs, of which the windows see about 1,500) are matches the prior must count.
  const model = fitLambda([...patterns.entries()], F, m, u, (n * (n - 1)) / 2, Math.max(0, t.copyPairs - copiesSeen));
  return { model, levels, patterns: patterns.size };
}

interface Scorer {
  /** Total weight in bits of a pair whose levels are given. */
  weight(i: number, j: number, levels: Uint8Array, offset: number): number;
  fieldWeight(f: number, level: number, i: number): number;
  prior: number;
}

function makeScorer(t: Table, model: Model): Scorer {
  const F = t.fields.length;
  const prior = Math.log2(model.lambda / (1 - model.lambda));
  const w = new Float64Array(F * LEVELS);
  for (let f = 0; f < F; f++) {
    for (let l = EXACT; l <= DIFFERENT; l++) w[f * LEVELS + l] = levelWeight(model, f, l);
    // Closer agreement is never weaker evidence than looser agreement.
    for (let l = PARTIAL; l >= EXACT; l--) w[f * LEVELS + l] = Math.max(w[f * LEVELS + l] as number, w[f * LEVELS + l + 1] as number);
  }
  const fieldWeight = (f: number, level: number, i: number): number => {
    if (level !== EXACT) return w[f * LEVELS + level] as number;
    // Term frequency: the u of an exact match on this value is the value's share of filled cells.
    const id = (t.ids[f] as Int32Array)[i] as number;
    // (The chance that another record holds this value, given that this one does.)
    const share = Math.max(0, ((t.counts[f] as Int32Array)[id] as number) - 1) / Math.max(1, (t.filled[f] as number) - 1);
    const u1 = model.u[f * LEVELS + EXACT] as number;
    const uTf = Math.max(share, u1 / TF_CAP);
    // (A value seen twice in a table may be one client written twice or two clients: below the
    // column's average agreement its count says little, so a rare value weighs at most TF_CAP times
    // the average; a common one — a switchboard, "John Smith" — weighs less, down to nothing.)
    return Math.log2((model.m[f * LEVELS + EXACT] as number) / uTf);
  };
  let facets = 1;
  const facet = Int32Array.from(t.fields, (f) => (FACET_OF[f.kind] === PLACE ? PLACE : facets++));
  const FACETS = facets;
  const best = new Float64Array(FACETS);
  const rest = new Float64Array(FACETS);
  const nameFields = t.fields.map((f, k) => (f.kind === 'name' || f.kind === 'org' ? k : -1)).filter((k) => k >= 0);
  const isPhone = new Uint8Array(FACETS);
  const isOrgFacet = new Uint8Array(FACETS);
  const isOrg = new Uint8Array(F);
  t.fields.forEach((f, k) => {
    if (f.kind === 'phone') isPhone[facet[k] as number] = 1;
    if (f.kind === 'org') { isOrgFacet[facet[k] as number] = 1; isOrg[k] = 1; }
  });
  return {
    prior,
    fieldWeight,
    weight(i, _j, levels, offset) {
      // Within a facet, agreements are not independent evidence (one address agrees on its street,
      // number, postcode and city at once; a hotel's restaurants share its address and switchboard):
      // the facet counts its strongest agreement in full and the others at FACET_DAMPING.
      // Disagreements count in full.
      let s = prior;
      best.fill(0);
      rest.fill(0);
      for (let f = 0; f < F; f++) {
        const l = levels[offset + f] as number;
        if (l === MISSING) continue;
        const w = fieldWeight(f, l, i);
        if (w <= 0) { s += w; continue; }
        const g = facet[f] as number;
        const b = best[g] as number;
        if (w > b) { rest[g] = (rest[g] as number) + b; best[g] = w; } else rest[g] = (rest[g] as number) + w;
      }
      // Two records that name different people (or, without people, different companies) are not
      // made one by where they are: a building holds many companies, a company many colleagues, a
      // house a family, a hotel several restaurants. Their place, their company and a phone shared
      // there then add PLACE_ALONE at most, together.
      let personAgrees = false;
      let personDiffers = false;
      let orgAgrees = false;
      let orgDiffers = false;
      for (const f of nameFields) {
        const l = levels[offset + f] as number;
        if (l === MISSING) continue;
        const org = isOrg[f] === 1;
        if (l === DIFFERENT) { if (org) orgDiffers = true; else personDiffers = true; } else if (org) orgAgrees = true; else personAgrees = true;
      }
      const strangers = personDiffers || personAgrees ? personDiffers && !personAgrees : orgDiffers && !orgAgrees;
      const samePlace = (best[PLACE] as number) > 0 || orgAgrees;
      let shared = 0;
      for (let g = 0; g < FACETS; g++) {
        const v = (best[g] as number) + FACET_DAMPING * (rest[g] as number);
        if (strangers && (g === PLACE || isOrgFacet[g] === 1 || (samePlace && isPhone[g] === 1))) shared += v;
        else s += v;
      }
      s += Math.min(shared, PLACE_ALONE);
      return s;
    },
  };
}

const prob = (bits: number): number => 1 / (1 + Math.pow(2, -bits));

// ---------------------------------------------------------------------------------------------------
// Clustering

function evidence(t: Table, scorer: Scorer, a: number, b: number, buf: Uint8Array): PairEvidence {
  const [i, j] = a < b ? [a, b] : [b, a];
  compareRows(t, i, j, buf);
  const fields: FieldEvidence[] = t.fields.map((f, k) => {
    const level = buf[k] as Level;
    return { column: f.column, header: f.header, level: LEVEL_NAMES[level], weight: round(level === MISSING ? 0 : scorer.fieldWeight(k, level, i)) };
  });
  const weight = scorer.weight(i, j, buf, 0);
  return { a: i, b: j, probability: round(prob(weight), 4), weight: round(weight), fields };
}

function round(x: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

function clusterPairs(t: Table, scorer: Scorer, pairs: Float64Array, levels: Uint8Array): { clusters: Cluster[]; possible: PairEvidence[] } {
  const F = t.fields.length;
  const { n } = t;
  const edges: Array<{ i: number; j: number; p: number }> = [];
  const maybe: Array<{ i: number; j: number; p: number }> = [];
  for (let k = 0; k < pairs.length; k++) {
    const code = pairs[k] as number;
    const i = Math.floor(code / n);
    const j = code - i * n;
    const p = prob(scorer.weight(i, j, levels, k * F));
    if (p >= THRESHOLD) edges.push({ i, j, p });
    else if (p >= LOW) maybe.push({ i, j, p });
  }
  edges.sort((x, y) => y.p - x.p || x.i - y.i || x.j - y.j);
  const buf = new Uint8Array(F);
  const pairProb = (i: number, j: number): number => {
    compareRows(t, i, j, buf);
    return prob(scorer.weight(Math.min(i, j), Math.max(i, j), buf, 0));
  };
  const groupOf = new Int32Array(n).fill(-1);
  const groups: Array<{ rows: number[]; score: number; links: Array<{ i: number; j: number; p: number }> } | null> = [];
  const rnd = lcg(0x2545f491);
  for (const e of edges) {
    const ga = groupOf[e.i] as number;
    const gb = groupOf[e.j] as number;
    if (ga >= 0 && ga === gb) continue;
    const A = ga >= 0 ? groups[ga]!.rows : [e.i];
    const B = gb >= 0 ? groups[gb]!.rows : [e.j];
    // Average linkage: the mean match probability over the cross pairs (a sample when there are many).
    let joinScore = e.p;
    if (A.length * B.length > 1) {
      let sum = 0;
      let cnt = 0;
      if (A.length * B.length <= LINK_CHECK) {
        for (const x of A) for (const y of B) { sum += x === e.i && y === e.j ? e.p : pairProb(x, y); cnt++; }
      } else {
        for (let s = 0; s < LINK_CHECK; s++) {
          const x = A[Math.floor(rnd() * A.length)] as number;
          const y = B[Math.floor(rnd() * B.length)] as number;
          sum += pairProb(x, y);
          cnt++;
        }
      }
      joinScore = sum / cnt;
      if (joinScore < THRESHOLD) continue;
    }
    const merged = {
      rows: [...A, ...B],
      score: Math.min(joinScore, ga >= 0 ? groups[ga]!.score : 1, gb >= 0 ? groups[gb]!.score : 1),
      links: [...(ga >= 0 ? groups[ga]!.links : []), ...(gb >= 0 ? groups[gb]!.links : []), e],
    };
    const id = groups.length;
    groups.push(merged);
    if (ga >= 0) groups[ga] = null;
    if (gb >= 0) groups[gb] = null;
    for (const r of merged.rows) groupOf[r] = id;
  }
  const clusters: Cluster[] = [];
  for (const g of groups) {
    if (!g) continue;
    const rows = g.rows.slice().sort((a, b) => a - b);
    const links = g.links.slice().sort((x, y) => y.p - x.p).map((l) => evidence(t, scorer, l.i, l.j, buf));
    clusters.push({ rows, score: round(g.score, 4), band: g.score >= SURE ? 'sure' : 'review', links });
  }
  clusters.sort((x, y) => (x.rows[0] as number) - (y.rows[0] as number));
  maybe.sort((x, y) => y.p - x.p || x.i - y.i);
  const possible: PairEvidence[] = [];
  for (const m of maybe) {
    if (possible.length >= 1000) break;
    const ga = groupOf[m.i] as number;
    if (ga >= 0 && ga === groupOf[m.j]) continue;
    possible.push(evidence(t, scorer, m.i, m.j, buf));
  }
  return { clusters, possible };
}

// ---------------------------------------------------------------------------------------------------

/** Rows kept whole at the top of a large table (the header is looked for there), then a sample. */
const INFER_TOP = 50;
const INFER_SAMPLE = 1000;

/**
 * Column roles and types as "Adopt this sheet" infers them (the same function, phone region
 * included). Inference reads an evenly spaced sample of each column anyway; on a large table it is
 * given the top rows and an evenly spaced sample of the rest, so that its whole-column passes (counts,
 * every dropdown option) do not cost a pass over 500,000 rows the duplicate finder does not need.
 * The data range is then the whole table's.
 */
function inferOnSample(input: DedupeInput): { inference: Inference; ctx: TypeContext } {
  const { grid } = input;
  const base = input.headerRow !== undefined ? { ctx: input.ctx, headerRow: input.headerRow } : { ctx: input.ctx };
  if (grid.length <= INFER_TOP + INFER_SAMPLE) return inferWithPhoneRegion({ grid, ...base });
  const top = Math.max(INFER_TOP, (input.headerRow ?? 0) + 1);
  const sample: Array<ReadonlyArray<CellValue>> = grid.slice(0, top);
  const rest = grid.length - top;
  for (let k = 0; k < INFER_SAMPLE; k++) sample.push(grid[top + Math.floor((k * rest) / INFER_SAMPLE)] as ReadonlyArray<CellValue>);
  const { inference, ctx } = inferWithPhoneRegion({ grid: sample, ...base });
  if (inference.headerRow === null) return { inference, ctx };
  let end = grid.length;
  while (end > inference.dataStart && (grid[end - 1] ?? []).every((v) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) end--;
  return { inference: { ...inference, dataEnd: end }, ctx };
}

/** Finds the duplicate clients of a table (grid with its header row). */
export function findDuplicates(input: DedupeInput): DedupeResult {
  const { inference: inf, ctx } = inferOnSample(input);
  const empty = (rows: number): DedupeResult => ({
    rows, headerRow: inf.headerRow, fields: [], clusters: [], possible: [], threshold: THRESHOLD, sure: SURE,
    stats: { candidatePairs: 0, patterns: 0, lambda: 0, iterations: 0 },
  });
  if (inf.headerRow === null) return empty(0);
  const t = prepareTable(input.grid, inf, ctx);
  if (t.fields.length === 0 || t.n < 2) return empty(t.n);
  const cand = candidatePairs(t);
  const pairs = cand.all;
  if (pairs.length === 0) return { ...empty(t.n), fields: reportFields(t, null) };
  const { model, levels, patterns } = learn(t, cand);
  const scorer = makeScorer(t, model);
  const { clusters, possible } = clusterPairs(t, scorer, pairs, levels);
  return {
    rows: t.n,
    headerRow: inf.headerRow,
    fields: reportFields(t, model),
    clusters,
    possible,
    threshold: THRESHOLD,
    sure: SURE,
    stats: { candidatePairs: pairs.length, patterns, lambda: model.lambda, iterations: model.iterations },
  };
}

function reportFields(t: Table, model: Model | null): FieldReport[] {
  return t.fields.map((f, k) => {
    const wt = (l: number) => (model ? round(levelWeight(model, k, l)) : 0);
    const slice = (arr: Float64Array | undefined) => (arr ? Array.from(arr.subarray(k * LEVELS + 1, k * LEVELS + LEVELS), (x) => round(x, 4)) : []);
    return {
      column: f.column,
      header: f.header,
      kind: f.kind,
      weights: { exact: wt(EXACT), close: wt(CLOSE), partial: wt(PARTIAL), different: wt(DIFFERENT) },
      m: slice(model?.m),
      u: slice(model?.u),
    };
  });
}
