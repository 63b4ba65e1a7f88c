/**
 * Help and About on the built bundle (dist/Code.js): the menu's Help alert and the sidebar's getHelp,
 * in both languages; only actions whose menu function exists in the build are described.
 * Run `node build.mjs` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOn } from './helpers';
import { MENU_ITEMS } from '../../src/addon/menu';
import { ACTION_HELP } from '../../src/core/help/actions';
import { missingHelp } from '../../src/core/help/content';

const ROOT = join(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const DATA = [
  ['Name', 'Email'],
  ['Ann', 'ann@example.com'],
];

type Help = {
  about: string;
  version: string;
  actions: Array<{ fn: string; label: string; text: string }>;
  colors: Array<{ background: string; text: string }>;
  sections: Array<{ id: string; title: string; text: string }>;
};

function getHelp(locale: 'en' | 'zh-CN'): { help: Help; functions: string[] } {
  const { addon } = startOn(DATA, locale);
  const r = addon.call('getHelp') as { ok: true; result: { ok: true; data: Help } };
  expect(r.result.ok).toBe(true);
  return { help: r.result.data, functions: addon.functions };
}

describe('Help', () => {
  it('every menu item has its help text (adding a feature to Help is one entry in ACTION_HELP)', () => {
    const items = MENU_ITEMS.flatMap((i) => ('fn' in i ? [{ fn: i.fn, label: i.label }] : []));
    expect(missingHelp(items)).toEqual([]);
  });

  it.each(['en', 'zh-CN'] as const)(
    'the sidebar Help (%s) shows the About line with package.json version and exactly the menu actions of this build',
    (locale) => {
      const { help, functions } = getHelp(locale);
      expect(help.version).toBe(VERSION);
      expect(help.about).toBe(`ClientFlow ${VERSION}`);
      const menuFns = MENU_ITEMS.flatMap((i) => ('fn' in i ? [i.fn] : []));
      expect(help.actions.map((a) => a.fn)).toEqual(menuFns);
      for (const a of help.actions) expect(functions).toContain(a.fn);
      // Texts for actions not in this build are never shown.
      for (const fn of Object.keys(ACTION_HELP)) if (!functions.includes(fn)) expect(help.actions.some((a) => a.fn === fn)).toBe(false);
      for (const a of help.actions) expect(a.text).not.toMatch(/\{|help\.action/);
      expect(help.colors.length).toBeGreaterThanOrEqual(6);
      expect(help.sections.map((s) => s.id)).toEqual(['options', 'undo', 'limits', 'data', 'report']);
      const limits = help.sections.find((s) => s.id === 'limits')?.text ?? '';
      expect(limits).toMatch(locale === 'en' ? /cannot hide rows or columns from some editors/ : /无法对部分编辑者隐藏行或列/);
    },
  );

  it('the menu Help shows the same in an alert, with the version', () => {
    const { emu, addon } = startOn(DATA, 'en');
    emu.queueAnswers(['OK']);
    expect(addon.menu('menuHelp')).toEqual({ ok: true, result: undefined });
    const text = emu.alerts[0]?.prompt ?? '';
    expect(text.split('\n')[0]).toBe(`ClientFlow ${VERSION}`);
    expect(text).toMatch(/• Back up the table: Copies the table with its settings to a dated hidden sheet\. The last 5 backups are kept/);
    expect(text).toMatch(/How undo works/);
    // Undo is described as a menu item only when the build has one.
    if (addon.functions.includes('menuUndo')) expect(text).toMatch(/Undo in the ClientFlow menu/);
    else expect(text).not.toMatch(/Undo in the ClientFlow menu/);
    expect(text).toMatch(/Report a problem/);
  });
});
