/**
 * Merging one cluster of duplicate rows into one (pure; the plan only: the change pipeline writes it).
 * The rules, in order (each one said in the Duplicates panel too, see 'dedupe.panel.rules'):
 * - The survivor is chosen by policy: the most complete row (most non-empty cells; the default), the
 *   most recently updated (its Updated date, else its Last contact), or the oldest (its Created date);
 *   ties go to the more complete row, then to the first. The user may name the survivor instead.
 * - Each empty field of the survivor is filled from the other rows, most complete first.
 * - Counts and totals are summed: a column whose role is a count of orders or purchases, or the total
 *   spent, holds what each record counted on its own, so the merged client has the sum. Only when every
 *   filled value is a number (a text such as "about 3" is not guessed at; the survivor's value stays).
 *   A deal value is NOT summed: two records of one client usually describe the same deal twice, so the
 *   survivor's value is kept (filled from the others when empty).
 * - Dates that say "last" (last contact, last purchase, updated) keep the latest.
 * - The stage keeps the furthest stage any row reached, each value read as its option (a variant such
 *   as 成交 counts as Won). Won beats every stage. Lost against an open stage: the open stage is kept
 *   (the client is still being worked in that record), unless the Lost record's stage date (Stage since,
 *   else Updated) is later than every open one's: then the loss is the newer fact and is kept.
 * - The notes join every row's distinct lines (identical text once), the survivor's first, then in row order.
 * - The created column keeps the earliest date.
 * - A value the user chose for a column (from one of the rows) overrides every rule above.
 * - The client ID stays the survivor's; every other row is to be removed (and archived with that ID).
 */
import type { CellValue } from '../fields/types';

export type SurvivorPolicy = 'complete' | 'recent' | 'oldest';
export const SURVIVOR_POLICIES: readonly SurvivorPolicy[] = ['complete', 'recent', 'oldest'];

export interface StageOption { label: string; variants?: readonly string[]; outcome?: 'won' | 'lost' }

export interface MergeColumns {
  /** 0-based columns of the rows given. */
  id?: number | null;
  /** The stage column and its options in order (`order`: labels only, when options are not known). */
  stage?: { column: number; order?: readonly string[]; options?: readonly StageOption[]; since?: number | null } | null;
  notes?: number | null;
  created?: number | null;
  /** Columns summed (counts and totals). */
  sum?: readonly number[];
  /** Date columns that keep the latest value (last contact, last purchase, updated). */
  latest?: readonly number[];
  /** The "updated" column (for the most-recently-updated policy), else null. */
  updated?: number | null;
}

export interface MergeChoices {
  policy?: SurvivorPolicy;
  /** Index (into the rows given) of the survivor the user chose; overrides the policy. */
  survivor?: number;
  /** Column → index of the row whose value the user chose for it. */
  values?: ReadonlyMap<number, number>;
}

export interface MergePlan {
  /** Index (into the rows given) of the survivor. */
  survivor: number;
  /** The survivor's values after the merge. */
  values: CellValue[];
  /** Columns whose value changes in the survivor. */
  changed: number[];
  /** Indexes of the rows to remove, ascending. */
  removed: number[];
  /** The survivor's client ID ('' when the table keeps none). */
  survivorId: string;
  /** Per changed column, the row its new value comes from as it is (-1: a new value, such as a sum). */
  from: Map<number, number>;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function text(v: CellValue | undefined): string {
  if (isEmpty(v)) return '';
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

/** A sortable time of a date value: a Date, a serial number, or a text starting YYYY-MM-DD (or YYYY/MM/DD); else null. */
export function timeOf(v: CellValue | undefined): number | null {
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return v;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(text(v));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) : null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The stage option index of a value (its label or a variant), -1 when it is none. */
function stageIndex(options: readonly StageOption[], v: CellValue | undefined): number {
  const s = norm(text(v));
  if (!s) return -1;
  return options.findIndex((o) => norm(o.label) === s || (o.variants ?? []).some((x) => norm(x) === s));
}

/**
 * The row whose stage the merge keeps (see the rules above), or -1 when no row has a known stage.
 * Exported for the rule's tests.
 */
export function furthestStage(rows: ReadonlyArray<ReadonlyArray<CellValue>>, column: number, options: readonly StageOption[], since: number | null = null): number {
  let won = -1;
  let open = -1;
  let openRank = -1;
  let lost = -1;
  rows.forEach((r, i) => {
    const k = stageIndex(options, r[column]);
    if (k < 0) return;
    const outcome = options[k]?.outcome;
    if (outcome === 'won') { if (won < 0) won = i; }
    else if (outcome === 'lost') { if (lost < 0) lost = i; }
    else if (k > openRank) { openRank = k; open = i; }
  });
  if (won >= 0) return won;
  if (open < 0) return lost;
  if (lost < 0 || since === null) return open;
  const lostAt = timeOf(rows[lost]?.[since]);
  if (lostAt === null) return open;
  const openTimes = rows.map((r) => (stageIndex(options, r[column]) >= 0 && options[stageIndex(options, r[column])]?.outcome === undefined ? timeOf(r[since]) : null));
  return openTimes.every((tm) => tm === null || tm < lostAt) && openTimes.some((tm) => tm !== null) ? lost : open;
}

/** The sum of a column when every filled value is a number (null otherwise, or when fewer than two are filled). */
function sumOf(rows: ReadonlyArray<ReadonlyArray<CellValue>>, c: number): number | null {
  const filled = rows.map((r) => r[c]).filter((v) => !isEmpty(v));
  if (filled.length < 2 || !filled.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  const s = (filled as number[]).reduce((a, b) => a + b, 0);
  // Money and counts: no binary-fraction noise (0.1 + 0.2 is 0.3).
  return Math.round(s * 1e6) / 1e6;
}

function survivorOf(rows: ReadonlyArray<ReadonlyArray<CellValue>>, cols: MergeColumns, choices: MergeChoices, byCompleteness: number[]): number {
  if (choices.survivor !== undefined && choices.survivor >= 0 && choices.survivor < rows.length) return choices.survivor;
  const policy = choices.policy ?? 'complete';
  if (policy === 'complete') return byCompleteness[0] as number;
  const col = policy === 'recent' ? (cols.updated ?? cols.latest?.[0] ?? null) : (cols.created ?? null);
  if (col === null) return byCompleteness[0] as number;
  let best = -1;
  let bestTime: number | null = null;
  for (const i of byCompleteness) {
    const tm = timeOf(rows[i]?.[col]);
    if (tm === null) continue;
    if (bestTime === null || (policy === 'recent' ? tm > bestTime : tm < bestTime)) { best = i; bestTime = tm; }
  }
  return best >= 0 ? best : (byCompleteness[0] as number);
}

export function planMerge(rows: ReadonlyArray<ReadonlyArray<CellValue>>, cols: MergeColumns = {}, choices: MergeChoices = {}): MergePlan {
  if (rows.length === 0) throw new Error('planMerge: no rows');
  const width = Math.max(...rows.map((r) => r.length));
  const filled = rows.map((r) => r.filter((v) => !isEmpty(v)).length);
  const byCompleteness = rows.map((_, i) => i).sort((a, b) => (filled[b] as number) - (filled[a] as number) || a - b);
  const survivor = survivorOf(rows, cols, choices, byCompleteness);
  const before = rows[survivor] as ReadonlyArray<CellValue>;
  const values: CellValue[] = Array.from({ length: width }, (_, c) => before[c] ?? '');
  const from = new Map<number, number>();
  const take = (c: number, i: number) => {
    values[c] = (rows[i]?.[c] ?? '') as CellValue;
    from.set(c, i);
  };
  const fillOrder = [survivor, ...byCompleteness.filter((i) => i !== survivor)];
  for (let c = 0; c < width; c++) {
    if (!isEmpty(values[c])) continue;
    const i = fillOrder.find((k) => !isEmpty(rows[k]?.[c]));
    if (i !== undefined) take(c, i);
  }
  for (const c of cols.sum ?? []) {
    const s = sumOf(rows, c);
    if (s !== null) {
      values[c] = s;
      from.set(c, -1);
    }
  }
  for (const c of cols.latest ?? []) {
    let best = timeOf(values[c]);
    rows.forEach((r, i) => {
      const tm = timeOf(r[c]);
      if (tm !== null && (best === null || tm > best)) { best = tm; take(c, i); }
    });
  }
  if (cols.stage) {
    const { column } = cols.stage;
    const options: StageOption[] = cols.stage.options ? [...cols.stage.options] : (cols.stage.order ?? []).map((label) => ({ label }));
    const i = furthestStage(rows, column, options, cols.stage.since ?? cols.updated ?? null);
    if (i >= 0 && stageIndex(options, rows[i]?.[column]) !== stageIndex(options, values[column])) take(column, i);
  }
  if (cols.notes !== null && cols.notes !== undefined) {
    const c = cols.notes;
    const seen: string[] = [];
    for (const i of [survivor, ...rows.map((_, k) => k).filter((k) => k !== survivor)]) {
      for (const line of text(rows[i]?.[c]).split('\n')) {
        const s = line.trim();
        if (s && !seen.some((x) => norm(x) === norm(s))) seen.push(s);
      }
    }
    if (seen.length > 0) {
      const joined = seen.join('\n');
      if (joined !== text(values[c])) {
        values[c] = joined;
        from.set(c, -1);
      }
    }
  }
  if (cols.created !== null && cols.created !== undefined) {
    const c = cols.created;
    let best = timeOf(values[c]);
    rows.forEach((r, i) => {
      const tm = timeOf(r[c]);
      if (tm !== null && (best === null || tm < best)) { best = tm; take(c, i); }
    });
  }
  for (const [c, i] of choices.values ?? []) if (c >= 0 && c < width && i >= 0 && i < rows.length) take(c, i);
  const same = (a: CellValue | undefined, b: CellValue | undefined) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? '') === (b ?? '');
  const changed = values.map((_, c) => c).filter((c) => !same(values[c], before[c]));
  for (const c of [...from.keys()]) if (!changed.includes(c)) from.delete(c);
  const removed = rows.map((_, i) => i).filter((i) => i !== survivor);
  const survivorId = cols.id !== null && cols.id !== undefined ? text(values[cols.id]) : '';
  return { survivor, values, changed, removed, survivorId, from };
}
