/**
 * Degenerate sheets: empty, a header and nothing else, a single column, a single cell, a sheet of
 * blank cells, and sheets whose header looks like data. Each menu must answer with a clear, translated
 * message, and never crash or change a value.
 */
import { content, englishWords, messages, setUp, sheetOf, table, TECHNICAL, world, type Loc, type World } from './helpers';
import { templateSchema } from '../../src/core/templates';

function adopt(w: World, answers = ['YES', 'OK']): void {
  w.emu.queueAnswers(answers);
  expect(w.addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
}

describe.each(['en', 'zh-CN'] as Loc[])('small sheets (%s)', (locale) => {
  const zh = locale === 'zh-CN';

  it('an empty sheet: adopt and check say what to do; the sidebar preview says the same', () => {
    const w = world(locale);
    adopt(w);
    w.addon.menu('menuValidateAll');
    const [adoptMsg, checkMsg] = w.emu.alerts.map((a) => a.prompt);
    expect(adoptMsg).toMatch(zh ? /空的/ : /empty/);
    expect(checkMsg).toMatch(zh ? /还没有客户表/ : /no client table/);
    const r = w.addon.call('previewAdopt', []);
    expect(r).toMatchObject({ ok: true, result: { ok: false, error: { code: 'adopt.error.empty', message: adoptMsg } } });
    expect(w.emu.sheetNames()).toEqual(['Sheet1']);
    if (zh) for (const m of messages(w)) expect(englishWords(m)).toEqual([]);
  });

  it('a sheet holding only a cell of spaces is not written over: the table goes to a new sheet', () => {
    const w = world(locale, [['', '', ''], ['  ', '', '']]);
    setUp(w);
    expect(w.emu.sheetNames()).toEqual(['Sheet1', zh ? '客户表' : 'Clients']);
    expect(w.emu.snapshot().sheets[0]?.values).toEqual([[''], ['  ']]);
    expect(w.emu.snapshot().sheets[1]?.values[0]?.[0]).toBe(zh ? '客户编号' : 'Client ID');
  });

  it('a header with no rows: adopt works, "Check all rows" finds 0 rows, and rows typed later are checked', () => {
    const w = world(locale, [[zh ? '客户名称' : 'Name', zh ? '邮箱' : 'Email', zh ? '手机' : 'Phone']]);
    adopt(w);
    expect(w.addon.errors).toEqual([]);
    w.addon.menu('menuValidateAll');
    expect(w.emu.alerts.at(-1)?.prompt).toMatch(zh ? /0 行/ : /\b0 rows\b/);
    w.addon.paste('A2', [['Ann', 'not-an-email', '']]);
    w.addon.menu('menuValidateAll');
    expect(w.emu.alerts.at(-1)?.prompt).toMatch(/\bB2\b/);
    expect(w.emu.view('Sheet1', 'B2')[0]?.[0]?.validation).not.toBeNull();
  });

  it('a single column of emails: adopt and check report the one bad cell, change no value (only our flag on it)', () => {
    const w = world(locale, [['Email'], ['a@example.com'], ['nope']]);
    const before = content(w);
    adopt(w);
    w.addon.menu('menuValidateAll');
    const after = content(w);
    expect(after.map((x) => ({ ...x, notes: undefined }))).toEqual(before.map((x) => ({ ...x, notes: undefined })));
    expect(after[0]?.notes.map((r) => r.map((n) => n.startsWith('ClientFlow ⚠')))).toEqual([[false], [false], [true]]);
    expect(w.emu.alerts.at(-1)?.prompt).toMatch(/\bA3\b/);
    for (const m of messages(w)) expect(m).not.toMatch(TECHNICAL);
  });

  it('a single cell: adopt says there is no header row', () => {
    const w = world(locale, [['x']]);
    adopt(w);
    expect(w.emu.alerts[0]?.prompt).toMatch(zh ? /表头/ : /header row/);
    expect(w.emu.alerts).toHaveLength(1);
  });

  it('a 1-column table set up from the sidebar works: edits fill nothing they should not, checks run', () => {
    const w = world(locale);
    const r = w.addon.call('previewTemplate', ['b2b', locale]);
    const schema = (r as { result: { data: { fields: Array<{ role: string | null }>; stages: unknown } } }).result.data;
    schema.fields = schema.fields.filter((f) => f.role === 'name');
    schema.stages = null;
    const res = w.addon.call('applySetup', [schema]);
    expect(res).toMatchObject({ ok: true, result: { ok: true } });
    expect(w.addon.edit('A2', 'Ann')).toEqual({ ok: true, result: undefined });
    expect(w.emu.snapshot().sheets[0]?.values).toEqual([[zh ? '联系人' : 'Name'], ['Ann']]);
    w.addon.menu('menuValidateAll');
    expect(w.emu.alerts.at(-1)?.prompt).toMatch(zh ? /1 行/ : /\b1 rows?\b/);
  });
});

/** Every column of the sheet as the sidebar's adopt preview reads it: header, adopted, role. */
function adoptedColumns(w: World): Array<[string, boolean, string | null]> {
  const r = w.addon.call('previewAdopt', []) as { result: { data: { columns: Array<{ header: string; adopt: boolean; role: string | null }> } } };
  return r.result.data.columns.map((c) => [c.header, c.adopt, c.role]);
}

/** The B2B template's columns, each adopted in its own role. */
function templateColumns(locale: Loc): Array<[string, boolean, string | null]> {
  return templateSchema('b2b', locale).fields.map((f) => [f.header, true, f.role]);
}

describe('adopting a table whose header ClientFlow itself wrote', () => {
  it('English B2B template (no saved settings): every column is recognized', () => {
    const w = table('en');
    (w.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().deleteAllProperties();
    adopt(w, ['NO']);
    expect(w.emu.alerts.at(-1)?.prompt).not.toMatch(/Left alone/i);
    expect(adoptedColumns(w)).toEqual(templateColumns('en'));
  });

  it('Chinese B2B template (no saved settings): every column is recognized', () => {
    const w = table('zh-CN');
    (w.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().deleteAllProperties();
    adopt(w, ['NO']);
    expect(w.emu.alerts.at(-1)?.prompt).not.toMatch(/无法识别/);
    expect(adoptedColumns(w)).toEqual(templateColumns('zh-CN'));
  });

  it('adopt on a set-up table whose labels look like numbers uses the saved header row', () => {
    const w = world('en');
    const r = w.addon.call('previewTemplate', ['b2b', 'en']);
    const schema = (r as { result: { data: { fields: Array<{ header: string; label: { en: string; 'zh-CN': string } }> } } }).result.data;
    ['2024', '2025', '1/2', '3e5', 'TRUE', '50%', '00123', '$100', '7', '8', '9'].forEach((h, i) => {
      const f = schema.fields[i];
      if (f) { f.header = h; f.label = { en: h, 'zh-CN': h }; }
    });
    expect(w.addon.call('applySetup', [schema])).toMatchObject({ ok: true, result: { ok: true } });
    w.addon.paste('L2', [['2026-01-05', 'High', '100']]);
    adopt(w, ['NO']);
    expect(w.emu.alerts.at(-1)?.prompt).not.toMatch(/could not find a header row/);
    expect(sheetOf(w).getName()).toBe('Sheet1');
  });
});
