/**
 * Nothing lost: set-up, re-apply and adopt never take over a column, a sheet or a header cell that is
 * the user's, and say what is true when Apps Script stops them. The built bundle (dist/Code.js) on the
 * emulator through the harness, driven from the menus and the sidebar as a user would.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { t } from '../../src/core/i18n';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Props = GoogleAppsScript.Properties.PropertiesService;

function start(locale: 'en' | 'zh-CN' = 'en', opts: { containingDocument?: boolean } = {}) {
  const emu = createEmulator({ userLocale: locale, ...opts });
  const addon = loadAddon(emu);
  const ss = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  return { emu, addon, ss };
}

function menu(emu: Emulator, addon: Addon, fn: string, answers: string[]): void {
  emu.queueAnswers(answers);
  expect(addon.menu(fn)).toEqual({ ok: true, result: undefined });
}

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
function call(addon: Addon, fn: string, args: unknown[] = []): Envelope {
  const r = addon.call(fn, args);
  if (!r.ok) throw new Error(r.error);
  return r.result as Envelope;
}

interface FieldLike { key: string; header: string; label: { en: string; 'zh-CN': string }; type: string; role: string | null }
function storedSchema(addon: Addon): { fields: FieldLike[] } & Record<string, unknown> {
  const st = call(addon, 'getSetupState');
  const schema = st.data?.schema as ({ fields: FieldLike[] } & Record<string, unknown>) | null;
  if (!schema) throw new Error('no stored schema');
  return schema;
}

function withField(schema: { fields: FieldLike[] }, key: string, header: string) {
  return { ...schema, fields: [...schema.fields, { key, header, label: { en: header, 'zh-CN': header }, role: null, type: 'text', required: false, onInvalid: 'warn' }] };
}

function sheet(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const ADOPTABLE = [
  ['Name', 'Email', 'Stage', 'My code'],
  ['Ada Lovelace', 'ada@example.com', 'Lead', 'X-17'],
  ['Bo Chen', 'bo@example.com', 'Won', 'Q-4'],
  ['Cy Young', 'cy@example.com', 'Lead', 'Z-9'],
];

describe('a new field never takes over a column of the user', () => {
  it('after Adopt left "My code" alone, a field added in the Setup panel goes into an empty column', () => {
    const { emu, addon } = start();
    emu.loadRows(ADOPTABLE);
    menu(emu, addon, 'menuAdopt', ['YES']);
    const schema = storedSchema(addon);
    expect(schema.fields.map((f) => f.header)).toEqual(['Name', 'Email', 'Stage']);
    const r = call(addon, 'applySetup', [withField(schema, 'custom1', 'Source'), { target: 'auto' }]);
    expect(r.ok).toBe(true);
    const values = emu.snapshot().sheets[0]?.values ?? [];
    expect(values.map((row) => row[3])).toEqual(['My code', 'X-17', 'Q-4', 'Z-9']);
    expect(values[0]?.[4]).toBe('Source');
  });

  it('on a set-up table with the user\'s column right of it, the new field goes after that column', () => {
    const { emu, addon, ss } = start();
    menu(emu, addon, 'menuSetUp', ['1']);
    const s = sheet(ss, 'Sheet1');
    // Column T, right of the 19 template columns: the user's own.
    s.getRange('T1:T3').setValues([['My notes'], ['call back'], ['VIP']]);
    const schema = storedSchema(addon);
    expect(call(addon, 'applySetup', [withField(schema, 'custom1', 'Source'), { target: 'auto' }]).ok).toBe(true);
    expect(s.getRange('T1:T3').getValues()).toEqual([['My notes'], ['call back'], ['VIP']]);
    expect(s.getRange('U1').getValue()).toBe('Source');
  });
});

describe('a table is found by its sheet id, never by a name another sheet took later', () => {
  function orphaned() {
    const w = start();
    menu(w.emu, w.addon, 'menuSetUp', ['1']);
    // The table's schema as the sidebar held it while its sheet was open.
    const schema = storedSchema(w.addon);
    // The table's sheet is deleted; another sheet, holding the user's data, later gets its name.
    const other = w.ss.insertSheet('Budget');
    w.ss.deleteSheet(sheet(w.ss, 'Sheet1'));
    other.setName('Sheet1');
    other.getRange('A1:B3').setValues([['Item', 'Cost'], ['Rent', 1200], ['Paper', 30]]);
    other.activate();
    const before = w.emu.snapshot().sheets.find((s) => s.name === 'Sheet1');
    return { ...w, before, schema };
  }

  it('menu: Set up builds a new table and leaves the sheet with the old name as it was', () => {
    const { emu, addon, before } = orphaned();
    menu(emu, addon, 'menuSetUp', ['1']);
    const after = emu.snapshot().sheets.find((s) => s.name === 'Sheet1');
    expect(after?.values).toEqual(before?.values);
    expect(after?.validations).toEqual(before?.validations);
    expect(after?.conditionalFormats).toEqual(before?.conditionalFormats);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
  });

  it('sidebar: applySetup (auto) builds a new table and leaves the sheet with the old name as it was', () => {
    const { emu, addon, before, schema } = orphaned();
    expect(call(addon, 'applySetup', [schema, { target: 'auto' }]).ok).toBe(true);
    expect(emu.snapshot().sheets.find((s) => s.name === 'Sheet1')?.values).toEqual(before?.values);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
  });

  it('Check all rows says the table\'s sheet is gone instead of checking the other sheet', () => {
    const { emu, addon } = orphaned();
    addon.menu('menuValidateAll');
    expect(emu.alerts.at(-1)?.prompt).toBe(t('en', 'setup.error.sheetMissing', { sheet: 'Sheet1' }));
  });
});

describe('a header cell is rewritten only when its text changes, and never a formula', () => {
  it('re-applying from the menu and from the Setup panel keeps ="Amount "&"USD" a formula', () => {
    const { emu, addon, ss } = start();
    menu(emu, addon, 'menuSetUp', ['1']);
    const s = sheet(ss, 'Sheet1');
    s.getRange('N1').setFormula('="Amount "&"USD"');
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(s.getRange('N1').getFormula()).toBe('="Amount "&"USD"');
    const schema = storedSchema(addon);
    expect(call(addon, 'applySetup', [schema, { target: 'auto' }]).ok).toBe(true);
    expect(s.getRange('N1').getFormula()).toBe('="Amount "&"USD"');
    // A header whose text the request changes is written; the others are not touched.
    const renamed = { ...schema, fields: schema.fields.map((f) => (f.header === 'Notes' ? { ...f, header: 'Remarks' } : f)) };
    emu.resetStats();
    expect(call(addon, 'applySetup', [renamed, { target: 'auto' }]).ok).toBe(true);
    expect(s.getRange('P1').getValue()).toBe('Remarks');
    expect(s.getRange('N1').getFormula()).toBe('="Amount "&"USD"');
    expect(emu.stats().byMethod['Range.setValues']).toBe(1);
  });
});

describe('no document lock', () => {
  it.each(['en', 'zh-CN'] as const)('menu and sidebar say so clearly and change nothing (%s)', (locale) => {
    const { emu, addon } = start(locale, { containingDocument: false });
    const before = emu.snapshot().sheets;
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(emu.alerts.at(-1)?.prompt).toBe(t(locale, 'error.noDocumentLock'));
    const schema = call(addon, 'previewTemplate', ['b2b', locale]).data;
    expect(call(addon, 'applySetup', [schema, { target: 'auto' }])).toEqual({ ok: false, error: { code: 'error.noDocumentLock', message: t(locale, 'error.noDocumentLock') } });
    expect(emu.snapshot().sheets).toEqual(before);
    expect(addon.errors).toEqual([]);
  });
});

describe('the time limit: the message says what is true', () => {
  it.each(['en', 'zh-CN'] as const)('a set-up stopped half way says it stopped and asks to run it again (%s)', (locale) => {
    const { emu, addon } = start(locale);
    const schema = call(addon, 'previewTemplate', ['b2b', locale]).data;
    emu.failAfterCalls(40);
    const r = call(addon, 'applySetup', [schema, { target: 'auto' }]);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(t(locale, 'error.timeLimit'));
    expect(r.error?.message).not.toMatch(/rolled back|nothing was changed|撤回|没有任何改动/);
    expect(r.error?.message).toMatch(locale === 'en' ? /run it again/i : /再运行一次/);
  });
});

describe('field keys that name members of every object', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('a field keyed "%s" is refused and nothing changes', (key) => {
    const { emu, addon } = start();
    const schema = call(addon, 'previewTemplate', ['b2b', 'en']).data as { fields: FieldLike[] };
    const before = emu.snapshot().sheets;
    const r = call(addon, 'applySetup', [withField(schema, key, 'Odd'), { target: 'auto' }]);
    expect(r).toEqual({ ok: false, error: { code: 'badRequest', message: t('en', 'error.badRequest') } });
    expect(emu.snapshot().sheets).toEqual(before);
    expect((emu.globals.PropertiesService as Props).getDocumentProperties().getKeys()).toEqual([]);
  });
});

describe('set-up deletes only a sheet it made and nobody typed into', () => {
  it('a sheet of the user\'s named like ClientFlow\'s temporary sheets is never deleted', () => {
    const { emu, addon, ss } = start();
    emu.loadRows([['existing']]);
    const mine = ss.insertSheet('~clientflow-setup-notes');
    mine.getRange('A1:A2').setValues([['My notes'], ['keep me']]);
    ss.setActiveSheet(sheet(ss, 'Sheet1'));
    menu(emu, addon, 'menuSetUp', ['1']);
    expect([...emu.sheetNames()].sort()).toEqual(['Clients', 'Sheet1', '~clientflow-setup-notes']);
    expect(sheet(ss, '~clientflow-setup-notes').getRange('A1:A2').getValues()).toEqual([['My notes'], ['keep me']]);
  });

  it.each(['en', 'zh-CN'] as const)('a half-built sheet someone typed into is kept, and the summary says so (%s)', (locale) => {
    const { emu, addon, ss } = start(locale);
    emu.loadRows([['existing']]);
    emu.failAfterCalls(60);
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    const left = ss.getSheets().find((s) => s.isSheetHidden());
    if (!left) throw new Error('no half-built sheet');
    const name = left.getName();
    left.showSheet();
    left.getRange('A2:B2').setValues([['C-1', 'typed by a person']]);
    ss.setActiveSheet(sheet(ss, 'Sheet1'));
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(sheet(ss, name).getRange('A2:B2').getValues()).toEqual([['C-1', 'typed by a person']]);
    expect(emu.toasts.at(-1)?.message).toContain(t(locale, 'setup.leftoverKept', { sheet: name }));
    // Nothing is deleted by a later set-up either.
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(emu.sheetNames()).toContain(name);
  });

  it('an empty sheet set up in place, interrupted, then typed into, is set up again in place: no new sheet, the row kept', () => {
    const { emu, addon, ss } = start();
    emu.failAfterCalls(150);
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    const s = sheet(ss, 'Sheet1');
    s.getRange('B2:C2').setValues([['ACME', 'Ann']]);
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    expect(s.getRange('B2:C2').getValues()).toEqual([['ACME', 'Ann']]);
    expect(s.getRange('A1').getValue()).toBe('Client ID');
    expect(storedSchema(addon).location).toMatchObject({ sheetName: 'Sheet1' });
  });

  it('a half-built sheet nobody typed into is replaced: one table, no "Clients 2"', () => {
    const { emu, addon } = start();
    emu.loadRows([['existing']]);
    emu.failAfterCalls(200);
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
    expect(emu.snapshot().sheets.every((s) => !s.hidden)).toBe(true);
  });
});

describe('Adopt never makes the user\'s own dates automatic without consent', () => {
  const ROWS = [
    ['Name', 'Email', 'Stage', 'Last modified', 'Stage date'],
    ['Ada Lovelace', 'ada@example.com', 'Lead', '2023-05-04', '2023-01-02'],
    ['Bo Chen', 'bo@example.com', 'Won', '2023-06-07', '2023-03-04'],
  ];

  it.each(['en', 'zh-CN'] as const)('menu: the confirmation says they stay the user\'s, and an edit keeps the 2023 dates (%s)', (locale) => {
    const { emu, addon, ss } = start(locale);
    emu.loadRows(ROWS);
    menu(emu, addon, 'menuAdopt', ['YES']);
    const confirm = emu.alerts[0]?.prompt ?? '';
    expect(confirm.toLowerCase()).toContain(t(locale, 'adopt.meaning.ownDates', { type: t(locale, 'setup.type.date') }).toLowerCase());
    const s = sheet(ss, 'Sheet1');
    const before = s.getRange('D2:E3').getDisplayValues();
    expect(addon.act({ kind: 'type', a1: 'A2', value: 'Ada King' }).ok).toBe(true);
    expect(addon.act({ kind: 'type', a1: 'C3', value: 'Lost' }).ok).toBe(true);
    expect(s.getRange('D2:E3').getDisplayValues()).toEqual(before);
    const schema = storedSchema(addon);
    expect(schema.fields.filter((f) => f.role === 'updated' || f.role === 'stageSince')).toEqual([]);
    expect(schema.fields.find((f) => f.header === 'Last modified')?.type).toBe('date');
  });

  it('sidebar: the default keeps them plain dates; choosing "Updated" says it replaces them, and then it does', () => {
    const { emu, addon, ss } = start();
    emu.loadRows(ROWS);
    const p = call(addon, 'previewAdopt').data as unknown as { columns: Array<{ letter: string; role: string | null; note: string | null; adopt: boolean; type: string }> } & Record<string, unknown>;
    const d = p.columns.find((c) => c.letter === 'D');
    expect(d).toMatchObject({ adopt: true, role: null, type: 'date', note: null });
    // The user chooses the automatic role: the preview says what it means.
    const mapping = { sheetId: p.sheetId, headerRow: p.headerRow, stages: p.stages, columns: p.columns.map((c) => ({ column: (c as unknown as { column: number }).column, header: (c as unknown as { header: string }).header, adopt: c.adopt, role: c.letter === 'D' ? 'updated' : c.role, type: c.type, required: (c as unknown as { required: boolean }).required, ...((c as unknown as { options?: unknown }).options ? { options: (c as unknown as { options: unknown }).options } : {}) })) };
    const q = call(addon, 'previewAdopt', [mapping]).data as unknown as { columns: Array<{ letter: string; note: string | null }> };
    expect(q.columns.find((c) => c.letter === 'D')?.note).toBe(t('en', 'adopt.sidebar.noteOverwritesDates', { role: t('en', 'adopt.role.updated') }));
    expect(call(addon, 'applyAdopt', [mapping]).ok).toBe(true);
    addon.act({ kind: 'type', a1: 'A2', value: 'Ada King' });
    expect(sheet(ss, 'Sheet1').getRange('D2').getDisplayValue()).not.toBe('2023-05-04');
  });
});

describe('conditional-format rules: one builder per rule', () => {
  it('set-up and adopt build each builder once (new, or a rule\'s copy()), and the rules read back as planned', () => {
    for (const act of ['menuSetUp', 'menuAdopt'] as const) {
      const { emu, addon } = start();
      if (act === 'menuAdopt') emu.loadRows(ADOPTABLE);
      emu.resetStats();
      menu(emu, addon, act, [act === 'menuSetUp' ? '1' : 'YES']);
      const by = emu.stats().byMethod;
      const builds = by['ConditionalFormatRuleBuilder.build'] ?? 0;
      const builders = (by['SpreadsheetApp.newConditionalFormatRule'] ?? 0) + (by['ConditionalFormatRule.copy'] ?? 0);
      expect(builds).toBeGreaterThan(2);
      expect(builds).toBe(builders);
      const rules = emu.snapshot().sheets[0]?.conditionalFormats ?? [];
      expect(rules.length).toBe(builds);
      // Each rule keeps its own condition (no later change leaked into an earlier rule).
      expect(new Set(rules.map((r) => String(r.condition.args[0]))).size).toBe(rules.length);
    }
  });
});

describe('a merged cell across the line below the header', () => {
  const ROWS = [
    ['Name', 'Email', 'Stage', 'Notes'],
    ['Ada Lovelace', 'ada@example.com', 'Lead', 'long note'],
    ['Bo Chen', 'bo@example.com', 'Won', ''],
  ];

  it.each(['en', 'zh-CN'] as const)('Adopt checks merges first: it adopts, leaves the header unfrozen and says why (%s)', (locale) => {
    const { emu, addon, ss } = start(locale);
    emu.loadRows(ROWS);
    sheet(ss, 'Sheet1').getRange('D1:D2').merge();
    menu(emu, addon, 'menuAdopt', ['YES', 'NO']);
    expect(addon.errors).toEqual([]);
    // The report comes before the offer of automatic columns (declined here).
    const report = emu.alerts.at(-2)?.prompt ?? '';
    expect(report).toContain(t(locale, 'setup.notFrozen', { range: 'D1:D2' }));
    expect(storedSchema(addon).fields.length).toBeGreaterThan(0);
    expect(emu.snapshot().sheets[0]?.frozenRows).toBe(0);
  });

  it('re-applying a set-up table with such a merge completes and says so', () => {
    const { emu, addon, ss } = start();
    menu(emu, addon, 'menuSetUp', ['1']);
    const s = sheet(ss, 'Sheet1');
    s.setFrozenRows(0);
    s.getRange('T1:T2').merge();
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(addon.errors).toEqual([]);
    expect(emu.toasts.at(-1)?.message).toContain(t('en', 'setup.notFrozen', { range: 'T1:T2' }));
  });
});

describe('a header protection this user may not remove', () => {
  it.each(['en', 'zh-CN'] as const)('is skipped with a message; re-applying completes, with no second protection (%s)', (locale) => {
    const emu = createEmulator({ userLocale: locale, user: { email: 'owner@example.com', role: 'owner' } });
    const addon = loadAddon(emu);
    menu(emu, addon, 'menuSetUp', ['1']);
    emu.setUser({ email: 'editor@example.com', role: 'editor' });
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(addon.errors).toEqual([]);
    expect(emu.toasts.at(-1)?.message).toContain(t(locale, 'setup.protectionsKept', { count: 1 }));
    expect(emu.snapshot().sheets[0]?.protections).toHaveLength(1);
  });
});

describe('a time zone this runtime does not know', () => {
  it.each(['en', 'zh-CN'] as const)('Adopt and Check all rows report it instead of reading dates as UTC (%s)', (locale) => {
    const emu = createEmulator({ userLocale: locale, timeZone: 'Mars/Olympus_Mons' });
    const addon = loadAddon(emu);
    // No date cell: the emulator itself keeps dates in the spreadsheet's zone and cannot in an unknown one.
    emu.loadRows([['Name', 'Email', 'Stage'], ['Ada', 'ada@example.com', 'Lead'], ['Bo', 'bo@example.com', 'Won']]);
    const before = emu.snapshot().sheets;
    menu(emu, addon, 'menuAdopt', ['YES']);
    const message = t(locale, 'error.timeZone', { zone: 'Mars/Olympus_Mons' });
    expect(emu.alerts.at(-1)?.prompt).toBe(message);
    expect(emu.snapshot().sheets).toEqual(before);
    expect(call(addon, 'previewAdopt').error?.message).toBe(message);
    // A table set up before (set-up reads no dates), then checked.
    menu(emu, addon, 'menuSetUp', ['1']);
    expect(call(addon, 'validateTable').error?.message).toBe(message);
  });
});

describe('a header protection half made when the time limit struck', () => {
  it('is recognised from the note set-up leaves while protecting, and replaced by one warning-only protection', () => {
    const { emu, addon, ss } = start();
    menu(emu, addon, 'menuSetUp', ['1']);
    const s = sheet(ss, 'Sheet1');
    // What a run stopped right after Range.protect() leaves: our protection removed, a new one without
    // description (not warning-only yet), and the note naming the range being protected.
    for (const p of s.getProtections((emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.RANGE)) p.remove();
    s.getRange('A1:S1').protect();
    // A protection of the user's own elsewhere, also without description, is not ours.
    s.getRange('A5:B5').protect();
    const props = (emu.globals.PropertiesService as Props).getDocumentProperties();
    props.setProperty('clientflow.protecting', JSON.stringify({ sheetId: s.getSheetId(), a1s: ['A1:S1'] }));
    menu(emu, addon, 'menuSetUp', ['1']);
    const protections = emu.snapshot().sheets[0]?.protections ?? [];
    expect(protections).toEqual([
      { range: 'A5:B5', description: '', warningOnly: false },
      { range: 'A1:S1', description: expect.stringMatching(/^ClientFlow header/), warningOnly: true },
    ]);
    expect(props.getProperty('clientflow.protecting')).toBeNull();
  });
});
