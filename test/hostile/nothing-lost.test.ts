/**
 * Nothing lost, as a demanding user would test it: set-up, re-apply and adopt never take over the
 * user's columns, sheets, header formulas or dates, and what they say after the time limit is true.
 * Built bundle on the emulator (flow harness); each case once in English and once in Chinese.
 */
import { t } from '../../src/core/i18n';
import { B2B_EN, content, englishWords, messages, setUp, sheetOf, table, TECHNICAL, world, type Loc, type World } from './helpers';

type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

function call(w: World, fn: string, args: unknown[] = []): Envelope {
  const out = w.addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  return out.result as Envelope;
}

function schemaOf(w: World): { fields: Array<Record<string, unknown>> } {
  return (call(w, 'getSetupState').data as { schema: { fields: Array<Record<string, unknown>> } }).schema;
}

function addField(w: World, header: string): Envelope {
  const s = schemaOf(w);
  return call(w, 'applySetup', [{ ...s, fields: [...s.fields, { key: 'custom9', header, label: { en: header, 'zh-CN': header }, role: null, type: 'text', required: false, onInvalid: 'warn' }] }, { target: 'auto' }]);
}

describe.each(['en', 'zh-CN'] as Loc[])('nothing lost (%s)', (locale) => {
  it.each([
    ['a formula', '=UPPER("mine")'],
    ['a number', 42],
    ['text that looks like a formula', "'=cmd|' /C calc'!A0"],
    ['a value with no header above it', null],
  ])('a user column right of the table holding %s is never taken by a new field', (_what, v) => {
    const w = table(locale);
    const s = sheetOf(w);
    const col = B2B_EN.length + 1;
    if (v !== null) s.getRange(1, col).setValue('Mine');
    if (typeof v === 'string' && v.startsWith('=')) s.getRange(2, col).setFormula(v);
    else s.getRange(2, col).setValue(v ?? 'orphan value');
    const before = content(w)[0];
    expect(addField(w, 'Source').ok).toBe(true);
    const after = content(w)[0];
    expect(after?.values.map((r) => r[col - 1])).toEqual(before?.values.map((r) => r[col - 1]));
    expect(after?.formulas.map((r) => r[col - 1])).toEqual(before?.formulas.map((r) => r[col - 1]));
    expect(after?.values[0]?.[col]).toBe('Source');
  });

  it.each(['="Amount "&"USD"', '=IF(TRUE,"Deal value","x")', '=CONCATENATE("De","al")'])('a header formula %s survives re-applying from the menu and the panel', (formula) => {
    const w = table(locale);
    const s = sheetOf(w);
    s.getRange('N1').setFormula(formula);
    setUp(w);
    expect(call(w, 'applySetup', [schemaOf(w), { target: 'auto' }]).ok).toBe(true);
    expect(s.getRange('N1').getFormula()).toBe(formula);
  });

  it.each(['~clientflow-setup', '~clientflow-setup-1700000000000', '~clientflow-setup-mine'])('a sheet of the user\'s named "%s" is never deleted by Set up', (name) => {
    const w = world(locale, [['existing']]);
    const mine = w.ss.insertSheet(name);
    mine.getRange('A1').setValue('keep');
    mine.hideSheet();
    w.ss.setActiveSheet(sheetOf(w));
    setUp(w);
    setUp(w);
    expect(w.emu.sheetNames()).toContain(name);
    expect(w.ss.getSheetByName(name)?.getRange('A1').getValue()).toBe('keep');
  });

  it('a sheet that took the old name of a deleted table is left as it was by Set up and by the panel', () => {
    const w = table(locale);
    const other = w.ss.insertSheet('Other');
    w.ss.deleteSheet(sheetOf(w));
    other.setName('Sheet1');
    other.getRange('A1:B2').setValues([['Budget', 'Cost'], ['=SUM(1,2)', '00123']]);
    other.activate();
    const before = content(w).find((s) => s.name === 'Sheet1');
    setUp(w);
    call(w, 'applySetup', [schemaOf(w), { target: 'auto' }]);
    expect(content(w).find((s) => s.name === 'Sheet1')).toEqual(before);
  });

  it.each(['Last modified', '更新时间', 'Stage date', '阶段日期', 'Created', '录入日期'])('a column "%s" of the user\'s own dates keeps them through edits after Adopt', (header) => {
    // Cy's date was never recorded: no edit may invent one either.
    const w = world(locale, [['Name', 'Email', 'Stage', header], ['Ada', 'ada@example.com', 'Lead', '2023-05-04'], ['Bo', 'bo@example.com', 'Won', '2023-06-07'], ['Cy', 'cy@example.com', 'Lead', '']]);
    w.emu.queueAnswers(['YES']);
    expect(w.addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
    const s = sheetOf(w);
    const before = s.getRange('D2:D4').getDisplayValues();
    w.addon.act({ kind: 'type', a1: 'A2', value: 'Ada King' });
    w.addon.act({ kind: 'type', a1: 'C3', value: 'Lost' });
    w.addon.act({ kind: 'type', a1: 'A4', value: 'Cy Young' });
    expect(s.getRange('D2:D4').getDisplayValues()).toEqual(before);
  });

  it('after the time limit, the sidebar says the action stopped and asks to run it again, in the user\'s language', () => {
    const w = world(locale);
    const schema = call(w, 'previewTemplate', ['b2b', locale]).data;
    w.emu.failAfterCalls(30);
    const r = call(w, 'applySetup', [schema, { target: 'auto' }]);
    expect(r.error?.message).toBe(t(locale, 'error.timeLimit'));
    expect(r.error?.message).not.toMatch(TECHNICAL);
    if (locale === 'zh-CN') expect(englishWords(r.error?.message ?? '')).toEqual([]);
    // Run again: the job completes.
    expect(call(w, 'applySetup', [schema, { target: 'auto' }]).ok).toBe(true);
    expect(w.emu.sheetNames()).toEqual(['Sheet1']);
  });

  it('the new messages carry no technical text and, in Chinese, no English', () => {
    const keys = ['error.timeLimit', 'error.noDocumentLock', 'error.timeZone', 'setup.leftoverKept', 'setup.notFrozen', 'setup.protectionsKept', 'adopt.meaning.ownDates', 'adopt.sidebar.noteOverwritesDates'] as const;
    for (const k of keys) {
      const m = t(locale, k, { zone: 'Asia/Shanghai', sheet: 'Sheet1', range: 'D1:D2', count: 2, type: 'x', role: 'y' });
      expect(m).not.toMatch(TECHNICAL);
      if (locale === 'zh-CN') expect(englishWords(m, ['Asia', 'Shanghai', 'Sheet'])).toEqual([]);
    }
    expect(messages(world(locale))).toEqual([]);
  });
});
