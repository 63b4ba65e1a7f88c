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

/**
 * A cell as the pipeline keeps it: 's' text, 'n' number, 'b' boolean, 'd' date (ms since the epoch),
 * 'f' formula (its text), 'p' text written as typed so Sheets reads it (a cleaned date becomes a date).
 */
export interface Stored { t: 's' | 'n' | 'b' | 'd' | 'f' | 'p'; v: string }

export const TEXT_FORMAT = '@';

export function storedOf(value: CellValue | null | undefined, formula = ''): Stored {
  if (formula !== '') return { t: 'f', v: formula };
  if (typeof value === 'number') return { t: 'n', v: String(value) };
  if (typeof value === 'boolean') return { t: 'b', v: value ? '1' : '0' };
  if (value instanceof Date) return { t: 'd', v: String(value.getTime()) };
  return { t: 's', v: value ?? '' };
}

/** The cell a written value (a plan's `to`) will be: numbers and booleans as they are, text as text. */
export function storedOfWrite(to: string | number | boolean, typed = false): Stored {
  if (typeof to === 'number') return { t: 'n', v: String(to) };
  if (typeof to === 'boolean') return { t: 'b', v: to ? '1' : '0' };
  return { t: typed ? 'p' : 's', v: to };
}

/** What to hand Range.setValues so that the cell ends up holding `s` in a cell of number format `format`. */
export function toWrite(s: Stored, format: string | undefined): CellValue {
  switch (s.t) {
    case 'f': return s.v;
    case 'n': return Number(s.v);
    case 'b': return s.v === '1';
    case 'd': return new Date(Number(s.v));
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
}

/** A rectangle for one Range.setValues (sheet rows and columns, 1-based). */
export interface Piece { top: number; left: number; values: CellValue[][] }

/**
 * The calls that write a block: setValues pieces, and setFormula for single cells. Usually one piece.
 * A formula in a plain-text ('@') cell cannot be written by setValues (Sheets keeps '=…' as text there),
 * so such a cell splits the block: left out when it does not change, written with setFormula when it
 * does. Only then does a change take more than one call.
 */
export interface Writes { pieces: Piece[]; formulas: Array<{ row: number; column: number; formula: string }> }

/** What setValues must be given to rewrite a cell as it is now (its formula, its text kept as text). */
export function rewriteAsIs(value: CellValue | null | undefined, formula: string, format: string | undefined): CellValue {
  if (formula !== '') return formula;
  if (typeof value === 'string') return value === '' || format === TEXT_FORMAT ? value : `'${value}`;
  return value ?? '';
}

/**
 * The writes of a block: `next(r, c)` is the new content of a changed cell (undefined for the others),
 * `valueNow(r, c)` / `formulaNow(r, c)` / `format(r, c)` what the sheet holds (block-relative).
 */
export function writesOf(
  block: Block,
  next: (r: number, c: number) => Stored | undefined,
  valueNow: (r: number, c: number) => CellValue | undefined,
  formulaNow: (r: number, c: number) => string,
  format: (r: number, c: number) => string | undefined,
): Writes {
  // A changed cell that becomes a formula in a '@' cell is written by setFormula (setValues writes what
  // it holds now there, no change); an unchanged formula in a '@' cell must not be written at all.
  const stuck = (r: number, c: number): boolean => next(r, c) === undefined && formulaNow(r, c) !== '' && format(r, c) === TEXT_FORMAT;
  const formulas: Writes['formulas'] = [];
  const dirty = new Set<number>();
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.cols; c++) {
      const n = next(r, c);
      if (n === undefined) {
        if (formulaNow(r, c) !== '' && format(r, c) === TEXT_FORMAT) dirty.add(c);
      } else if (n.t === 'f' && format(r, c) === TEXT_FORMAT) {
        formulas.push({ row: block.top + r, column: block.left + c, formula: n.v });
      }
    }
  }
  const valueAt = (r: number, c: number): CellValue => {
    const n = next(r, c);
    const f = format(r, c);
    if (n === undefined || (n.t === 'f' && f === TEXT_FORMAT)) return rewriteAsIs(valueNow(r, c), formulaNow(r, c), f);
    return toWrite(n, f);
  };
  const pieces: Piece[] = [];
  const rect = (r0: number, r1: number, c0: number, c1: number): void => {
    const values: CellValue[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: CellValue[] = new Array<CellValue>(c1 - c0 + 1);
      for (let c = c0; c <= c1; c++) row[c - c0] = valueAt(r, c);
      values.push(row);
    }
    pieces.push({ top: block.top + r0, left: block.left + c0, values });
  };
  let c = 0;
  while (c < block.cols) {
    if (dirty.has(c)) {
      let r = 0;
      while (r < block.rows) {
        if (stuck(r, c)) { r++; continue; }
        const r0 = r;
        while (r < block.rows && !stuck(r, c)) r++;
        rect(r0, r - 1, c, c);
      }
      c++;
      continue;
    }
    const c0 = c;
    while (c < block.cols && !dirty.has(c)) c++;
    rect(0, block.rows - 1, c0, c - 1);
  }
  return { pieces, formulas };
}

/** Same content: equal values (Dates by time) and equal formulas. */
function sameRaw(a: CellValue | undefined, fa: string, b: CellValue | undefined, fb: string): boolean {
  if (fa !== fb) return false;
  if (fa !== '') return true;
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return true;
  return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
}

function width(region: Region): number {
  let w = 0;
  for (const row of region.values) if (row.length > w) w = row.length;
  return w;
}

/** True when removing these rows would move a formula (a formula at or below the first removed row). */
export function movesFormula(region: Region, removeRows: readonly number[]): boolean {
  if (removeRows.length === 0) return false;
  const first = Math.min(...removeRows);
  for (let r = first; r < region.formulas.length; r++) {
    const row = region.formulas[r];
    for (let c = 0; c < row.length; c++) if (row[c] !== '') return true;
  }
  return false;
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
  if (r1 < 0) return { block: null, writes: { pieces: [], formulas: [] }, cells: [] };
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  const next = new Map<number, Stored>();
  for (const cell of cells) next.set(cell.r * w + cell.c, cell.after);
  const block = { top: region.top + r0, left: region.left + c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  const writes = writesOf(
    block,
    (r, c) => next.get((r0 + r) * w + c0 + c),
    (r, c) => vals[r0 + r]?.[c0 + c],
    (r, c) => fms[r0 + r]?.[c0 + c] ?? '',
    (r, c) => region.formats[r0 + r]?.[c0 + c],
  );
  for (const cell of cells) { cell.r -= r0; cell.c -= c0; }
  return { block, writes, cells };
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
  const writes = writesOf(
    block,
    (r, c) => back.get(r * block.cols + c),
    (r, c) => now.values[r]?.[c],
    (r, c) => now.formulas[r]?.[c] ?? '',
    (r, c) => now.formats[r]?.[c],
  );
  return { state, edited, restored: back.size, writes };
}

/**
 * Narrows a change until it is written by one setValues (so it is atomic): a formula kept in a
 * plain-text cell inside the block would need the block split. Row removal goes first (it widens the
 * block to every column); then, for such a cell, only the edits on the side of it (above, below, left or
 * right) that keeps the most are kept. Returns the edits and rows kept and the edits left for later.
 */
export function fitOneWrite(region: Region, edits: readonly CellEdit[], removeRows: readonly number[]): { edits: CellEdit[]; removeRows: number[]; later: CellEdit[] } {
  let keep = edits.slice();
  let rows = removeRows.slice();
  const later: CellEdit[] = [];
  for (let guard = 0; guard < 10000; guard++) {
    const ch = buildChange(region, keep, rows);
    if (!ch.block || (ch.writes.pieces.length <= 1 && ch.writes.formulas.length === 0)) return { edits: keep, removeRows: rows, later };
    if (rows.length) { rows = []; continue; }
    // A stuck cell inside the block: a formula in a '@' cell (region-relative).
    const b = ch.block;
    const w = width(region);
    const edited = new Set(keep.map((e) => e.row * w + e.column));
    let pr = -1, pc = -1;
    for (let r = b.top - region.top; r < b.top - region.top + b.rows && pr < 0; r++) {
      for (let c = b.left - region.left; c < b.left - region.left + b.cols; c++) {
        if ((region.formulas[r]?.[c] ?? '') !== '' && region.formats[r]?.[c] === TEXT_FORMAT && !edited.has(r * w + c)) { pr = r; pc = c; break; }
      }
    }
    if (pr < 0) return { edits: keep, removeRows: rows, later };
    const sides = [
      keep.filter((e) => e.row < pr), keep.filter((e) => e.row > pr),
      keep.filter((e) => e.column < pc), keep.filter((e) => e.column > pc),
    ];
    let best = sides[0];
    for (const s of sides) if (s.length > best.length) best = s;
    const kept = new Set(best);
    for (const e of keep) if (!kept.has(e)) later.push(e);
    keep = best;
  }
  return { edits: keep, removeRows: rows, later };
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
