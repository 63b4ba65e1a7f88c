/**
 * Everything callable is meant to be: Apps Script lets a page call every top-level function of the
 * script through google.script.run, menus and triggers included. Entry points that are not sidebar
 * endpoints take nothing they could be tricked with: called from a (tampered) sidebar with made-up
 * events or arguments, they change no cell and no setting, and never fail with a technical error.
 * Field keys that name members of every object (constructor, toString…) are refused.
 */
import { ENDPOINTS } from '../../src/core/api';
import { t } from '../../src/core/i18n';
import { content, messages, table, TECHNICAL, world, type World } from './helpers';

function settings(w: World): Record<string, string> {
  return (w.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties();
}

/** Arguments a page could pass: JSON only (google.script.run passes no functions or Dates). */
const FORGED: unknown[][] = [
  [],
  [{ range: { getSheet: 'x', getRow: 2 }, value: '=IMPORTXML("http://evil.example","//a")', oldValue: 'Lead', source: {}, authMode: 'FULL' }],
  [{ authMode: { toString: 'FULL' }, source: { toast: 'x' } }],
  ['constructor'],
  [JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown],
  [null, 42, 'menuSetUp'],
];

describe('top-level functions that are not sidebar endpoints', () => {
  const w0 = world('en');
  const entryPoints = w0.addon.functions.filter((f) => !(f in ENDPOINTS));

  it('are exactly the menus and triggers', () => {
    expect(entryPoints.every((f) => /^(menu[A-Z]\w*|onEdit|onInstall|onOpen)$/.test(f))).toBe(true);
    expect(entryPoints).toEqual(expect.arrayContaining(['menuAdopt', 'menuOpenSidebar', 'menuSetUp', 'menuValidateAll', 'onEdit', 'onInstall', 'onOpen']));
  });

  /**
   * Menu items that change nothing of the user's without asking: they only add or refresh sheets of
   * ClientFlow's own (a backup, the Funnel sheet) or show text. Called from a tampered sidebar they do
   * what the menu item does, which the person could do anyway; the table itself must stay as it was.
   */
  const OWN_SHEETS_ONLY = new Set(['menuBackUp', 'menuBuildFunnel', 'menuHelp', 'menuFindDuplicates']);

  it.each(entryPoints.filter((f) => f !== 'menuOpenSidebar'))('%s, called through google.script.run with forged arguments, changes nothing of the user\'s', (fn) => {
    const w = table('en');
    w.emu.pasteValues('A2', [['C-000001', 'ACME', 'Ann', '', 'ann@acme.com', '', '', 'Bo', 'Lead']]);
    const tableOnly = () => content(w).filter((c) => c.name === 'Sheet1').map((c) => ({ ...c, values: c.values.map((r) => r.slice(0, 19)) }));
    const before = { content: content(w), table: tableOnly(), settings: settings(w), rules: w.emu.snapshot().sheets.map((s) => s.conditionalFormats) };
    for (const args of FORGED) {
      // A menu still asks its question first; the user says no.
      w.emu.queueAnswers(['CANCEL', 'NO']);
      const out = w.addon.call(fn, args);
      expect(out.ok ? '' : out.error).not.toMatch(TECHNICAL);
    }
    if (OWN_SHEETS_ONLY.has(fn)) {
      expect(tableOnly()).toEqual(before.table);
    } else {
      expect(content(w)).toEqual(before.content);
      expect(settings(w)).toEqual(before.settings);
      expect(w.emu.snapshot().sheets.map((s) => s.conditionalFormats)).toEqual(before.rules);
    }
    for (const m of messages(w)) expect(m).not.toMatch(TECHNICAL);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('field keys that name members of every object', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])('"%s" is refused with the sidebar\'s clear message, nothing saved', (key) => {
    const w = table('en');
    const before = { content: content(w), settings: settings(w) };
    const st = w.addon.call('getSetupState');
    const schema = ((st.ok ? st.result : null) as { data: { schema: { fields: Array<Record<string, unknown>> } } }).data.schema;
    const forged = { ...schema, fields: [...schema.fields, { key, header: 'Odd', label: { en: 'Odd', 'zh-CN': 'Odd' }, role: null, type: 'text', required: false, onInvalid: 'warn' }] };
    expect(w.addon.call('applySetup', [forged, { target: 'auto' }])).toEqual({ ok: true, result: { ok: false, error: { code: 'badRequest', message: t('en', 'error.badRequest') } } });
    expect(content(w)).toEqual(before.content);
    expect(settings(w)).toEqual(before.settings);
  });
});
