/**
 * The Duplicates panel in the real sidebar (dist/Sidebar.html in headless Chromium) driving the built
 * add-on (dist/Code.js) on the emulator: the clusters with why, the records side by side with the
 * differing columns marked, "Not duplicates" taking a cluster away for good; a value that looks like
 * markup stays text. Run `node build.mjs` first.
 */
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
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'City', 'Notes'],
  ['C1', 'John Smith', 'Acme Inc.', 'john.smith@acme.com', '+1 415 555 0101', 'San Francisco', XSS],
  ['C2', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'SF', ''],
  ['C3', 'Mary Jones', 'Globex', 'mary@globex.com', '+1 212 555 0199', 'New York', ''],
  ['C4', 'Peter Brown', 'Initech', 'peter.brown@initech.io', '+1 312 555 0142', 'Chicago', ''],
  ['C5', '张伟', '华为', 'zhangwei@huawei.com', '+86 138 0013 8000', '深圳', ''],
  ['C6', 'Lucy Green', 'Hooli', 'lucy@hooli.com', '+1 650 555 0177', 'Palo Alto', ''],
];

test('the panel shows a cluster with why and forgets it after "Not duplicates"', async () => {
  const emu = createEmulator({ userLocale: 'en' });
  emu.loadRows(DATA);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'duplicates');
  await page.locator('.cf-dupe-load').click();
  await page.locator('.cf-dupe-message').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-dupe-cluster').count()).toBe(1);
  expect(await page.locator('.cf-dupe-cluster h3').textContent()).toMatch(/^Group D1 · /);
  expect(await page.locator('.cf-dupe-agreed').textContent()).toContain('Email');
  // Rows 2 and 3 side by side; the names differ, the emails do not.
  expect(await page.locator('.cf-dupe-records tr').first().locator('th').allTextContents()).toEqual(['Row', '2', '3']);
  expect(await page.locator('.cf-dupe-diff th').allTextContents()).toContain('Name');
  expect(await page.locator('.cf-dupe-same th').allTextContents()).toContain('Email');
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');

  await page.locator('.cf-dupe-notdup').click();
  await page.locator('.cf-dupe-none').waitFor({ timeout: 30_000 });
  await page.locator('.cf-dupe-load').click();
  await page.locator('.cf-dupe-none').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-dupe-cluster').count()).toBe(0);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);
