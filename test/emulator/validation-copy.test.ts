/**
 * Custom-formula validation copied to other cells (a person's paste, Range.copyTo with
 * PASTE_DATA_VALIDATION): each copy checks the cell it lands on, as a relative reference moves in Sheets.
 */
import { createEmulator } from '../../dev/emulator';
test('a pasted custom-formula rule checks the cell it lands on', () => {
  const emu = createEmulator({ userLocale: 'en' });
  const SA = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sh = SA.getActiveSpreadsheet().getSheets()[0]!;
  sh.getRange('A2:A3').setDataValidation(SA.newDataValidation().requireFormulaSatisfied('=A2="ok"').setAllowInvalid(true).build());
  sh.getRange('A2:A3').setValues([['ok'], ['bad']]);
  emu.personEdit({ kind: 'pasteFrom', from: 'A2', a1: 'A6' });
  emu.personEdit({ kind: 'pasteFrom', from: 'A3', a1: 'A7' });
  const v = emu.view(sh.getName(), 'A6:A7');
  expect(v[0]?.[0]?.validation?.valid).toBe(true);
  expect(v[1]?.[0]?.validation?.valid).toBe(false);
  // the copy of the source with 'bad' now holds 'ok': valid (it checks itself, not its source)
  sh.getRange('A7').setValue('ok');
  expect(emu.view(sh.getName(), 'A7')[0]?.[0]?.validation?.valid).toBe(true);
  // the source copied to another range by Range.copyTo (PASTE_DATA_VALIDATION), repeated over 3 rows
  sh.getRange('A2').copyTo(sh.getRange('B10:B12'), SA.CopyPasteType.PASTE_DATA_VALIDATION, false);
  sh.getRange('B10:B12').setValues([['ok'], ['no'], ['ok']]);
  expect(emu.view(sh.getName(), 'B10:B12').map((r) => r[0]?.validation?.valid)).toEqual([true, false, true]);
});
