/**
 * Value semantics of Sheets: strings written with setValue(s) or typed are parsed as typing unless the
 * cell's number format is plain text '@'.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
 */
import { setup } from './helpers';

describe('parsing on write', () => {
  test('"+86 138 0013 8000" stays text only in an @ cell; elsewhere it becomes a formula with an error', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('+86 138 0013 8000');
    sheet.getRange('B1').setNumberFormat('@').setValue('+86 138 0013 8000');
    // Ref: https://support.google.com/docs/answer/46977 — Sheets reads a leading "+" or "-" as the start of a formula.
    expect(sheet.getRange('A1').getFormula()).toBe('=+86 138 0013 8000');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(sheet.getRange('B1').getValue()).toBe('+86 138 0013 8000');
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  test('"00123" becomes the number 123 unless the cell is plain text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['00123', '0042']]);
    sheet.getRange('C1').setNumberFormat('@');
    sheet.getRange('C1').setValues([['00123']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[123, 42, '00123']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['123', '42', '00123']]);
  });

  test("a leading apostrophe keeps the rest as text, without the apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'00123", "'+86 138 0013 8000", "'=1+1"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['00123', '+86 138 0013 8000', '=1+1']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  test('"=1+1" becomes a formula that evaluates to 2; a name starting with "=" in an @ cell stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+1');
    sheet.getRange('A2').setValue('=A1*10');
    sheet.getRange('A3').setNumberFormat('@').setValue('=not a formula');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[2], [20], ['=not a formula']]);
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([['=1+1'], ['=A1*10'], ['']]);
    expect(sheet.getRange('A4').setValue('-abc').getValue()).toBe('#NAME?');
  });

  test('dates (ISO, locale slash form, Chinese form) become Dates in the spreadsheet time zone with a date format', () => {
    const { sheet } = setup({ timeZone: 'America/New_York' });
    sheet.getRange('A1:C1').setValues([['2024-01-05', '1/2/2024', '2024年3月4日']]);
    const [a, b, c] = sheet.getRange('A1:C1').getValues()[0] ?? [];
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).toISOString()).toBe('2024-01-05T05:00:00.000Z'); // midnight in New York
    expect((b as Date).toISOString()).toBe('2024-01-02T05:00:00.000Z'); // en_US reads month first
    expect((c as Date).toISOString()).toBe('2024-03-04T05:00:00.000Z');
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['yyyy-mm-dd', 'm/d/yyyy', 'yyyy"年"m"月"d"日"']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2024-01-05', '1/2/2024', '2024年3月4日']]);
  });

  test('a zh_CN spreadsheet keeps dates in Shanghai time and does not read 1/2/2024 as a date', () => {
    const { sheet } = setup({ userLocale: 'zh-CN' });
    sheet.getRange('A1:B1').setValues([['2024/1/5', '1/2/2024']]);
    const [a, b] = sheet.getRange('A1:B1').getValues()[0] ?? [];
    expect((a as Date).toISOString()).toBe('2024-01-04T16:00:00.000Z');
    expect(b).toBe('1/2/2024');
  });

  test('percent and currency set a value and a matching format; TRUE/FALSE become booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['12%', '$1,200', '¥3,000.50', 'true', '1,234']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[0.12, 1200, 3000.5, true, 1234]]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['12%', '$1,200', '¥3,000.50', 'TRUE', '1,234']]);
  });

  test('non-string values: numbers and booleans stored as such, a Date gets a date-time format, null clears', () => {
    const { sheet } = setup();
    const d = new Date('2026-01-15T14:30:00Z');
    sheet.getRange('A1:D1').setValues([[42, false, d, null]]);
    const row = sheet.getRange('A1:D1').getValues()[0];
    expect(row?.slice(0, 2)).toEqual([42, false]);
    expect((row?.[2] as Date).getTime()).toBe(d.getTime());
    expect(row?.[3]).toBe('');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/15/2026 9:30:00');
  });

  test('display formats', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:H1');
    r.setValues([[1234.5, 1234.5, 0.256, 0.256, 1234.5, 45306, 45306.75, 7]]);
    r.setNumberFormats([['#,##0.00', '0', '0%', '0.00%', '"¥"#,##0.00', 'yyyy/m/d', 'yyyy-mm-dd hh:mm', '[$$]#,##0.00']]);
    expect(r.getDisplayValues()).toEqual([['1,234.50', '1235', '26%', '25.60%', '¥1,234.50', '2024/1/15', '2024-01-15 18:00', '$7.00']]);
  });
});

describe('dimensions', () => {
  test('setValues checks rows then columns with Sheets\' message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange('A1:B2').setValues([['a'], ['b']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(sheet.getLastRow()).toBe(0);
  });

  test('ranges outside the sheet are refused; A1 forms resolve like Sheets', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getRange('B2:B').getA1Notation()).toBe('B2:B1000');
    expect(sheet.getRange('C:D').getNumColumns()).toBe(2);
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
  });

  test('getDataRange and last row/column follow content, including after row deletion', () => {
    const { emu, sheet } = setup();
    emu.loadRows([['a', 'b', 'c'], ['1', '2', ''], ['3', '', '']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    sheet.deleteRow(2);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 'b', 'c'], [3, '', '']]);
  });
});
