/**
 * Sheets' own semantics the emulator follows where a JavaScript stand-in would differ: RE2 in
 * REGEXMATCH, text comparison, list validation case, freezing across merges, the 10-million-cell
 * limit, protections by the user's rights, scopes from the manifest.
 */
import { cellLimitMessage, createEmulator, PROTECTED_MESSAGE } from '../../dev/emulator';
import { setup } from './helpers';

function formulaValue(f: string): unknown {
  const { sheet } = setup();
  sheet.getRange('A1').setFormula(f);
  return sheet.getRange('A1').getValue();
}

describe('REGEXMATCH is RE2 (https://support.google.com/docs/answer/3098292)', () => {
  test('\\s is [\\t\\n\\f\\r ] only: no-break and ideographic spaces are not \\s', () => {
    expect(formulaValue('=REGEXMATCH("a b", "^a\\sb$")')).toBe(true);
    expect(formulaValue('=REGEXMATCH("a\u00a0b", "^a\\sb$")')).toBe(false);
    expect(formulaValue('=REGEXMATCH("a\u3000b", "^a\\sb$")')).toBe(false);
  });
  test('lookarounds and backreferences are refused with #REF!', () => {
    expect(formulaValue('=REGEXMATCH("ab", "a(?=b)")')).toBe('#REF!');
    expect(formulaValue('=REGEXMATCH("aa", "(a)\\1")')).toBe('#REF!');
  });
  test('a custom-formula validation with a JS-only pattern rejects every value', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:A5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(A1&"","^(?!x)")').setAllowInvalid(false).build());
    expect(() => emu.typeValue('A2', 'abc')).toThrow();
  });
});

describe('text comparison and list validation', () => {
  test('= on text is case-insensitive and accent-sensitive', () => {
    expect(formulaValue('="won"="Won"')).toBe(true);
    expect(formulaValue('="Café"="Cafe"')).toBe(false);
  });
  test('a dropdown accepts its options in another letter case and keeps what was typed; accents count', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:A5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireValueInList(['Won', 'Café']).setAllowInvalid(false).build());
    expect(emu.typeValue('A1', 'won').value).toBe('won');
    expect(sheet.getRange('A1').getValue()).toBe('won');
    expect(() => emu.typeValue('A2', 'Cafe')).toThrow('There was a problem');
  });
});

describe('structure and limits', () => {
  test('setFrozenRows refuses a line through a merged cell', () => {
    const { sheet } = setup();
    sheet.getRange('C1:C2').merge();
    expect(() => sheet.setFrozenRows(1)).toThrow("You can't freeze rows which contain only part of a merged cell.");
    sheet.setFrozenRows(2);
    expect(sheet.getFrozenRows()).toBe(2);
    sheet.getRange('A5:B5').merge();
    expect(() => sheet.setFrozenColumns(1)).toThrow("You can't freeze columns which contain only part of a merged cell.");
  });
  test('the 10-million-cell limit: inserting rows, columns or sheets past it fails with Sheets\' message', () => {
    const { g, sheet } = setup({ cellLimit: 30000 });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(() => ss.insertSheet('Two')).toThrow(cellLimitMessage(30000));
    expect(() => sheet.insertRowsAfter(1000, 200)).toThrow(cellLimitMessage(30000));
    sheet.insertRowsAfter(1000, 100);
    expect(() => sheet.insertColumnsAfter(26, 10)).toThrow(cellLimitMessage(30000));
    expect(cellLimitMessage(10_000_000)).toBe('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
  });
  test('a person\'s paste past the limit is refused', () => {
    const { emu, sheet } = setup({ cellLimit: 26000 });
    expect(() => emu.pasteValues('A1000', [['a'], ['b']])).toThrow(cellLimitMessage(26000));
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('protections and the user\'s rights (https://developers.google.com/apps-script/reference/spreadsheet/protection)', () => {
  test('an editor cannot remove or edit a protection the owner made; a warning-only one can be edited, not removed', () => {
    const { emu, sheet } = setup();
    const p = sheet.getRange('A1:B1').protect().setDescription('header');
    const w = sheet.getRange('C1').protect().setWarningOnly(true);
    emu.setUser({ email: 'ed@example.com', role: 'editor' });
    const RANGE = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.RANGE;
    const [p2, w2] = sheet.getProtections(RANGE);
    expect(p2?.canEdit()).toBe(false);
    expect(() => p2?.remove()).toThrow(PROTECTED_MESSAGE);
    expect(w2?.canEdit()).toBe(true);
    expect(() => w2?.remove()).toThrow(PROTECTED_MESSAGE);
    emu.setUser({ email: 'owner@example.com', role: 'owner' });
    p.remove();
    w.remove();
    expect(sheet.getProtections(RANGE)).toHaveLength(0);
  });
  test('an editor\'s writes into a range protected by the owner are refused, by script and by hand; warning-only ones pass', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('A1:B1').protect();
    sheet.getRange('C1').protect().setWarningOnly(true);
    emu.setUser({ email: 'ed@example.com', role: 'editor' });
    expect(() => sheet.getRange('B1:C1').setValues([['x', 'y']])).toThrow(PROTECTED_MESSAGE);
    expect(() => g.SpreadsheetApp.getActiveSheet().getRangeList(['A1', 'D1']).setBackground('#ff0000')).toThrow(PROTECTED_MESSAGE);
    expect(() => emu.personEdit({ kind: 'type', a1: 'A1', value: 'x' })).toThrow(PROTECTED_MESSAGE);
    sheet.getRange('C1:D1').setValues([['ok', 'ok']]);
    emu.personEdit({ kind: 'type', a1: 'C1', value: 'typed' });
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', '', 'typed', 'ok']]);
  });

  test('the editor who made a protection may remove it', () => {
    const { emu, sheet } = setup({ user: { email: 'ed@example.com', role: 'editor' } });
    const p = sheet.getRange('A1').protect();
    expect(p.canEdit()).toBe(true);
    emu.setUser({ email: 'other@example.com', role: 'editor' });
    expect(p.canEdit()).toBe(false);
    emu.setUser({ email: 'ed@example.com', role: 'editor' });
    p.remove();
  });
});

describe('scopes (https://developers.google.com/apps-script/concepts/scopes)', () => {
  test('with the add-on\'s manifest, Sheets and dialogs work; a user\'s email fails in every mode', () => {
    const emu = createEmulator({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'] });
    const g = emu.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; Session: GoogleAppsScript.Base.Session };
    for (const mode of ['FULL', 'LIMITED'] as const) {
      emu.setAuthMode(mode);
      expect(g.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Clients');
      expect(() => g.Session.getActiveUser().getEmail()).toThrow('You do not have permission to call User.getEmail. Required permissions: https://www.googleapis.com/auth/userinfo.email');
    }
  });
  test('without the ui scope, an alert fails even in FULL mode', () => {
    const emu = createEmulator({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    const g = emu.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    expect(() => g.SpreadsheetApp.getUi().alert('hi')).toThrow('You do not have permission to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui');
    const none = createEmulator({ oauthScopes: [] });
    expect(() => (none.globals as typeof g).SpreadsheetApp.getActiveSpreadsheet()).toThrow('Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)');
  });
});
