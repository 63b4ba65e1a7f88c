/**
 * Messages that send the user to a menu item must name it as the menu shows it (in both languages),
 * or the user looks for an item that does not exist.
 */
import { t, type Locale, type MessageKey } from '../../src/core/i18n';

const MENU: MessageKey[] = ['menu.setUp', 'menu.adopt', 'menu.openSidebar', 'menu.validateAll'];

/** Quoted names in a message ("…" or “…”), and the last step of an Extensions › ClientFlow › … path. */
function referencedItems(text: string): string[] {
  const quoted = [...text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
  return quoted.map((q) => q.split('›').pop()?.trim() ?? q).filter((q) => q !== '');
}

function menuLabels(locale: Locale): string[] {
  return MENU.map((k) => t(locale, k).replace(/…$/, ''));
}

describe.each(['en', 'zh-CN'] as Locale[])('menu items named in messages (%s)', (locale) => {
  it.each(['setup.validate.noTable', 'sidebar.error.noBridge'] as MessageKey[])('%s names real menu items', (key) => {
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
