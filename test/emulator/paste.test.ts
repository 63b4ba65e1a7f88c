/**
 * A person pasting into cells whose validation rejects invalid input: the paste is one edit, refused
 * whole when any pasted value breaks a rejecting rule (nothing changes, no onEdit); a warning-only rule
 * lets it through. Ref: https://support.google.com/docs/answer/186103
 */
import { EditRejected } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { setup } from './helpers';

describe('paste into validated cells', () => {
  test('a rejecting rule refuses the whole paste; cells, formats and sheet size stay as they were', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Name', 'Stage'], ['Ada', 'Lead']]);
    sheet.getRange('B2:B1000').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Lead', 'Won']).setAllowInvalid(false).setHelpText('Pick a stage').build());
    expect(() => emu.pasteValues('A2', [['Bo', 'Won'], ['Cy', 'Maybe']])).toThrow(new EditRejected('Pick a stage'));
    expect(sheet.getRange('A2:B3').getValues()).toEqual([['Ada', 'Lead'], ['', '']]);
    expect(() => emu.pasteValues('B999', [['Won'], ['Nope'], ['x']])).toThrow(EditRejected);
    expect(sheet.getMaxRows()).toBe(1000);
    const ok = emu.pasteValues('A2', [['Bo', 'Won'], ['Cy', '']]);
    expect(ok.range.getA1Notation()).toBe('A2:B3');
    expect(sheet.getRange('A2:B3').getValues()).toEqual([['Bo', 'Won'], ['Cy', '']]);
  });

  test('a warning-only rule lets the paste through (the cell is flagged); a refused paste runs no onEdit', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:A10').setDataValidation(g.SpreadsheetApp.newDataValidation().requireNumberGreaterThan(0).build());
    sheet.getRange('B1:B10').setDataValidation(g.SpreadsheetApp.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).build());
    emu.pasteValues('A1', [['-5'], ['abc']]);
    expect(emu.view('Sheet1', 'A1:A2').map((r) => [r[0]?.value, r[0]?.validation?.valid])).toEqual([[-5, false], ['abc', false]]);
    const addon = loadAddon(emu, { code: "function onEdit(e) { e.range.offset(0, 2).setValue('edited'); }" });
    const out = addon.paste('B1', [['3'], ['-1']]);
    expect(out.ok).toBe(false);
    expect(sheet.getRange('B1:D2').getValues()).toEqual([['', '', ''], ['', '', '']]);
  });
});
