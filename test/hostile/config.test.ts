/**
 * A stored config that is corrupt, cut, tampered with, from an older or a newer version. Every entry
 * point must say so clearly in the user's language, offer the way out, and never lose a cell.
 */
import { content, englishWords, messages, table, TECHNICAL, type Loc, type World } from './helpers';

type Props = GoogleAppsScript.Properties.Properties;

function props(w: World): Props {
  return (w.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
}

/** The key of the (only) table's stored definition: one per sheet. */
function key(p: Props): string {
  return p.getKeys().find((k) => /^clientflow\.table\.\d+$/.test(k)) ?? 'clientflow.config';
}

/** Rewrites the stored schema JSON (and drops both checksums so only the change itself is seen). */
function editJson(p: Props, edit: (j: Record<string, unknown>) => void): void {
  const head = JSON.parse(p.getProperty(key(p)) ?? '{}') as Record<string, unknown>;
  const json = JSON.parse(p.getProperty(`${key(p)}.0`) ?? '{}') as Record<string, unknown>;
  edit(json);
  delete head.sum;
  delete head.sum4;
  p.setProperty(`${key(p)}.0`, JSON.stringify(json));
  p.setProperty(key(p), JSON.stringify(head));
}

const DAMAGE: Record<string, (p: Props) => void> = {
  'unreadable header': (p) => p.setProperty(key(p), '{not json'),
  'a part missing': (p) => p.deleteProperty(`${key(p)}.0`),
  'a part edited by hand': (p) => p.setProperty(`${key(p)}.0`, (p.getProperty(`${key(p)}.0`) ?? '').replace('"Company"', '"Firma"')),
  'absurd part count': (p) => p.setProperty(key(p), '{"parts":1e9}'),
  'an array instead of a table': (p) => { const k = key(p); p.setProperty(k, '{"parts":1}'); p.setProperty(`${k}.0`, '[1,2]'); },
  'older version': (p) => editJson(p, (j) => { j.version = 0; }),
  'newer version': (p) => editJson(p, (j) => { j.version = 99; }),
  'a field of an unknown type': (p) => editJson(p, (j) => { (j.fields as Array<Record<string, unknown>>)[2]!.type = 'bogus'; }),
  'fields not a list': (p) => editJson(p, (j) => { j.fields = 'oops'; }),
};

const WORDS: Record<Loc, RegExp> = { en: /settings/i, 'zh-CN': /设置/ };

describe.each(['en', 'zh-CN'] as Loc[])('a damaged stored config (%s)', (locale) => {
  it.each(Object.keys(DAMAGE))('%s: "Check all rows" explains and offers a remedy; leaving it changes nothing', (damage) => {
    const w = table(locale);
    w.addon.paste('B2', [['Acme', 'Ann']]);
    DAMAGE[damage]!(props(w));
    const before = content(w);
    w.emu.queueAnswers(['CANCEL']);
    expect(w.addon.menu('menuValidateAll')).toEqual({ ok: true, result: undefined });
    const ask = w.emu.alerts.at(-1);
    expect(ask?.prompt).toMatch(WORDS[locale]);
    expect(ask?.buttons).toMatch(/YES_NO/);
    expect(ask?.prompt).not.toMatch(TECHNICAL);
    expect(content(w)).toEqual(before);
    expect(w.addon.errors).toEqual([]);
  });

  it.each(Object.keys(DAMAGE))('%s: typing in the table still works and never shows an error', (damage) => {
    const w = table(locale);
    DAMAGE[damage]!(props(w));
    expect(w.addon.edit('B2', 'Acme')).toEqual({ ok: true, result: undefined });
    expect(w.emu.toasts.filter((t) => /fail|失败|未能/.test(t.message))).toEqual([]);
  });

  it.each(Object.keys(DAMAGE))('%s: the sidebar gets the problem and its remedies, translated', (damage) => {
    const w = table(locale);
    DAMAGE[damage]!(props(w));
    const r = w.addon.call('getSetupState', []);
    expect(r.ok).toBe(true);
    const env = (r as { result: { ok: boolean; data: { configProblem: { message: string; remedies: string[] } | null; schema: unknown } } }).result;
    expect(env.ok).toBe(true);
    expect(env.data.schema).toBeNull();
    expect(env.data.configProblem?.remedies).toContain('reset');
    expect(env.data.configProblem?.message).toMatch(WORDS[locale]);
  });

  it('reset from the menu forgets the settings without touching a cell; set-up works again', () => {
    const w = table(locale);
    w.addon.paste('B2', [['Acme', 'Ann']]);
    DAMAGE['unreadable header']!(props(w));
    const before = content(w);
    w.emu.queueAnswers(['YES']);
    w.addon.menu('menuValidateAll');
    expect(content(w)).toEqual(before);
    expect(props(w).getKeys().filter((k) => /^clientflow\.(config|table\.)/.test(k))).toEqual([]);
    w.emu.queueAnswers(['1']);
    expect(w.addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
    expect(w.addon.errors).toEqual([]);
  });

  it('repair from the menu keeps the valid fields, and the table works again', () => {
    const w = table(locale);
    w.addon.paste('B2', [['Acme', 'Ann']]);
    DAMAGE['a field of an unknown type']!(props(w));
    w.emu.queueAnswers(['YES', 'OK']);
    w.addon.menu('menuValidateAll');
    expect(messages(w).join('\n')).toMatch(locale === 'en' ? /repaired/i : /修复/);
    w.addon.paste('B3', [['Beta', 'Ben']]);
    expect(w.emu.view('Sheet1', 'A3')[0]?.[0]?.value).toBe('C-000002');
  });
});

describe('config problem messages in Chinese', () => {
  it.each(Object.keys(DAMAGE).filter((d) => !/version/.test(d)))('%s: no English in the message', (damage) => {
    const w = table('zh-CN');
    DAMAGE[damage]!(props(w));
    w.emu.queueAnswers(['CANCEL']);
    w.addon.menu('menuValidateAll');
    const text = w.emu.alerts.at(-1)?.prompt ?? '';
    expect(text).toMatch(/设置/);
    expect(englishWords(text)).toEqual([]);
  });
});
