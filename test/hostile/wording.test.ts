/**
 * Messages that send the user to a menu item must name it as the menu shows it (in both languages),
 * or the user looks for an item that does not exist.
 */
import { messagesFor, t, type Locale, type MessageKey } from '../../src/core/i18n';

const MENU: MessageKey[] = ['menu.setUp', 'menu.adopt', 'menu.openSidebar', 'menu.validateAll'];

/** Quoted names in a message ("…" or “…”), and the last step of an Extensions › ClientFlow › … path. */
function referencedItems(text: string): string[] {
  const quoted = [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
  // A quoted placeholder ("{sheet}") is the name of a sheet, filled in when the message is shown.
  return quoted.map((q) => q.split('›').pop()?.trim() ?? q).filter((q) => q !== '' && !/^\{\w+\}$/.test(q));
}

function menuLabels(locale: Locale): string[] {
  return MENU.map((k) => t(locale, k).replace(/…$/, ''));
}

describe.each(['en', 'zh-CN'] as Locale[])('menu items named in messages (%s)', (locale) => {
  it.each(['setup.validate.noTable', 'setup.validate.notThisSheet', 'sidebar.error.noBridge'] as MessageKey[])('%s names real menu items', (key) => {
    const refs = referencedItems(t(locale, key));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(menuLabels(locale)).toContain(r);
  });

  it('adopt.error.empty names real menu items', () => {
    const refs = referencedItems(t(locale, 'adopt.error.empty'));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(menuLabels(locale)).toContain(r);
  });
});

describe('every message that names a menu item, in either language', () => {
  /** The menu items (by key) that a message names, as the menu shows them in that language. */
  const named = (locale: Locale, key: MessageKey): string[] =>
    MENU.filter((k) => referencedItems(t(locale, key)).includes(t(locale, k).replace(/…$/, '')));
  const keys = Object.keys(messagesFor('en')) as MessageKey[];

  it('names the same items in English and Chinese (a misnamed item is missing from one side)', () => {
    const differ = keys.filter((k) => named('en', k).join() !== named('zh-CN', k).join()).map((k) => [k, named('en', k), named('zh-CN', k)]);
    expect(differ).toEqual([]);
  });

  it('finds the messages that send the user to a menu item', () => {
    expect(keys.filter((k) => named('en', k).length > 0).sort()).toEqual(['adopt.error.empty', 'edit.checksSkipped', 'edit.tooLarge', 'funnel.usage', 'help.limits.text', 'setup.validate.noTable', 'setup.validate.notThisSheet', 'sidebar.error.noBridge']);
  });
});
