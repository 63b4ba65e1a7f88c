/**
 * Which adopted columns keep their own number formats. A number format never changes what getValues
 * returns, but it changes how a value *reads* on screen, and adopting must not change how the user's
 * data reads. Sheets shows a number under a date format as a date, a Date under a number or plain-text
 * format as its serial number, a number under a percent format times 100 (15 → 1500%), and booleans
 * under '@' as text.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat
 * Ref: https://support.google.com/docs/answer/56470 (number formats)
 */
import { fieldType } from '../fields';
import type { CellValue, TypeContext } from '../fields/types';
import type { Layout } from '../table/layout';
import { typeContext } from '../setup/plan';
import type { TableSchema } from '../schema';

const DATE_FORMAT = /[dy]|m{3,}|(^|[^h:])mm?([^:s]|$)/i;

type FormatKind = 'text' | 'date' | 'percent' | 'number';
/** Kinds of the formats met so far: a sheet uses few distinct formats, read once each. */
const kinds = new Map<string, FormatKind>();

function kindOfFormat(fmt: string): FormatKind {
  let k = kinds.get(fmt);
  if (k === undefined) {
    k = formatKind(fmt);
    if (kinds.size < 1000) kinds.set(fmt, k);
  }
  return k;
}

function formatKind(fmt: string): FormatKind {
  if (fmt === '@') return 'text';
  const stripped = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (stripped.includes('%')) return 'percent';
  if (DATE_FORMAT.test(stripped)) return 'date';
  return 'number';
}

/** True when `newFormat` would make `value` (shown under `oldFormat`) read differently. */
export function formatChangesReading(value: CellValue, oldFormat: string, newFormat: string): boolean {
  if (value === '' || typeof value === 'string' || oldFormat === newFormat) return false; // strings read the same under every format
  const to = kindOfFormat(newFormat);
  const from = kindOfFormat(oldFormat || '0.###############');
  if (value instanceof Date) return to !== 'date';
  if (typeof value === 'boolean') return to === 'text';
  if (typeof value === 'number') {
    if (to === 'date') return from !== 'date';
    if (to === 'percent') return from !== 'percent' && Math.abs(value) > 1;
    if (from === 'date' || from === 'percent') return true;
    return false;
  }
  return false; // strings read the same under every format
}

export interface KeptFormat { column: number; header: string }

export function keepFormatColumns(
  schema: TableSchema,
  layout: Layout,
  read: { values: CellValue[][]; formats: string[][]; timeZone: string },
  dataStart: number,
  dataEnd: number,
  _ctx: TypeContext,
): KeptFormat[] {
  const pending: Array<{ col: number; header: string; fmt: string; kept: boolean }> = [];
  for (const f of schema.fields) {
    const col = layout.columns[f.key];
    if (col === undefined) continue;
    pending.push({ col, header: f.header, fmt: fieldType(f.type).numberFormat(typeContext(schema, f, read.timeZone)), kept: false });
  }
  // Row by row (the grid is an array of rows), until every column is decided or the rows end.
  let open = pending.length;
  for (let r = dataStart; r < dataEnd && open > 0; r++) {
    const row = read.values[r];
    if (!row) continue;
    const frow = read.formats[r];
    for (const p of pending) {
      if (p.kept) continue;
      const v = row[p.col - 1];
      // Text reads the same under every format: only numbers, Dates and booleans can change.
      if (v === undefined || typeof v === 'string') continue;
      if (formatChangesReading(v, frow?.[p.col - 1] ?? '', p.fmt)) { p.kept = true; open--; }
    }
  }
  return pending.filter((p) => p.kept).map((p) => ({ column: p.col, header: p.header }));
}
