/**
 * onEdit on every event shape a person's action fires (the built bundle on the emulator): typing
 * (value, oldValue), a paste of one cell or a block (neither), fill-down, Delete, undo, a paste from
 * another sheet that brings its formats and validation, rows past the formatted area, AuthMode.NONE.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { AuthModeName, Emulator } from '../../dev/emulator/types';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
// B2B template (English): A Client ID, C Name, E Email, F Phone, I Stage, Q Created, R Updated, S Stage since
const ID = 0;
const STAGE = 8;
const UPDATED = 17;
const STAGE_SINCE = 18;

function setUp(editAuthMode?: AuthModeName): { emu: Emulator; addon: Addon; app: SS } {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu, editAuthMode ? { editAuthMode } : {});
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  return { emu, addon, app: emu.globals.SpreadsheetApp as SS };
}
const row = (emu: Emulator, r: number) => emu.view('Sheet1', `A${r}:S${r}`)[0] ?? [];

describe('onEdit on each event shape', () => {
  test('a stage pasted into one cell stamps Stage since (the event has neither value nor oldValue)', () => {
    const { emu, addon } = setUp();
    addon.edit('C2', 'Ann Lee');
    expect(row(emu, 2)[STAGE_SINCE]?.value).toBe('');
    expect(addon.act({ kind: 'paste', a1: 'I2', values: [['Qualified']] }).ok).toBe(true);
    expect(row(emu, 2)[STAGE_SINCE]?.value).toBeInstanceOf(Date);
  });

  test('a stage typed into one cell stamps Stage since (value and oldValue present)', () => {
    const { emu, addon } = setUp();
    addon.edit('C2', 'Ann Lee');
    addon.edit('I2', 'Qualified');
    expect(row(emu, 2)[STAGE_SINCE]?.value).toBeInstanceOf(Date);
  });

  test('typing a variant of the same stage is no stage change (Stage since kept)', () => {
    const { emu, addon } = setUp();
    addon.edit('C2', 'Ann Lee');
    addon.edit('I2', 'Won');
    const since = (row(emu, 2)[STAGE_SINCE]?.value as Date).getTime();
    addon.edit('I2', 'won');
    expect((row(emu, 2)[STAGE_SINCE]?.value as Date).getTime()).toBe(since);
  });

  test('a stage filled down (Ctrl+D) stamps Stage since on the filled rows', () => {
    const { emu, addon } = setUp();
    addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo'], ['Cy']] });
    addon.edit('I2', 'Qualified');
    expect(addon.act({ kind: 'fillDown', a1: 'I2:I4' }).ok).toBe(true);
    const rows = emu.view('Sheet1', 'A2:S4');
    expect(rows.map((r) => r[STAGE]?.value)).toEqual(['Qualified', 'Qualified', 'Qualified']);
    for (const r of rows) expect(r[STAGE_SINCE]?.value).toBeInstanceOf(Date);
  });

  test('Delete of a stage keeps the row, stamps Updated, stamps no Stage since; Delete of a whole row creates nothing', () => {
    const { emu, addon } = setUp();
    addon.act({ kind: 'paste', a1: 'C2', values: [['Ann']] });
    const id = row(emu, 2)[ID]?.value;
    addon.edit('I2', 'Lead');
    expect(addon.act({ kind: 'delete', a1: 'I2' }).ok).toBe(true);
    expect(row(emu, 2)[ID]?.value).toBe(id);
    expect(row(emu, 2)[STAGE]?.value).toBe('');
    expect(addon.act({ kind: 'delete', a1: 'C3:I3' }).ok).toBe(true);
    expect(row(emu, 3)[ID]?.value).toBe('');
    expect(addon.errors).toEqual([]);
  });

  test('undo of a pasted block fires onEdit without error and does not renumber the rows', () => {
    const { emu, addon } = setUp();
    addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] });
    const ids = [row(emu, 2)[ID]?.value, row(emu, 3)[ID]?.value];
    addon.act({ kind: 'paste', a1: 'I2', values: [['Lead'], ['Won']] });
    expect(addon.act({ kind: 'undo' }).ok).toBe(true);
    expect([row(emu, 2)[ID]?.value, row(emu, 3)[ID]?.value]).toEqual(ids);
    expect(row(emu, 2)[UPDATED]?.value).toBeInstanceOf(Date);
    expect(addon.errors).toEqual([]);
  });

  test('in AuthMode.NONE onEdit does nothing and shows no error', () => {
    const { emu, addon } = setUp('NONE');
    const toasts = emu.toasts.length;
    const out = addon.edit('C2', 'Ann Lee');
    expect(out.ok).toBe(true);
    expect(row(emu, 2)[ID]?.value).toBe('');
    expect(addon.errors).toEqual([]);
    expect(emu.toasts.length).toBe(toasts);
  });
});

describe('formats and validation after a paste', () => {
  test('the phone column gets its plain-text format back on the pasted rows', () => {
    const { emu, addon, app } = setUp();
    const ss = app.getActiveSpreadsheet();
    const other = ss.insertSheet('Old list');
    other.getRange('A1:B1').setValues([['Ann Lee', '138 0013 8000']]);
    ss.setActiveSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    expect(addon.act({ kind: 'pasteFrom', from: 'A1:B1', fromSheet: 'Old list', a1: 'C2' }).ok).toBe(true);
    // the pasted cells of columns C:D took the source's General format; a paste into F would too
    expect(addon.act({ kind: 'pasteFrom', from: 'B1', fromSheet: 'Old list', a1: 'F2' }).ok).toBe(true);
    expect(emu.view('Sheet1', 'F2')[0]?.[0]?.numberFormat).toBe('@');
    // and its validation is back (the paste from a sheet without rules removed it)
    expect(emu.view('Sheet1', 'F2')[0]?.[0]?.validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.validation?.criteria).toBe('CUSTOM_FORMULA');
  });

  test('a paste from another spreadsheet with its own formats and rules gets the table\'s back', () => {
    const { emu, addon } = setUp();
    expect(addon.act({ kind: 'paste', a1: 'E2', values: [['ann@example.com', '13800138000']], numberFormats: [['0.00', '0']], validations: [[null, null]] }).ok).toBe(true);
    const [email, phone] = emu.view('Sheet1', 'E2:F2')[0] ?? [];
    expect(email?.numberFormat).toBe('@');
    expect(phone?.numberFormat).toBe('@');
    expect(email?.validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(phone?.validation?.criteria).toBe('CUSTOM_FORMULA');
    // each cell's rule checks its own row (a relative formula built for the pasted rows)
    addon.act({ kind: 'paste', a1: 'E3', values: [['not an email']], validations: [[null]] });
    expect(emu.view('Sheet1', 'E3')[0]?.[0]?.validation?.valid).toBe(false);
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.validation?.valid).toBe(true);
  });

  test('rows a paste adds past the end of the sheet get the table\'s formats and validation', () => {
    const { emu, addon, app } = setUp();
    const sheet = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
    const max = sheet.getMaxRows();
    expect(addon.act({ kind: 'paste', a1: `C${max}`, values: [['Ann', '', 'ann@example.com', '0012 345']], sheet: 'Sheet1' }).ok).toBe(true);
    expect(addon.act({ kind: 'paste', a1: `C${max + 1}`, values: [['Bo', '', 'bo@example.com', '0012 346']] }).ok).toBe(true);
    const added = emu.view('Sheet1', `A${max + 1}:S${max + 1}`)[0] ?? [];
    expect(added[5]?.numberFormat).toBe('@');
    expect(added[4]?.validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(added[STAGE]?.validation?.criteria).toBe('VALUE_IN_LIST');
    expect(added[ID]?.value).toMatch(/^C-\d+$/);
  });
});
