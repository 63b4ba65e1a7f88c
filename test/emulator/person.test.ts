/**
 * What a person does in the UI and the onEdit event each action fires (personEdit): typing, paste of
 * plain text, paste from another sheet with its formats, validation and rules, fill-down, Delete, undo.
 * Shapes: https://developers.google.com/apps-script/guides/triggers/events#edit and the measurements
 * behind https://github.com/tanaikech/GetEditType (see dev/emulator/index.ts, editEvent).
 */
import { EditRejected } from '../../dev/emulator';
import { setup } from './helpers';

const shape = (e: { value?: unknown; oldValue?: unknown; range: GoogleAppsScript.Spreadsheet.Range }): Record<string, unknown> => ({
  a1: e.range.getA1Notation(),
  hasValue: 'value' in e,
  hasOld: 'oldValue' in e,
  value: e.value,
  oldValue: e.oldValue,
});

describe('event shapes by person action', () => {
  test('typing into an empty cell: value only; over a value: value and oldValue', () => {
    const { emu } = setup();
    expect(shape(emu.personEdit({ kind: 'type', a1: 'B2', value: 'Lead' }))).toEqual({ a1: 'B2', hasValue: true, hasOld: false, value: 'Lead', oldValue: undefined });
    expect(shape(emu.personEdit({ kind: 'type', a1: 'B2', value: 'Won' }))).toEqual({ a1: 'B2', hasValue: true, hasOld: true, value: 'Won', oldValue: 'Lead' });
  });

  test('a paste of one cell carries neither value nor oldValue, even over a value', () => {
    const { emu } = setup();
    emu.personEdit({ kind: 'type', a1: 'C3', value: 'Lead' });
    const e = emu.personEdit({ kind: 'paste', a1: 'C3', values: [['Won']] });
    expect(shape(e)).toEqual({ a1: 'C3', hasValue: false, hasOld: false, value: undefined, oldValue: undefined });
    expect(e.range.getValue()).toBe('Won');
    // pasteValues is the same action
    expect('value' in emu.pasteValues('D4', [['x']])).toBe(false);
  });

  test('a paste of a block: neither field, the range is the block', () => {
    const { emu } = setup();
    expect(shape(emu.personEdit({ kind: 'paste', a1: 'A2', values: [['a', 'b'], ['c', 'd']] }))).toMatchObject({ a1: 'A2:B3', hasValue: false, hasOld: false });
  });

  test('Delete on one cell: oldValue only; on an empty cell or a block: neither; formats stay', () => {
    const { emu, sheet } = setup();
    emu.personEdit({ kind: 'type', a1: 'A1', value: '12' });
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(shape(emu.personEdit({ kind: 'delete', a1: 'A1' }))).toEqual({ a1: 'A1', hasValue: false, hasOld: true, value: undefined, oldValue: '12' });
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    expect(shape(emu.personEdit({ kind: 'delete', a1: 'A1' }))).toMatchObject({ hasValue: false, hasOld: false });
    emu.personEdit({ kind: 'paste', a1: 'A1', values: [['1'], ['2']] });
    expect(shape(emu.personEdit({ kind: 'delete', a1: 'A1:A2' }))).toMatchObject({ a1: 'A1:A2', hasValue: false, hasOld: false });
  });

  test('fill-down copies the first row into the selection (formula shifted, format and rule along): neither field', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['n', 'x2'], ['1', ''], ['2', ''], ['3', '']]);
    emu.personEdit({ kind: 'type', a1: 'B2', value: '=A2*2' });
    sheet.getRange('B2').setNumberFormat('0.0').setDataValidation(g.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    const e = emu.personEdit({ kind: 'fillDown', a1: 'B2:B4' });
    expect(shape(e)).toMatchObject({ a1: 'B2:B4', hasValue: false, hasOld: false });
    expect(sheet.getRange('B2:B4').getFormulas()).toEqual([['=A2*2'], ['=A3*2'], ['=A4*2']]);
    expect(sheet.getRange('B2:B4').getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange('B4').getNumberFormat()).toBe('0.0');
    expect(sheet.getRange('B4').getDataValidation()?.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO);
  });

  test('undo restores the block the last action changed and fires an event with neither field', () => {
    const { emu, sheet } = setup();
    emu.personEdit({ kind: 'type', a1: 'A1', value: 'first' });
    emu.personEdit({ kind: 'paste', a1: 'A1', values: [['second', 'x']] });
    const e = emu.personEdit({ kind: 'undo' });
    expect(shape(e)).toMatchObject({ a1: 'A1:B1', hasValue: false, hasOld: false });
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['first', '']]);
    emu.personEdit({ kind: 'undo' });
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => emu.personEdit({ kind: 'undo' })).toThrow('nothing to undo');
  });
});

describe('paste from another sheet (Sheets\' normal paste) versus plain text', () => {
  /** A phone column in '@' with a dropdown next to it; a source sheet with General format, no rules. */
  function table() {
    const ctx = setup();
    const { g, emu } = ctx;
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const t = ss.getActiveSheet();
    t.getRange('A2:A100').setNumberFormat('@');
    t.getRange('B2:B100').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Lead', 'Won'], true).setAllowInvalid(false).build());
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Won"').setBackground('#00ff00').setRanges([t.getRange('A2:B100')]).build();
    t.setConditionalFormatRules([rule]);
    const src = ss.insertSheet('Other');
    src.getRange('A1:B2').setValues([['00123', 'Maybe'], ['+86 138 0013 8000', 'Won']]);
    src.getRange('C1').setNumberFormat('0.00');
    ss.setActiveSheet(t);
    return { ...ctx, t, src, emu };
  }

  test('plain text keeps the target\'s format and rules: 00123 stays text, a value outside the list is refused', () => {
    const { emu, t } = table();
    emu.personEdit({ kind: 'paste', a1: 'A2', values: [['00123']] });
    expect(t.getRange('A2').getValue()).toBe('00123');
    expect(() => emu.personEdit({ kind: 'paste', a1: 'B2', values: [['Maybe']] })).toThrow(EditRejected);
  });

  test('plain text with the source\'s number formats: the format comes along and parsing follows it', () => {
    const { emu, t } = table();
    emu.personEdit({ kind: 'paste', a1: 'A5', values: [['00123']], numberFormats: [['0']] });
    expect(t.getRange('A5').getNumberFormat()).toBe('0');
    expect(t.getRange('A5').getValue()).toBe(123);
  });

  test('a normal paste replaces the target\'s number format and validation with the source\'s', () => {
    const { emu, t, src } = table();
    // the source was written by a script into General cells: 00123 became the number 123
    expect(src.getRange('A1').getValue()).toBe(123);
    const e = emu.personEdit({ kind: 'pasteFrom', from: 'A1:B2', fromSheet: 'Other', a1: 'A2' });
    expect(shape(e)).toMatchObject({ a1: 'A2:B3', hasValue: false, hasOld: false });
    expect(t.getRange('A2').getNumberFormat()).not.toBe('@');
    expect(t.getRange('A2').getValue()).toBe(123);
    expect(t.getRange('B2').getDataValidation()).toBeNull(); // the dropdown is gone on the pasted rows
    expect(t.getRange('B2').getValue()).toBe('Maybe');
    expect(t.getRange('B4').getDataValidation()).not.toBeNull(); // and stays below them
  });

  test('a normal paste brings the source\'s validation and conditional format rules along', () => {
    const { emu, g, t, src } = table();
    src.getRange('D1:D2').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    src.setConditionalFormatRules([g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=D1=TRUE').setBackground('#ff0000').setRanges([src.getRange('D1:D2')]).build()]);
    src.getRange('D1:D2').setValues([[true], [false]]);
    emu.personEdit({ kind: 'pasteFrom', from: 'D1:D2', fromSheet: 'Other', a1: 'F10' });
    expect(t.getRange('F10').getDataValidation()?.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.CHECKBOX);
    const rules = t.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const pasted = rules[1];
    expect(pasted?.getRanges().map((r) => r.getA1Notation())).toEqual(['F10:F11']);
    expect(pasted?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=F10=TRUE']); // relative references follow the cells, as a formula's do
    expect(emu.view('Sheet1', 'F10:F11').map((r) => r[0]?.background)).toEqual(['#ff0000', null]);
  });

  test('a values-only paste keeps the target\'s formats and rules', () => {
    const { emu, t } = table();
    emu.personEdit({ kind: 'pasteFrom', from: 'A2:B2', fromSheet: 'Other', a1: 'A7', special: 'values' });
    expect(t.getRange('A7').getNumberFormat()).toBe('@');
    expect(t.getRange('B7').getDataValidation()).not.toBeNull();
    expect(t.getRange('B7').getValue()).toBe('Won');
  });
});

describe('rows a paste adds past the sheet\'s end', () => {
  test('carry no validation or format of the rows above', () => {
    const { emu, g, sheet } = setup();
    const max = sheet.getMaxRows();
    sheet.getRange(2, 1, max - 1, 1).setNumberFormat('@').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['a']).build());
    emu.personEdit({ kind: 'paste', a1: `A${max}`, values: [['a'], ['00123'], ['zzz']] });
    expect(sheet.getMaxRows()).toBe(max + 2);
    expect(sheet.getRange(max + 1, 1).getNumberFormat()).not.toBe('@');
    expect(sheet.getRange(max + 1, 1).getValue()).toBe(123);
    expect(sheet.getRange(max + 2, 1).getDataValidation()).toBeNull();
  });
});

describe('plain paste carrying validation from another spreadsheet', () => {
  test('the pasted cells take the carried rules; null removes the target\'s', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:A10').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Lead']).setAllowInvalid(false).build());
    emu.personEdit({ kind: 'paste', a1: 'A2', values: [['Won'], ['x']], validations: [[{ criteria: 'VALUE_IN_LIST', args: [['Won', 'Lost'], true], allowInvalid: false }], [null]] });
    expect(sheet.getRange('A2').getDataValidation()?.getCriteriaValues()).toEqual([['Won', 'Lost'], true]);
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
    expect(sheet.getRange('A4').getDataValidation()?.getCriteriaValues()).toEqual([['Lead'], true]);
    expect(() => emu.personEdit({ kind: 'paste', a1: 'A5', values: [['Nope']], validations: [[{ criteria: 'VALUE_IN_LIST', args: [['Won'], true], allowInvalid: false }]] })).toThrow(EditRejected);
    expect(sheet.getRange('A5').getDataValidation()?.getCriteriaValues()).toEqual([['Lead'], true]);
  });
});

describe("a person acts only inside the grid, and a paste grows it only up to Sheets' limits", () => {
  test('typing, Delete and fill-down past the grid are refused and change nothing; a paste there grows the sheet', () => {
    const { emu, sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    for (const action of [{ kind: 'type', a1: 'A1001', value: 'x' }, { kind: 'type', a1: 'AA1', value: 'x' }, { kind: 'delete', a1: 'A999:A1001' }, { kind: 'fillDown', a1: 'B999:B1002' }] as const) {
      expect(() => emu.personEdit(action)).toThrow(EditRejected);
      expect(() => emu.personEdit(action)).toThrow(/is outside the sheet "Sheet1" \(1000 rows × 26 columns\)/);
    }
    expect(() => emu.personEdit({ kind: 'pasteFrom', from: 'A1000:A1001', a1: 'C1' })).toThrow(/A1000:A1001 is outside the sheet/);
    expect(sheet.getMaxRows()).toBe(1000);
    emu.personEdit({ kind: 'paste', a1: 'A1000', values: [['x'], ['y']] });
    expect(sheet.getMaxRows()).toBe(1001);
    emu.personEdit({ kind: 'type', a1: 'A1001', value: 'z' });
    expect(sheet.getRange('A1001').getValue()).toBe('z');
  });

  test('a paste that would take a sheet past column ZZZ (18,278 columns) is refused', () => {
    const { emu, sheet } = setup();
    // Ten rows, so the cell limit (10 million) is not what refuses it.
    sheet.deleteRows(11, 990);
    expect(() => emu.personEdit({ kind: 'paste', a1: 'Z1', values: [Array.from({ length: 18_254 }, () => 'x')] })).toThrow(/above the limit of 18278 columns/);
    expect(sheet.getMaxColumns()).toBe(26);
    emu.personEdit({ kind: 'paste', a1: 'Z1', values: [Array.from({ length: 18_253 }, () => 'x')] });
    expect(sheet.getMaxColumns()).toBe(18_278);
  });

  test("a paste's number formats must have its values' shape", () => {
    const { emu } = setup();
    expect(() => emu.personEdit({ kind: 'paste', a1: 'B2', values: [['1']], numberFormats: [['@'], ['@']] })).toThrow(/must have the rows and columns of its values/);
  });
});
