/**
 * Finding the configured table: its sheet (by id, so a renamed sheet is still found) and its layout
 * (developer metadata first, header text second: see src/core/table/layout.ts).
 */
import { FIELD_METADATA_KEY, resolveLayout, type ColumnMetadata, type Layout } from '../../core/table/layout';
import type { TableSchema } from '../../core/schema';
import type { CellValue } from '../../core/fields/types';
import { UserError } from '../runtime/errors';
import { userLocale } from '../runtime/action';
import { allTables } from '../config/store';
import { joinList, type MessageKey } from '../../core/i18n';
import { isKnownTimeZone } from '../../core/fields/calendar';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The table's sheet, by its sheet id only (O(sheets) calls). Null when gone: a sheet that later took
 * the old name holds someone else's data and is never taken for the table (sheet ids are stable across
 * renames and are never reused within a spreadsheet).
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetId()
 */
export function findTableSheet(ss: Spreadsheet, schema: TableSchema): Sheet | null {
  const loc = schema.location;
  if (!loc) return null;
  for (const s of ss.getSheets()) if (s.getSheetId() === loc.sheetId) return s;
  return null;
}

export function requireTableSheet(ss: Spreadsheet, schema: TableSchema): Sheet {
  const sheet = findTableSheet(ss, schema);
  if (!sheet) throw new UserError('setup.error.sheetMissing', { sheet: schema.location?.sheetName ?? '' });
  return sheet;
}

/** Reads the header row (one getValues) and the column metadata, and resolves the layout. */
export function readLayout(sheet: Sheet, schema: TableSchema, headerRow: number): { layout: Layout; headers: CellValue[]; lastColumn: number } {
  const lastColumn = sheet.getLastColumn();
  const width = Math.max(lastColumn, 1);
  const headers = (sheet.getRange(headerRow, 1, 1, width).getValues()[0] ?? []) as CellValue[];
  return { layout: layoutOf(sheet, schema, headers), headers, lastColumn };
}

/**
 * True when the headers alone place every field for sure: each found, and no header written twice (a
 * copied column, or a new one named like a field, is told from the field's own by its metadata).
 */
export function headersSuffice(layout: Layout): boolean {
  return layout.missing.length === 0 && !layout.notes.some((n) => n.kind === 'duplicateHeader');
}

/**
 * Where the table's fields are, from the header row's values: the headers first, as onEdit does. When
 * every field is found by its header (moved columns included), the column metadata is not read: reading
 * it costs four calls per column (the finder's metadata, its location, the location's column, its
 * value), 76 calls for a 19-column table. A renamed or missing header falls back to the metadata.
 */
export function layoutOf(sheet: Sheet, schema: TableSchema, headers: readonly CellValue[]): Layout {
  const byHeaders = resolveLayout(schema.fields, headers, []);
  if (headersSuffice(byHeaders)) return byHeaders;
  const meta = readColumnMetadata(sheet).map(({ column, key }) => ({ column, key }));
  return resolveLayout(schema.fields, headers, meta);
}

/** True when the sheet holds no value at all. */
export function isSheetEmpty(sheet: Sheet): boolean {
  return sheet.getLastRow() === 0 && sheet.getLastColumn() === 0;
}

/** Column metadata 'clientflow.field' on the sheet. */
export function readColumnMetadata(sheet: Sheet): Array<ColumnMetadata & { md: GoogleAppsScript.Spreadsheet.DeveloperMetadata }> {
  const found = sheet.createDeveloperMetadataFinder().withKey(FIELD_METADATA_KEY).find();
  const out: Array<ColumnMetadata & { md: GoogleAppsScript.Spreadsheet.DeveloperMetadata }> = [];
  for (const md of found) {
    const col = md.getLocation().getColumn();
    out.push({ column: col ? col.getColumn() : 0, key: md.getValue() ?? '', md });
  }
  return out;
}

/**
 * The spreadsheet's time zone, in which getValues returns its dates (an IANA name such as
 * "Asia/Shanghai"). A name this runtime's Intl does not know is reported to the user (UserError), never
 * silently read as UTC: every date would be off by the zone's offset.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
 */
export function readTimeZone(ss: Spreadsheet): string {
  const zone = ss.getSpreadsheetTimeZone();
  if (!isKnownTimeZone(zone)) throw new UserError('error.timeZone', { zone });
  return zone;
}

/**
 * The error for an action started on a sheet that is no table: when the spreadsheet has tables on other
 * sheets (the Funnel sheet is active right after it is built), it names them; only when it has none does
 * it say `none` (there is no table yet).
 */
export function noTableHere(none: MessageKey): UserError {
  const tables = allTables().map((o) => o.location?.sheetName ?? '').filter((n) => n !== '');
  if (tables.length === 0) return new UserError(none);
  const active = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
  return new UserError('setup.notThisSheet', { sheet: active, tables: joinList(userLocale(), tables) });
}
