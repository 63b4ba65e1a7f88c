/**
 * The Funnel panel in the real sidebar (dist/Sidebar.html in headless Chromium, 300 px) driving the built
 * add-on (dist/Code.js) on the emulator: the key figures, the leakiest steps, the rebuild button that
 * makes the Funnel sheet; stage values and owners that look like markup stay text. Run `node build.mjs` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { addonHandlers, launch, openPanel, openSidebar } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const XSS = '<img src=x onerror="document.title=\'pwned\'">';
const DATA: string[][] = [
  ['Client ID', 'Company', 'Name', 'Owner', 'Channel', 'Stage', 'Deal value', 'Created'],
  ['C1', 'Acme', 'Ann', XSS, 'Website', 'Lead', '1000', '2026-01-05'],
  ['C2', 'Globex', 'Bob', 'Ben', 'Referral', 'Proposal', '2500', '2026-02-06'],
  ['C3', 'Initech', 'Cai', 'Amy', 'Website', 'Won', '5000', '2026-02-08'],
  ['C4', 'Umbrella', 'Dan', 'Ben', 'Event', 'Lost', '7000', '2026-03-09'],
  ['C5', 'Hooli', 'Eve', 'Amy', 'Referral', 'Contacted', '100', '2026-03-20'],
  ['C6', 'Vandelay', 'Fay', 'Cy', 'Event', 'Negotiation', '3000', '2026-03-21'],
];

function setup(locale: 'en' | 'zh-CN') {
  const emu = createEmulator({ userLocale: locale });
  emu.loadRows(DATA);
  // The table is adopted first (from the menu), then the sidebar is opened.
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  return emu;
}

test('the panel shows the key figures and leaks, and its button builds the Funnel sheet', async () => {
  const emu = setup('en');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'funnel');
  await page.locator('.cf-funnel-load').click();
  await page.locator('.cf-funnel-figures').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-funnel-nosheet').textContent()).toContain('There is no Funnel sheet yet');
  expect(await page.locator('.cf-funnel-clients b').textContent()).toBe('6');
  expect(await page.locator('.cf-funnel-winrate b').textContent()).toBe('50%');
  expect(await page.locator('.cf-funnel-stage td:first-child').allTextContents()).toEqual(['Lead', 'Contacted', 'Proposal', 'Negotiation', 'Won']);
  expect((await page.locator('.cf-funnel-leak').allTextContents())[0]).toMatch(/→/);

  await page.locator('.cf-funnel-rebuild').click();
  await page.locator('.cf-funnel-message').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-funnel-message').textContent()).toContain('The sheet "Funnel" shows the funnel of "Sheet1"');
  expect(emu.sheetNames()).toContain('Funnel');
  expect(emu.snapshot().sheets.find((x) => x.name === 'Funnel')?.charts).toHaveLength(4);
  // The markup owner came from a cell: it is text on the sheet's dropdown and nowhere markup in the page.
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
  expect(s.errors).toEqual([]);
  expect(s.dialogs).toEqual([]);
  mkdirSync(join(__dirname, '..', '..', 'dist', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(__dirname, '..', '..', 'dist', 'screenshots', 'funnel-panel-en.png'), fullPage: true });
  await page.context().close();
}, 90_000);

test('Chinese: the panel speaks Chinese', async () => {
  const emu = setup('zh-CN');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100, browserLocale: 'zh-CN' });
  const { page } = s;
  await openPanel(page, 'funnel');
  expect(await page.locator('.cf-tab[data-panel="funnel"]').textContent()).toBe('漏斗');
  await page.locator('.cf-funnel-rebuild').click();
  await page.locator('.cf-funnel-message').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-funnel-message').textContent()).toContain('工作表“销售漏斗”显示“Sheet1”的销售漏斗');
  expect(await page.locator('h3').last().textContent()).toBe('流失最多的环节');
  expect(s.errors).toEqual([]);
  await page.screenshot({ path: join(__dirname, '..', '..', 'dist', 'screenshots', 'funnel-panel-zh.png'), fullPage: true });
  await page.context().close();
}, 90_000);
