/**
 * The real sidebar (dist/Sidebar.html in Chromium) driving the built add-on (dist/Code.js) on the
 * Sheets emulator: what a user does in the Setup panel lands in the sheet.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { t } from '../../src/core/i18n';
import { addonHandlers, launch, openSidebar, SIDEBAR_HTML } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the menu opens the built sidebar page with a translated title', () => {
  const emu = createEmulator({ userLocale: 'zh-CN' });
  const addon = loadAddon(emu);
  expect(addon.menu('menuOpenSidebar')).toMatchObject({ ok: true });
  expect(emu.shownHtml).toHaveLength(1);
  expect(emu.shownHtml[0].kind).toBe('sidebar');
  expect(emu.shownHtml[0].title).toBe(t('zh-CN', 'sidebar.title'));
  expect(emu.shownHtml[0].html).toBe(readFileSync(SIDEBAR_HTML, 'utf8'));
});

test('set up a B2B table from the sidebar: reorder, remove and add fields land in the header row', async () => {
  const emu = createEmulator({ userLocale: 'en' });
  const s = await openSidebar(browser, addonHandlers(emu));
  const { page } = s;
  await page.locator('.cf-field').first().waitFor();
  const headers = async () => page.locator('.cf-header-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const before = await headers();
  expect(before.length).toBeGreaterThan(5);
  // Move the second field to the top, remove the third, add "WeChat".
  const second = page.locator('.cf-field').nth(1);
  const secondKey = await second.getAttribute('data-key');
  await second.locator('.cf-up').click();
  const third = page.locator('.cf-field').nth(2);
  const removed = await third.locator('.cf-header-input').inputValue();
  await third.locator('.cf-remove').click();
  await page.locator('.cf-add-field').click();
  await page.locator('.cf-field').last().locator('.cf-header-input').fill('WeChat');
  const expected = await headers();
  expect(expected[0]).toBe(before[1]);
  expect(expected).not.toContain(removed);
  expect(expected[expected.length - 1]).toBe('WeChat');
  await page.locator('.cf-apply-button').click();
  await page.locator('.cf-summary').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-error:not([hidden])').count()).toBe(0);

  const sheet = emu.snapshot().sheets.find((sh) => sh.values[0]?.[0] === expected[0]);
  expect(sheet?.values[0]?.slice(0, expected.length)).toEqual(expected);
  // The panel now shows the applied table, on its sheet.
  expect(await page.locator('.cf-where').textContent()).toContain(sheet?.name ?? '?');
  expect(await page.locator(`.cf-field[data-key="${secondKey}"]`).count()).toBe(1);
  expect(s.errors).toEqual([]);
  await page.context().close();
});

test('removing a field in the sidebar keeps that column’s data in the sheet', async () => {
  const emu = createEmulator({ userLocale: 'zh-CN' });
  const handlers = addonHandlers(emu);
  const s = await openSidebar(browser, handlers);
  const { page } = s;
  await page.locator('.cf-field').first().waitFor();
  await page.locator('.cf-apply-button').click();
  await page.locator('.cf-summary').waitFor({ timeout: 30_000 });
  const sheetName = emu.snapshot().sheets.find((sh) => sh.values[0]?.length > 5)?.name ?? '';
  const headerRow = emu.snapshot().sheets.find((sh) => sh.name === sheetName)?.values[0] as string[];
  // A person types a note into the Notes column, row 2.
  const card = page.locator('.cf-field[data-key="notes"]');
  const removedHeader = await card.locator('.cf-header-input').inputValue();
  const col = headerRow.indexOf(removedHeader) + 1;
  expect(col).toBeGreaterThan(0);
  const colLetter = String.fromCharCode(64 + col);
  emu.typeValue(`${colLetter}2`, '老客户 <b>VIP</b>', sheetName);
  await card.locator('.cf-remove').click();
  expect(await page.locator('.cf-removed').textContent()).toContain(removedHeader);
  await page.locator('.cf-apply-button').click();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('.cf-notice:not([hidden]), .cf-error:not([hidden])'));
  expect(await page.locator('.cf-error:not([hidden])').count()).toBe(0);
  const after = emu.snapshot().sheets.find((sh) => sh.name === sheetName);
  expect(after?.values[1]?.[col - 1]).toBe('老客户 <b>VIP</b>');
  expect(after?.values[0]?.[col - 1]).toBe(removedHeader);
  await page.context().close();
});

test('screenshots at 300 px in English and Chinese, with the real templates; nothing overflows sideways', async () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const emu = createEmulator({ userLocale: locale });
    const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
    await s.page.locator('.cf-field').first().waitFor();
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // dist/test/ in a test run; the README's docs/sidebar.png when `npm run screenshots` asks for it.
    const forDocs = process.env.CLIENTFLOW_SCREENSHOTS === 'docs' && locale === 'en';
    const out = forDocs ? join(__dirname, '..', '..', 'docs', 'sidebar.png') : join(__dirname, '..', '..', 'dist', 'test', `sidebar-${locale}.png`);
    mkdirSync(join(out, '..'), { recursive: true });
    await s.page.screenshot({ path: out });
    await s.page.context().close();
  }
});
