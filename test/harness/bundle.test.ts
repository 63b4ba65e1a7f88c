/**
 * The built add-on (dist/Code.js) on the emulator: loading calls no service, and onOpen in
 * AuthMode.NONE builds the translated add-on menu only. Build first (npm test does).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const codePath = join(__dirname, '..', '..', 'dist', 'Code.js');
// Never skipped: without a build this suite fails and says why.
beforeAll(() => {
  if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `node build.mjs` first (npm test does)');
});

describe('dist/Code.js on the emulator', () => {
  test.each(['en', 'zh-CN'])('onOpen in AuthMode.NONE (%s) builds the add-on menu and touches no document data', (locale) => {
    const emu = createEmulator({ userLocale: locale });
    const addon = loadAddon(emu, { codePath });
    expect(addon.functions).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'menuSetUp', 'menuAdopt', 'menuOpenSidebar']));
    const out = addon.open('NONE');
    expect(out).toEqual({ ok: true, result: undefined });
    expect(emu.menus).toHaveLength(1);
    const items = emu.menus[0]?.items ?? [];
    const fns = items.flatMap((i) => ('functionName' in i ? [i.functionName] : []));
    expect(fns).toEqual(expect.arrayContaining(['menuSetUp', 'menuAdopt', 'menuOpenSidebar']));
    for (const fn of fns) expect(addon.functions).toContain(fn);
    const captions = items.flatMap((i) => ('caption' in i ? [i.caption] : []));
    if (locale === 'zh-CN') expect(captions.some((c) => /[\u4e00-\u9fff]/.test(c))).toBe(true);
    else expect(captions.every((c) => !/[\u4e00-\u9fff]/.test(c))).toBe(true);
    const methods = Object.keys(emu.stats().byMethod);
    expect(methods.filter((m) => /^(Spreadsheet|Sheet|Range|Properties|PropertiesService)\./.test(m))).toEqual([]);
  });
});
