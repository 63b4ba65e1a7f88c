/**
 * The list rule of a dropdown column that holds variants (other spellings of an option), on the built
 * bundle on the emulator: adopt makes it warn with a help text about the variants; once Clean up has
 * written every variant's label, the rule is the field's own (strict when the field rejects invalid
 * entries); undo of that cleanup brings the variants and the warning rule back.
 */
import type { Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { startOn, templateTable } from './helpers';

const DATA = [
  ['Name', 'Email', 'Stage'],
  ['Ann', 'ann@example.com', 'Lead'],
  ['Bob', 'bob@example.com', 'Proposal'],
  ['Cai', 'cai@example.com', 'Won'],
  ['Dan', 'dan@example.com', 'Closed Won'],
  ['Eve', 'eve@example.com', 'Lost'],
  ['Fay', 'fay@example.com', '成交'],
  ['Gus', 'gus@example.com', 'Lead'],
];

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
function call(addon: Addon, fn: string, args: unknown[] = []): Envelope {
  const r = addon.call(fn, args);
  if (!r.ok) throw new Error(r.error);
  const env = r.result as Envelope;
  if (!env.ok) throw new Error(JSON.stringify(env.error));
  return env;
}

function menu(emu: Emulator, addon: Addon, fn: string, answers: string[]): void {
  emu.queueAnswers(answers);
  expect(addon.menu(fn)).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
}

/** The rule of a stage cell, as a user sees it in Sheets (red corner, rejecting or not, help text). */
function rule(emu: Emulator, a1: string) {
  const v = emu.view('Sheet1', a1)[0]?.[0]?.validation;
  return v ? { listValues: v.listValues, allowInvalid: v.allowInvalid, helpText: v.helpText, valid: v.valid } : null;
}

function stageColumn(emu: Emulator): unknown[] {
  return (emu.snapshot().sheets[0]?.values ?? []).map((r) => r[2]);
}

/** Adopts the sheet, then makes the Stage field reject invalid entries in the Setup panel. */
function adoptStrict(locale: 'en' | 'zh-CN') {
  const s = startOn(DATA, locale);
  menu(s.emu, s.addon, 'menuAdopt', ['YES', 'NO']);
  const schema = call(s.addon, 'getSetupState').data?.schema as { fields: Array<{ header: string; onInvalid: string }> };
  const fields = schema.fields.map((f) => (f.header === 'Stage' ? { ...f, onInvalid: 'reject' } : f));
  call(s.addon, 'applySetup', [{ ...schema, fields }, { target: 'auto' }]);
  return s;
}

describe('a dropdown column with variants: its list rule through Clean up and undo', () => {
  it('warns while variants remain, is strict once Clean up wrote the labels, and warns again after undo (menus, English)', () => {
    const { emu, addon } = adoptStrict('en');
    // The field rejects, but '成交' and 'Won' (for 'Closed Won') are still there: the rule only warns.
    const before = rule(emu, 'C7');
    expect(before).toMatchObject({ allowInvalid: true, valid: false, listValues: ['Lead', 'Proposal', 'Closed Won', 'Lost'] });
    expect(before?.helpText).toMatch(/Other spellings of an option, such as “(Won|成交)” for “Closed Won”/);
    const validationsBefore = emu.snapshot().sheets[0]?.validations;

    menu(emu, addon, 'menuCleanUp', ['NO']);
    expect(stageColumn(emu)).toEqual(['Stage', 'Lead', 'Proposal', 'Closed Won', 'Closed Won', 'Lost', 'Closed Won', 'Lead']);
    // No variant left: the field's own rule, which rejects, with the plain help text; and on every row.
    for (const a of ['C2', 'C7', 'C500']) expect(rule(emu, a)).toMatchObject({ allowInvalid: false, helpText: 'Choose one of the options.', valid: true });

    menu(emu, addon, 'menuUndo', []);
    expect(stageColumn(emu)).toEqual(DATA.map((r) => r[2]));
    // The variants are back, and so is the rule adopt had set: exactly.
    expect(emu.snapshot().sheets[0]?.validations).toEqual(validationsBefore);
    expect(rule(emu, 'C7')).toEqual(before);
  });

  it('stays a warning when Clean up leaves the variants (options switched off), and speaks Chinese (sidebar)', () => {
    const { emu, addon } = adoptStrict('zh-CN');
    const before = rule(emu, 'C4');
    expect(before).toMatchObject({ allowInvalid: true, valid: false });
    expect(before?.helpText).toContain('选项的其他写法');

    // Options switched off: the variants stay, and so does the warning rule.
    const off = ['option'];
    const p1 = call(addon, 'previewCleanup', [{ off }]).data as { fingerprint: string; total: number };
    if (p1.total > 0) call(addon, 'applyCleanup', [{ off, fingerprint: p1.fingerprint }]);
    expect(stageColumn(emu)).toEqual(DATA.map((r) => r[2]));
    expect(rule(emu, 'C4')).toEqual(before);

    // Everything on: labels written, the rule rejects, its help text in Chinese.
    const p2 = call(addon, 'previewCleanup', [{ off: [] }]).data as { fingerprint: string };
    expect(call(addon, 'applyCleanup', [{ off: [], fingerprint: p2.fingerprint }]).data?.applied).toBe(true);
    expect(rule(emu, 'C4')).toMatchObject({ allowInvalid: false, helpText: '请从选项中选择。', valid: true });

    expect(call(addon, 'undoLastChange', []).data?.status).toBe('done');
    expect(stageColumn(emu)).toEqual(DATA.map((r) => r[2]));
    expect(rule(emu, 'C4')).toEqual(before);
  });

  it('variants mended by hand: Check all rows gives the column its strict rule back', () => {
    const { emu, addon } = adoptStrict('en');
    expect(rule(emu, 'C7')).toMatchObject({ allowInvalid: true });
    // The person types the labels over the two variants: the rule cannot know yet (onEdit never reads
    // the whole column).
    addon.edit('C4', 'Closed Won');
    addon.edit('C7', 'Closed Won');
    expect(rule(emu, 'C7')).toMatchObject({ allowInvalid: true });
    menu(emu, addon, 'menuValidateAll', ['OK']);
    for (const a of ['C2', 'C7', 'C500']) expect(rule(emu, a)).toMatchObject({ allowInvalid: false, helpText: 'Choose one of the options.', valid: true });
    // A strict rule refuses a variant typed now, as Sheets does.
    addon.edit('C7', '成交');
    expect(stageColumn(emu)[6]).toBe('Closed Won');
  });
});


// The list rules' help text is written in the language of whoever set them up (as setup does); a
// colleague with another language who runs Check all rows finds nothing to change in them, and does not
// rewrite every dropdown column's rule into theirs (and back at the next check by the first person).
it('Check all rows by a colleague in another language leaves rules that already say the right thing', () => {
  const { emu, addon } = adoptStrict('en');
  addon.edit('C4', 'Closed Won');
  addon.edit('C7', 'Closed Won');
  menu(emu, addon, 'menuValidateAll', ['OK']);
  const english = rule(emu, 'C7');
  expect(english).toMatchObject({ allowInvalid: false, helpText: 'Choose one of the options.' });
  // Another person, whose Sheets is in Chinese, opens the same spreadsheet.
  const globals = emu.globals as Record<string, unknown>;
  const session = globals.Session as object;
  globals.Session = new Proxy(session, { get: (target, prop) => (prop === 'getActiveUserLocale' ? () => 'zh-CN' : Reflect.get(target, prop) as unknown) });
  const before = emu.stats().byMethod['Range.setDataValidation'] ?? 0;
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'C7')).toEqual(english);
  expect((emu.stats().byMethod['Range.setDataValidation'] ?? 0) - before).toBe(0);
  // A rule that must change is still changed (in the language of the person running the check): a
  // variant written by a script makes the column warn again.
  const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange('C7').setValue('成交');
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'C7')).toMatchObject({ allowInvalid: true });
  expect(rule(emu, 'C7')?.helpText).toMatch(/[\u4e00-\u9fff]/);
});

it('Check all rows reads each dropdown column where it is: a table that starts in column D, its Stage column moved first; a list rule of the person\'s own is kept; nothing written when nothing differs', () => {
  const { emu, addon } = adoptStrict('en');
  const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  const sets = () => emu.stats().byMethod['Range.setDataValidation'] ?? 0;
  sheet.insertColumnsBefore(1, 3);
  // The variants are in F4 and F7 now: the rule keeps warning.
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'F7')).toMatchObject({ allowInvalid: true });
  addon.edit('F4', 'Closed Won');
  addon.edit('F7', 'Closed Won');
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'F7')).toMatchObject({ allowInvalid: false, helpText: 'Choose one of the options.' });
  let before = sets();
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(sets() - before).toBe(0);
  // Stage moved before Name (D), a variant written there by a script: the rule warns again.
  sheet.moveColumns(sheet.getRange('F:F'), 4);
  expect(sheet.getRange('D1').getValue()).toBe('Stage');
  sheet.getRange('D7').setValue('Won');
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'D7')).toMatchObject({ allowInvalid: true });
  // A list rule the person set themselves is theirs.
  const own = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).newDataValidation().requireValueInList(['A', 'B']).build();
  sheet.getRange('D2:D8').setDataValidation(own);
  before = sets();
  menu(emu, addon, 'menuValidateAll', ['OK']);
  expect(rule(emu, 'D2')).toMatchObject({ listValues: ['A', 'B'], allowInvalid: true });
  expect(sets() - before).toBe(0);
});

describe('the rules\' help texts are in the table\'s language, whoever sets up or pastes', () => {
  it('an English table set up by a Chinese-speaking user: English help; a paste from another sheet puts back the English rule', () => {
    const { emu, addon } = templateTable('b2b', 'en', 'zh-CN');
    const stage = (a1: string) => emu.view('Sheet1', a1)[0]?.[0]?.validation?.helpText ?? '';
    expect(stage('I2')).toBe('Choose one of the options.');
    // A paste of plain cells over the whole stage column, from a sheet without rules, replaces the rule;
    // onEdit builds the table's rule again (no row of the table left to copy it from), in the table's
    // language.
    const ss = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const other = ss.insertSheet('Scratch');
    const rows = (ss.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet).getMaxRows() - 1;
    other.getRange(1, 1, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [i % 2 ? 'Won' : 'Lead']));
    const table = ss.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet;
    ss.setActiveSheet(table);
    const last = table.getMaxRows();
    expect(addon.act({ kind: 'pasteFrom', from: `A1:A${rows}`, fromSheet: 'Scratch', a1: 'I2', sheet: 'Sheet1', special: 'normal' })).toMatchObject({ ok: true });
    expect(stage('I2')).toBe('Choose one of the options.');
    expect(stage(`I${last}`)).toBe('Choose one of the options.');
    expect(addon.errors).toEqual([]);
  });
});
