/**
 * The add-on side of the sidebar on the Sheets emulator: menuOpenSidebar shows dist/Sidebar.html as
 * a sidebar with a translated title, and getBootstrap sends the user's locale and its messages in
 * the endpoint's envelope. (Runs src/addon/shell/*.ts with the emulator's globals installed.)
 */
import { ENDPOINTS } from '../../src/core/api';
import { envelopeSchema } from '../../src/core/api/endpoint';
import { messagesFor, t } from '../../src/core/i18n';
import { getBootstrap } from '../../src/addon/shell/endpoints';
import { menuOpenSidebar } from '../../src/addon/shell/menu';
import { createEmulator, type EmulatorExt } from '../../dev/emulator';

const PAGE = '<!DOCTYPE html><html><body><div id="app"></div></body></html>';

function withEmulator<T>(userLocale: string, fn: (emu: EmulatorExt) => T): T {
  const emu = createEmulator({ userLocale, files: { Sidebar: PAGE } });
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = Object.keys(emu.globals).map((k) => [k, g[k]] as const);
  Object.assign(g, emu.globals);
  try {
    return fn(emu);
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  }
}

describe('menuOpenSidebar', () => {
  test.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['fr', 'en'],
  ] as const)('user locale %s: the Sidebar file with the %s title', (userLocale, locale) => {
    withEmulator(userLocale, (emu) => {
      menuOpenSidebar();
      expect(emu.shownHtml).toHaveLength(1);
      expect(emu.shownHtml[0]).toMatchObject({ kind: 'sidebar', title: t(locale, 'sidebar.title'), html: PAGE });
      // Two service calls: the file and the sidebar (the title is set on the output object).
      expect(emu.stats().byMethod['Ui.showSidebar']).toBe(1);
      expect(emu.stats().byMethod['HtmlService.createHtmlOutputFromFile']).toBe(1);
    });
  });
});

describe('getBootstrap', () => {
  test.each([
    ['en', 'en', 'Set up'],
    ['zh-CN', 'zh-CN', '设置'],
  ] as const)('user locale %s: locale %s and its whole message table', (userLocale, locale, setupTitle) => {
    withEmulator(userLocale, () => {
      const env = envelopeSchema.parse(getBootstrap());
      expect(env.ok).toBe(true);
      if (!env.ok) return;
      const data = ENDPOINTS.getBootstrap.result.parse(env.data);
      expect(data.locale).toBe(locale);
      expect(data.messages['sidebar.setup.title']).toBe(setupTitle);
      expect(Object.keys(data.messages).sort()).toEqual(Object.keys(messagesFor(locale)).sort());
      // What crosses google.script.run must survive a JSON round trip unchanged.
      expect(JSON.parse(JSON.stringify(env))).toEqual(env);
    });
  });
});
