/**
 * Places where Sheets refuses what a lenient fake would accept, with Apps Script's own messages.
 */
import { setup } from './helpers';

describe('strictness', () => {
  test('getRange before row/column 1, with 0 rows, past the sheet, or with a bad A1 notation', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    for (const bad of ['A0', '1A', 'A1:B2:C3', '', 'AAAA1']) expect(() => sheet.getRange(bad)).toThrow();
    expect(sheet.getRange('A:A').getA1Notation()).toBe('A1:A1000');
    expect(sheet.getRange('2:2').getA1Notation()).toBe('A2:Z2');
    expect(sheet.getRange('b2:C').getA1Notation()).toBe('B2:C1000');
  });

  test("sheet names with spaces and quotes in A1 notation; a duplicate name is refused whatever its case", () => {
    const { g } = setup();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet("O'Brien list");
    ss.insertSheet('Sheet 2');
    ss.getRange("'O''Brien list'!B2").setValue('x');
    expect(ss.getSheetByName("O'Brien list")?.getRange('B2').getValue()).toBe('x');
    expect(ss.getRange("'Sheet 2'!A1:B2").getNumRows()).toBe(2);
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => ss.insertSheet('sheet 2')).toThrow('A sheet with the name "sheet 2" already exists. Please enter another name.');
  });

  test('ragged rows and non-arrays in setValues', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setValues([['a', 'b'], ['c']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues([['a', 'b']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues(['a', 'b'] as unknown as string[][])).toThrow();
    expect(r.getValues()).toEqual([['', ''], ['', '']]);
  });

  test('a cell holds at most 50,000 characters: longer writes are refused whole', () => {
    const { sheet } = setup();
    const long = 'x'.repeat(50_001);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', long]])).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(() => sheet.getRange('A1').setValue(long)).toThrow('50000 characters');
    expect(() => sheet.appendRow(['a', long])).toThrow('50000 characters');
    sheet.getRange('A1').setValue('y'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue()).length).toBe(50_000);
  });

  test('deleting every row below the frozen ones is refused', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });
});
