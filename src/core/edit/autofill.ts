/**
 * The auto fields on edit: Client ID and Created for new rows, Updated on any
 * change to a row, Stage since when the stage changes. Pure: the add-on reads the edited rows of the
 * table's span in one getValues and writes back at most one block per auto column (so a pasted
 * 1000-row block costs the same number of calls as one cell).
 *
 * Values written: IDs as text into '@' columns (they start with a letter, so they cannot become a
 * number or formula anyway), dates as Date objects (a date, never a string Sheets might read as
 * month/day or day/month).
 * A multi-cell paste fires one onEdit with no value/oldValue: a pasted stage counts as a change.
 * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit
 */
import type { CellValue } from '../fields/types';
import { CLIENT_ID_PREFIX } from '../fields/autoId';
import { cleanInput } from '../fields/util';
import { fieldByRole, type TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import { isBlankCell } from '../fields/util';

export interface EditArea {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** True for a one-cell edit, where value/oldValue tell whether the value really changed. */
  single: boolean;
  value?: unknown;
  oldValue?: unknown;
}

export interface ColumnWrite {
  column: number;
  firstRow: number;
  /** One value per row, as a column ([[v], [v], …]) for Range.setValues. */
  values: CellValue[][];
}

export interface AutoFillInput {
  schema: TableSchema;
  layout: Layout;
  headerRow: number;
  edit: EditArea;
  /** Values of rows edit.firstRow..edit.lastRow (clipped below the header) over columns spanFirst..spanLast. */
  rows: readonly (readonly CellValue[])[];
  /** Sheet row of rows[0]. */
  rowsFirstRow: number;
  spanFirst: number;
  now: Date;
  /** A new client ID for the n-th new row of this edit (0-based). */
  newId: (n: number) => string;
}

/**
 * `count` new client IDs after the existing ones: the first from the field type's nextClientId
 * ('C-000042'), the rest counting up from it with the same width.
 */
export function idSequence(first: string, count: number): string[] {
  const m = /^(.*?)(\d+)$/.exec(first);
  if (!m) return Array.from({ length: count }, (_, i) => (i === 0 ? first : `${first}-${i + 1}`));
  const prefix = m[1] as string;
  const digits = m[2] as string;
  const start = Number(digits);
  return Array.from({ length: count }, (_, i) => prefix + String(start + i).padStart(digits.length, '0'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * At most two IDs that stand for a whole ID column as far as nextClientId is concerned: the one with the
 * largest number and the widest zero-padded one (nextClientId reads only those two facts, with the same
 * matching: prefix, white space, digits, case-insensitive). So
 * nextClientId([...idSummary(all), ...more]) === nextClientId([...all, ...more]) for any `more`: onEdit
 * keeps this summary in document properties instead of reading the whole column on every edit.
 */
export function idSummary(ids: readonly string[], prefix: string = CLIENT_ID_PREFIX): string[] {
  const re = new RegExp('^' + escapeRegExp(prefix.trim()) + '\\s*(\\d+)$', 'i');
  let max: { id: string; digits: string } | null = null;
  let widest: { id: string; width: number } | null = null;
  for (const id of ids) {
    const m = re.exec(cleanInput(String(id)));
    if (!m) continue;
    const raw = m[1] as string;
    const digits = raw.replace(/^0+(?=\d)/, '');
    if (!max || digits.length > max.digits.length || (digits.length === max.digits.length && digits > max.digits)) max = { id, digits };
    if (raw[0] === '0' && (!widest || raw.length > widest.width)) widest = { id, width: raw.length };
  }
  const out: string[] = [];
  if (max) out.push(max.id);
  // Canonical: the widest only when the largest is not as wide itself (so equal columns give equal
  // summaries, whatever the order of their IDs, and onEdit does not rewrite an unchanged counter).
  const maxRaw = max ? (re.exec(cleanInput(String(max.id)))?.[1] ?? '') : '';
  if (widest && !(maxRaw[0] === '0' && maxRaw.length >= widest.width)) out.push(widest.id);
  return out;
}

/** Rows of a sheet edit that belong to the table (below the header); null when none. */
export function clipEdit(edit: EditArea, headerRow: number): EditArea | null {
  const firstRow = Math.max(edit.firstRow, headerRow + 1);
  if (firstRow > edit.lastRow) return null;
  return { ...edit, firstRow };
}

export function planAutoFill(input: AutoFillInput): ColumnWrite[] {
  const { schema, layout, edit, rows, rowsFirstRow, spanFirst, now } = input;
  const col = (role: 'clientId' | 'created' | 'updated' | 'stageSince' | 'stage') => {
    const f = fieldByRole(schema, role);
    return f ? layout.columns[f.key] : undefined;
  };
  const idCol = col('clientId');
  const createdCol = col('created');
  const updatedCol = col('updated');
  const sinceCol = col('stageSince');
  const stageCol = col('stage');
  const autoCols = new Set([idCol, createdCol, updatedCol, sinceCol].filter((c): c is number => c !== undefined));
  const userCols = Object.values(layout.columns).filter((c) => !autoCols.has(c));
  // Only edits that touched a column of the user's count (our own columns being typed over do not).
  const touchedUser = userCols.some((c) => c >= edit.firstColumn && c <= edit.lastColumn);
  if (!touchedUser || autoCols.size === 0) return [];
  const stageTouched = stageCol !== undefined && stageCol >= edit.firstColumn && stageCol <= edit.lastColumn;
  const stageChanged = stageTouched && (!edit.single || String(edit.value ?? '') !== String(edit.oldValue ?? ''));

  const cell = (row: readonly CellValue[], c: number | undefined): CellValue => (c === undefined ? '' : (row[c - spanFirst] ?? ''));
  const next = new Map<number, CellValue[]>(); // column → new value per row (same as old where unchanged)
  const changed = new Map<number, number[]>(); // column → row indexes changed
  for (const c of autoCols) { next.set(c, rows.map((r) => cell(r, c))); changed.set(c, []); }
  const set = (c: number | undefined, i: number, v: CellValue) => {
    if (c === undefined) return;
    (next.get(c) as CellValue[])[i] = v;
    (changed.get(c) as number[]).push(i);
  };

  let newRows = 0;
  rows.forEach((row, i) => {
    const sheetRow = rowsFirstRow + i;
    if (sheetRow < edit.firstRow || sheetRow > edit.lastRow) return;
    if (!userCols.some((c) => !isBlankCell(cell(row, c)))) return; // an emptied row is not a client
    // "New to the table" is decided from the edited rows alone (already read in the one getValues of
    // the span; onEdit reads no other cell, so its calls do not grow with the table): a row without a
    // client ID, or a row ClientFlow has never stamped (Created and Updated both blank) — a pasted row
    // that brings its own ID is still new. A row whose Created the user cleared keeps its Updated, so
    // it is not mistaken for new.
    const noId = idCol !== undefined && isBlankCell(cell(row, idCol));
    const unstamped = createdCol !== undefined && isBlankCell(cell(row, createdCol)) && (updatedCol === undefined || isBlankCell(cell(row, updatedCol)));
    const isNew = noId || unstamped;
    if (noId) {
      set(idCol, i, input.newId(newRows));
      newRows++;
    }
    if (isNew && createdCol !== undefined && isBlankCell(cell(row, createdCol))) set(createdCol, i, now);
    set(updatedCol, i, now);
    const stage = cell(row, stageCol);
    if (sinceCol !== undefined && !isBlankCell(stage) && (stageChanged || (isNew && isBlankCell(cell(row, sinceCol))))) set(sinceCol, i, now);
  });

  const writes: ColumnWrite[] = [];
  for (const c of [...autoCols].sort((x, y) => x - y)) {
    const idx = changed.get(c) as number[];
    if (idx.length === 0) continue;
    const lo = idx[0] as number; // rows are visited in order
    const hi = idx[idx.length - 1] as number;
    const vals = next.get(c) as CellValue[];
    writes.push({ column: c, firstRow: rowsFirstRow + lo, values: vals.slice(lo, hi + 1).map((v) => [v]) });
  }
  return writes;
}
