/**
 * Finding the configured table: its sheet (by id, so a renamed sheet is still found) and its layout
 * (developer metadata first, header text second: see src/core/table/layout.ts).
 */
import { FIELD_METADATA_KEY, resolveLayout, type ColumnMetadata, type Layout } from '../../core/table/layout';
import type { TableSchema } from '../../core/schema';
import type { CellValue } from '../../core/fields/types';
import { UserError } from '../runtime/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The table's sheet: by sheet id (O(sheets) calls), then by the name last seen. Null when gone. */
export function findTableSheet(ss: Spreadsheet, schema: TableSchema): Sheet | null {
  const loc = schema.location;
  if (!loc) return null;
  const sheets = ss.getSheets();
  for (const s of sheets) if (s.getSheetId() === loc.sheetId) return s;
  return ss.getSheetByName(loc.sheetName);
}

export function requireTableSheet(ss: Spreadsheet, schema: TableSchema): Sheet {
  const sheet = findTableSheet(ss, schema);
  if (!sheet) throw new UserError('setup.error.sheetMissing', { sheet: schema.location?.sheetName ?? '' });
  return sheet;
}

/** Reads the header row (one getValues) and the column metadata, and resolves the layout. */
export function readLayout(sheet: Sheet, schema: TableSchema, headerRow: number): { layout: Layout; headers: CellValue[] } {
  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = (sheet.getRange(headerRow, 1, 1, width).getValues()[0] ?? []) as CellValue[];
  const meta = readColumnMetadata(sheet).map(({ column, key }) => ({ column, key }));
  return { layout: resolveLayout(schema.fields, headers, meta), headers };
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
