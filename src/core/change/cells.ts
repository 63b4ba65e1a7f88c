/**
 * The pure half of the change pipeline that every action changing user data goes through (cleanup now,
 * merging duplicates next): given the table region as read (values, formulas, number formats) and what
 * the action wants (cell edits, rows to remove), it computes the ONE block to write, exactly what changes
 * in it (before and after, for the snapshot), and later what undo writes back.
 *
 * Why one block: an Apps Script execution can be stopped by the 6-minute limit between any two service
 * calls. The table is changed by a single Range.setValues over the bounding block of the changed cells,
 * so it is either as it was or fully changed. Cells of the block that do not change are written back as
 * they are: a formula as its formula text, a Date as a Date, text as text. Removed rows are removed by
 * moving the rows below them up inside the block (formats stay with their cells, as the table's columns
 * share theirs), so the block also covers them; an action that would move a formula is refused by the
 * caller (`movesFormula`), since a formula's A1 text would not follow its row.
 *
 * Text stays text (DESIGN.md rule 4): Range.setValues parses strings as typing unless the cell's number
 * format is plain text '@'; into any other cell text is written with Sheets' quote prefix ("'"), which
 * keeps it exactly. Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 * Ref: https://support.google.com/docs/answer/3094146 (a leading apostrophe keeps what follows as text)
 */
import { calendarDate, calendarDateTime } from '../fields/calendar';
import type { CellValue } from '../fields/types';
import { a1 } from '../table/a1';

/**
 * A cell as the pipeline keeps it: 's' text, 'n' number, 'b' boolean, 'd' date (ms since the epoch),
 * 'f' formula (its text), 'p' text written as typed so Sheets reads it (a cleaned date becomes a date).
 */
export interface Stored { t: 's' | 'n' | 'b' | 'd' | 'f' | 'p'; v: string }

export const TEXT_FORMAT = '@';

// Built-ins used per cell, as module constants. `Date` is not aliased: the emulator's harness gives each
// execution its own (on the simulated clock) before the bundle runs.
const numberOf = Number;
const textOf = String;

/** A cell value that is a Date (the only object a cell value can be): no `instanceof` per cell. */
export function isDateValue(v: CellValue | null | undefined): v is Date {
  return typeof v === 'object' && v !== null;
}

export function storedOf(value: CellValue | null | undefined, formula = ''): Stored {
  if (formula !== '') return { t: 'f', v: formula };
  if (typeof value === 'number') return { t: 'n', v: textOf(value) };
  if (typeof value === 'boolean') return { t: 'b', v: value ? '1' : '0' };
  if (isDateValue(value)) return { t: 'd', v: textOf(value.getTime()) };
  return { t: 's', v: value ?? '' };
}

/** The cell a written value (a plan's `to`) will be: numbers and booleans as they are, text as text. */
export function storedOfWrite(to: string | number | boolean, typed = false): Stored {
  if (typeof to === 'number') return { t: 'n', v: textOf(to) };
  if (typeof to === 'boolean') return { t: 'b', v: to ? '1' : '0' };
  return { t: typed ? 'p' : 's', v: to };
}

/** What to hand Range.setValues so that the cell ends up holding `s` in a cell of number format `format`. */
export function toWrite(s: Stored, format: string | undefined): CellValue {
  switch (s.t) {
    case 'f': return s.v;
    case 'n': return numberOf(s.v);
    case 'b': return s.v === '1';
    case 'd': return new Date(numberOf(s.v));
    case 'p': return s.v;
    default:
      if (s.v === '' || format === TEXT_FORMAT) return s.v;
      return `'${s.v}`;
  }
}

export function sameStored(a: Stored, b: Stored): boolean {
  return a.t === b.t && a.v === b.v;
}

/**
 * Whether a cell as read now holds what `expected` put there. A 'p' (typed) text matches the Date Sheets
 * made of it (same calendar date, or date and time, in the spreadsheet's time zone) or the same text.
 */
export function holds(current: Stored, expected: Stored, timeZone: string): boolean {
  if (expected.t !== 'p') return sameStored(current, expected);
  if (current.t === 's') return current.v === expected.v;
  if (current.t !== 'd') return false;
  const d = new Date(Number(current.v));
  if (Number.isNaN(d.getTime())) return false;
  const want = expected.v.replace('T', ' ');
  return calendarDate(d, timeZone) === want || calendarDateTime(d, timeZone).replace('T', ' ') === want;
}

/** The table region as read: data rows from sheet row `top`, columns from `left` (1-based). */
export interface Region {
  top: number;
  left: number;
  values: ReadonlyArray<ReadonlyArray<CellValue>>;
  formulas: ReadonlyArray<ReadonlyArray<string>>;
  formats: ReadonlyArray<ReadonlyArray<string>>;
}

export interface CellEdit { row: number; column: number; to: Stored }

/** One changed cell: block-relative row and column, before and after. */
export interface ChangedCell { r: number; c: number; before: Stored; after: Stored }

export interface Block { top: number; left: number; rows: number; cols: number }

export interface Change {
  /** The block the write covers (sheet rows and columns, 1-based); null when nothing changes. */
  block: Block | null;
  /** How to write it (one setValues in the usual case). */
  writes: Writes;
  cells: ChangedCell[];
  /**
   * Number formats Sheets will change as a side effect (a date typed into a cell without a date format
   * gets one), grouped by the format they had: undo puts them back.
   */
  formatsBefore: Array<{ format: string; ranges: string[] }>;
}

/** The rectangle of the one Range.setValues (sheet rows and columns, 1-based). */
export interface Piece { top: number; left: number; values: CellValue[][] }

/**
 * The calls that write a block: ONE setValues. A formula in a plain-text ('@') cell cannot be written by
 * setValues (Sheets keeps '=…' as text there), so such cells (`flip`, A1 ranges) get the automatic
 * number format just before the write and '@' again just after: the values and formulas of the table
 * change in the one call, and only those formula cells' format is ever seen in between.
 */
export interface Writes { pieces: Piece[]; flip: string[] }

/** What Range.getNumberFormat reports for a cell never formatted: the automatic format. */
export const AUTO_FORMAT = '0.###############';

/** What setValues must be given to rewrite a cell as it is now (its formula, its text kept as text). */
export function rewriteAsIs(value: CellValue | null | undefined, formula: string, format: string | undefined): CellValue {
  if (formula !== '') return formula;
  if (typeof value === 'string') return value === '' || format === TEXT_FORMAT ? value : `'${value}`;
  return value ?? '';
}

/** A1 ranges covering the cells (sheet row, column), merged into runs down each column. */
export function cellRanges(cells: ReadonlyArray<readonly [number, number]>): string[] {
  const sorted = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const [r0, c] = sorted[i];
    let r1 = r0;
    i++;
    while (i < sorted.length && sorted[i][1] === c && sorted[i][0] === r1 + 1) { r1++; i++; }
    out.push(a1(r0, c, r1, c));
  }
  return out;
}

/**
 * The writes of a block from sheet grids: `vals`, `fms`, `fmts` are the region's rows (index `r0 + r`
 * for block row r) and `next` the changed cells by key `(r0 + r) * w + c0 + c`.
 */
function writesOfGrid(
  block: Block, r0: number, c0: number, w: number,
  vals: ReadonlyArray<ReadonlyArray<CellValue>>, fms: ReadonlyArray<ReadonlyArray<string>>, fmts: ReadonlyArray<ReadonlyArray<string>>,
  next: ReadonlyMap<number, Stored>,
): Writes {
  // A dense index of the changed cells: a lookup per cell of the block, so an array, not a Map.
  const dense: Array<Stored | undefined> = new Array<Stored | undefined>(next.size ? (r0 + block.rows) * w : 0);
  for (const [k, v] of next) if (k < dense.length) dense[k] = v;
  const flipCells: Array<[number, number]> = [];
  const values: CellValue[][] = new Array<CellValue[]>(block.rows);
  for (let r = 0; r < block.rows; r++) {
    const vr = vals[r0 + r] ?? [];
    const fr = fms[r0 + r] ?? [];
    const xr = fmts[r0 + r] ?? [];
    const row: CellValue[] = new Array<CellValue>(block.cols);
    const base = (r0 + r) * w + c0;
    for (let c = 0; c < block.cols; c++) {
      const f = xr[c0 + c];
      const n = dense.length ? dense[base + c] : undefined;
      let v: CellValue;
      if (n === undefined) {
        const fm = fr[c0 + c] ?? '';
        const cur = vr[c0 + c];
        if (fm !== '') { v = fm; if (f === TEXT_FORMAT) flipCells.push([block.top + r, block.left + c]); }
        else if (typeof cur === 'string') v = cur === '' || f === TEXT_FORMAT ? cur : `'${cur}`;
        else v = cur ?? '';
      } else {
        v = toWrite(n, f === TEXT_FORMAT && n.t === 'f' ? AUTO_FORMAT : f);
        if (n.t === 'f' && f === TEXT_FORMAT) flipCells.push([block.top + r, block.left + c]);
      }
      row[c] = v;
    }
    values[r] = row;
  }
  return { pieces: [{ top: block.top, left: block.left, values }], flip: cellRanges(flipCells) };
}

/** Same content: equal values (Dates by time) and equal formulas. */
function sameRaw(a: CellValue | undefined, fa: string, b: CellValue | undefined, fb: string): boolean {
  if (fa !== fb) return false;
  if (fa !== '') return true;
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return true;
  return isDateValue(x) && isDateValue(y) && x.getTime() === y.getTime();
}

function width(region: Region): number {
  let w = 0;
  for (const row of region.values) if (row.length > w) w = row.length;
  return w;
}

/** True when removing these rows would move a formula (a formula at or below the first removed row). */
export function movesFormula(region: Region, removeRows: readonly number[]): boolean {
  return movedFormula(region, removeRows) !== null;
}

/** The first formula (0-based row and column in the region, reading order) that removing `removeRows` would move. */
export function movedFormula(region: Region, removeRows: readonly number[]): { row: number; column: number; formula: string } | null {
  if (removeRows.length === 0) return null;
  let first = Infinity; // a loop: spreading a long list into Math.min overflows the stack
  for (const r of removeRows) if (r < first) first = r;
  for (let r = first; r < region.formulas.length; r++) {
    const row = region.formulas[r];
    for (let c = 0; c < row.length; c++) if (row[c] !== '') return { row: r, column: c, formula: row[c] as string };
  }
  return null;
}

/** The change that applies `edits` and then removes `removeRows` (indices into the region's rows). */
export function buildChange(region: Region, edits: readonly CellEdit[], removeRows: readonly number[] = []): Change {
  const n = region.values.length;
  const w = width(region);
  const vals = region.values;
  const fms = region.formulas;
  const edited = new Map<number, Stored>();
  for (const e of edits) edited.set(e.row * w + e.column, e.to);
  // Row r of the result comes from row source[r] (or is blank, past the kept rows).
  const removed = new Set(removeRows);
  const source: number[] = [];
  for (let r = 0; r < n; r++) if (!removed.has(r)) source.push(r);
  let firstMoved = n;
  for (const r of removeRows) if (r < firstMoved) firstMoved = r;
  const cells: ChangedCell[] = [];
  let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
  const blank: Stored = { t: 's', v: '' };
  const push = (r: number, c: number, after: Stored): void => {
    const before = storedOf(vals[r]?.[c], fms[r]?.[c] ?? '');
    if (sameStored(before, after)) return;
    cells.push({ r, c, before, after });
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  };
  // Rows above the first removed one only take their edits; from there on every row may move.
  for (const e of edits) if (e.row < firstMoved) push(e.row, e.column, e.to);
  for (let r = firstMoved; r < n; r++) {
    const from = r < source.length ? source[r] : -1;
    for (let c = 0; c < w; c++) {
      const e = from >= 0 ? edited.get(from * w + c) : undefined;
      if (e) { push(r, c, e); continue; }
      if (from < 0) { if (!sameRaw(vals[r]?.[c], fms[r]?.[c] ?? '', '', '')) push(r, c, blank); continue; }
      if (from === r) continue;
      const fv = vals[from]?.[c];
      const ff = fms[from]?.[c] ?? '';
      if (!sameRaw(vals[r]?.[c], fms[r]?.[c] ?? '', fv, ff)) push(r, c, storedOf(fv, ff));
    }
  }
  if (r1 < 0) return { block: null, writes: { pieces: [], flip: [] }, cells: [], formatsBefore: [] };
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  const next = new Map<number, Stored>();
  for (const cell of cells) next.set(cell.r * w + cell.c, cell.after);
  const block = { top: region.top + r0, left: region.left + c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  const writes = writesOfGrid(block, r0, c0, w, vals, fms, region.formats, next);
  const refmt = new Map<string, Array<[number, number]>>();
  for (const cell of cells) {
    if (cell.after.t !== 'p') continue;
    const f = region.formats[cell.r]?.[cell.c] ?? AUTO_FORMAT;
    if (f === TEXT_FORMAT || /[yd]/i.test(f.replace(/"[^"]*"/g, ''))) continue;
    const list = refmt.get(f) ?? [];
    list.push([region.top + cell.r, region.left + cell.c]);
    refmt.set(f, list);
  }
  const formatsBefore = [...refmt].map(([format, list]) => ({ format, ranges: cellRanges(list) }));
  // Formulas that undo will put back into plain-text cells: their '@' is restored after it too.
  const back: Array<[number, number]> = [];
  for (const cell of cells) if (cell.before.t === 'f' && region.formats[cell.r]?.[cell.c] === TEXT_FORMAT) back.push([region.top + cell.r, region.left + cell.c]);
  if (back.length) {
    const list = refmt.get(TEXT_FORMAT) ?? [];
    formatsBefore.push({ format: TEXT_FORMAT, ranges: cellRanges([...list, ...back]) });
  }
  for (const cell of cells) { cell.r -= r0; cell.c -= c0; }
  return { block, writes, cells, formatsBefore };
}

/** The block as read again at undo. */
export interface BlockNow {
  values: ReadonlyArray<ReadonlyArray<CellValue>>;
  formulas: ReadonlyArray<ReadonlyArray<string>>;
  formats: ReadonlyArray<ReadonlyArray<string>>;
}

export interface UndoPlan {
  /** 'applied': the change is in the table (some cells may have been edited since); 'notApplied': every cell is as before. */
  state: 'applied' | 'notApplied';
  /** Cells edited since the change (block-relative), kept as they are now. */
  edited: Array<{ r: number; c: number }>;
  /** Cells undo puts back. */
  restored: number;
  writes: Writes;
}

/** What undo writes: every changed cell that still holds what the change wrote goes back to before. */
export function planUndo(cells: readonly ChangedCell[], block: Block, now: BlockNow, timeZone: string): UndoPlan {
  const edited: Array<{ r: number; c: number }> = [];
  const back = new Map<number, Stored>();
  let asBefore = 0;
  for (const cell of cells) {
    const cur = storedOf(now.values[cell.r]?.[cell.c], now.formulas[cell.r]?.[cell.c] ?? '');
    if (holds(cur, cell.after, timeZone)) back.set(cell.r * block.cols + cell.c, cell.before);
    else if (sameStored(cur, cell.before)) asBefore++;
    else edited.push({ r: cell.r, c: cell.c });
  }
  const state = back.size === 0 && edited.length === 0 && asBefore > 0 ? 'notApplied' : 'applied';
  const writes = writesOfGrid(block, 0, 0, block.cols, now.values, now.formulas, now.formats, back);
  return { state, edited, restored: back.size, writes };
}

/** True when two reads of a region hold the same cells (values, formulas and number formats). */
export function sameRegion(a: Region, b: Region): boolean {
  if (a.top !== b.top || a.left !== b.left || a.values.length !== b.values.length) return false;
  for (let r = 0; r < a.values.length; r++) {
    const av = a.values[r], bv = b.values[r];
    const af = a.formulas[r] ?? [], bf = b.formulas[r] ?? [];
    const ax = a.formats[r] ?? [], bx = b.formats[r] ?? [];
    if (av.length !== bv.length) return false;
    for (let c = 0; c < av.length; c++) {
      if (!sameRaw(av[c], af[c] ?? '', bv[c], bf[c] ?? '') || ax[c] !== bx[c]) return false;
    }
  }
  return true;
}
