/**
 * Sheet.getRangeList: one call for a list of ranges of one sheet, and its members applied to each range.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range-list
 */
import { setup } from './helpers';

describe('Sheet.getRangeList', () => {
  test('getRanges gives one Range per notation, in order, for one call each', () => {
    const { emu, sheet } = setup();
    const list = sheet.getRangeList(['A2:A10', 'C:C', 'E5']);
    const ranges = list.getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['A2:A10', 'C1:C1000', 'E5']);
    const s = emu.stats();
    expect(s.byMethod['Sheet.getRangeList']).toBe(1);
    expect(s.byMethod['RangeList.getRanges']).toBe(1);
    expect(s.byMethod['Sheet.getRange']).toBeUndefined();
  });

  test('setNumberFormat and clearDataValidations reach every range, counted once and per cell written', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:C3').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    emu.resetStats();
    const list = sheet.getRangeList(['A1:A3', 'C2']);
    list.setNumberFormat('@');
    list.clearDataValidations();
    expect(sheet.getRange('A1:C3').getNumberFormats()).toEqual([['@', '0.###############', '0.###############'], ['@', '0.###############', '@'], ['@', '0.###############', '0.###############']]);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    expect(sheet.getRange('C2').getDataValidation()).toBeNull();
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
    const s = emu.stats();
    expect(s.byMethod['RangeList.setNumberFormat']).toBe(1);
    expect(s.byMethod['RangeList.clearDataValidations']).toBe(1);
    expect(s.cellsWritten).toBe(8);
  });

  test('strict: empty lists, other sheets, bad notations and unemulated members are refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList([])).toThrow();
    expect(() => sheet.getRangeList(['A1', 'A0'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(["'Other'!A1"])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['A1:A2000'])).toThrow('outside the dimensions');
    expect(() => (sheet.getRangeList(['A1']) as unknown as { setWrap(b: boolean): void }).setWrap(true)).toThrow('Not emulated: RangeList.setWrap');
  });
});
