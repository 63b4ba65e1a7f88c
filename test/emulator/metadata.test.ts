/**
 * Developer metadata on a whole column stays a COLUMN location whatever happens to the rows, and moves
 * with its column. Ref: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location
 * Ref: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata
 */
import { setup } from './helpers';

function columnOf(g: ReturnType<typeof setup>['g'], key: string): { type: string; a1: string | null; row: unknown } {
  const sheet = g.SpreadsheetApp.getActiveSheet();
  const md = sheet.createDeveloperMetadataFinder().withKey(key).find()[0];
  const loc = md?.getLocation();
  return { type: String(loc?.getLocationType()), a1: loc?.getColumn()?.getA1Notation() ?? null, row: loc?.getRow() };
}

describe('column metadata', () => {
  test('stays on its column when the sheet gains rows (rows inserted above and below, a person pasting below the edge)', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('field', 'phone');
    expect(columnOf(g, 'field')).toEqual({ type: 'COLUMN', a1: 'C1:C1000', row: null });
    sheet.insertRowsAfter(1000, 5);
    expect(columnOf(g, 'field')).toEqual({ type: 'COLUMN', a1: 'C1:C1005', row: null });
    sheet.insertRowsBefore(1, 2);
    expect(columnOf(g, 'field')).toEqual({ type: 'COLUMN', a1: 'C1:C1007', row: null });
    // A person cannot select a cell past the grid to type there; a paste that runs past it grows it.
    emu.pasteValues('A1007', Array.from({ length: 194 }, () => ['x']));
    expect(columnOf(g, 'field').a1).toBe('C1:C1200');
    expect(sheet.getRange('C:C').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['phone']);
  });

  test('moves with its column (insert, move) and goes away with it (delete); row metadata follows rows only', () => {
    const { g, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('field', 'phone');
    sheet.getRange('5:5').addDeveloperMetadata('row', 'five');
    sheet.insertColumnBefore(1);
    expect(columnOf(g, 'field').a1).toBe('D1:D1000');
    sheet.moveColumns(sheet.getRange('D:D'), 1);
    expect(columnOf(g, 'field').a1).toBe('A1:A1000');
    sheet.insertRowsBefore(2, 3);
    const row = sheet.createDeveloperMetadataFinder().withKey('row').find()[0]?.getLocation();
    expect(String(row?.getLocationType())).toBe('ROW');
    expect(row?.getRow()?.getA1Notation()).toBe('A8:AA8');
    expect(row?.getColumn()).toBeNull();
    sheet.deleteColumn(1);
    expect(sheet.createDeveloperMetadataFinder().withKey('field').find()).toEqual([]);
    expect(sheet.createDeveloperMetadataFinder().withKey('row').find()).toHaveLength(1);
  });
});
