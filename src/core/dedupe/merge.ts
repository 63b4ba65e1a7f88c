/**
 * Merging one cluster of duplicate rows into one (pure; the plan only: the change pipeline writes it).
 * - The survivor is the most complete row (most non-empty cells; the first of equals).
 * - Each empty field of the survivor is filled from the other rows, most complete first.
 * - The stage column keeps the furthest stage any row reached (by the stage order).
 * - The notes column joins every row's distinct notes, the survivor's first, one per line.
 * - The created column keeps the earliest date.
 * - The client ID stays the survivor's; every other row is to be removed (and archived with that ID).
 */
import type { CellValue } from '../fields/types';

export interface MergeColumns {
  /** 0-based columns of the rows given. */
  id?: number | null;
  stage?: { column: number; order: readonly string[] } | null;
  notes?: number | null;
  created?: number | null;
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
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function text(v: CellValue | undefined): string {
  if (isEmpty(v)) return '';
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

/** A sortable time of a created value: a Date, or a text starting YYYY-MM-DD (or YYYY/MM/DD); else null. */
function timeOf(v: CellValue | undefined): number | null {
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return v;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text(v));
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function planMerge(rows: ReadonlyArray<ReadonlyArray<CellValue>>, cols: MergeColumns = {}): MergePlan {
  if (rows.length === 0) throw new Error('planMerge: no rows');
  const width = Math.max(...rows.map((r) => r.length));
  const filled = rows.map((r) => r.filter((v) => !isEmpty(v)).length);
  const byCompleteness = rows.map((_, i) => i).sort((a, b) => (filled[b] as number) - (filled[a] as number) || a - b);
  const survivor = byCompleteness[0] as number;
  const before = rows[survivor] as ReadonlyArray<CellValue>;
  const values: CellValue[] = Array.from({ length: width }, (_, c) => before[c] ?? '');
  for (let c = 0; c < width; c++) {
    if (!isEmpty(values[c])) continue;
    for (const i of byCompleteness) {
      const v = rows[i]?.[c];
      if (!isEmpty(v)) {
        values[c] = v as CellValue;
        break;
      }
    }
  }
  if (cols.stage) {
    const { column, order } = cols.stage;
    const rank = (v: CellValue | undefined) => order.findIndex((o) => o.toLowerCase() === text(v).toLowerCase());
    let best = rank(values[column]);
    for (const r of rows) {
      const k = rank(r[column]);
      if (k > best) {
        best = k;
        values[column] = r[column] as CellValue;
      }
    }
  }
  if (cols.notes !== null && cols.notes !== undefined) {
    const c = cols.notes;
    const seen: string[] = [];
    for (const i of [survivor, ...rows.map((_, k) => k).filter((k) => k !== survivor)]) {
      for (const line of text(rows[i]?.[c]).split('\n')) {
        const s = line.trim();
        if (s && !seen.some((x) => x.toLowerCase() === s.toLowerCase())) seen.push(s);
      }
    }
    if (seen.length > 0) values[c] = seen.join('\n');
  }
  if (cols.created !== null && cols.created !== undefined) {
    const c = cols.created;
    let best = timeOf(values[c]);
    for (const r of rows) {
      const tm = timeOf(r[c]);
      if (tm !== null && (best === null || tm < best)) {
        best = tm;
        values[c] = r[c] as CellValue;
      }
    }
  }
  const same = (a: CellValue | undefined, b: CellValue | undefined) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? '') === (b ?? '');
  const changed = values.map((_, c) => c).filter((c) => !same(values[c], before[c]));
  const removed = rows.map((_, i) => i).filter((i) => i !== survivor);
  const survivorId = cols.id !== null && cols.id !== undefined ? text(values[cols.id]) : '';
  return { survivor, values, changed, removed, survivorId };
}
