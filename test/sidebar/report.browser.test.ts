/**
 * The Check report and the Follow-ups list in the real sidebar (dist/Sidebar.html in headless
 * Chromium, 300 px) driving the built add-on on the emulator: counts, pages of broken cells, "go to"
 * selecting the cell, the legend's swatches; overdue, due and stale clients with "go to"; cell text
 * that looks like markup or a formula stays text. Run `node build.mjs` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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
const SHOTS = join(__dirname, '..', '..', 'dist', 'screenshots');

function setup(rows: string[][], locale: 'en' | 'zh-CN' = 'en') {
  const emu = createEmulator({ userLocale: locale, now: Date.UTC(2026, 2, 10, 9), timeZone: 'UTC' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  return emu;
}

const HEAD = ['Client ID', 'Company', 'Name', 'Email', 'Stage', 'Next follow-up', 'Last contact'];

test('the report: counts, pages, go to, legend; markup stays text', async () => {
  const rows = [HEAD, ['C1', XSS, 'Ann', 'a@x.co', 'Won', '2026-01-01', '2026-01-01'], ['C2', 'Lostco', 'Lu', 'l@x.co', 'Lost', '2026-01-01', '2026-01-01']];
  for (let i = 3; i <= 62; i++) rows.push([`C${i}`, `Co ${i}`, `P ${i}`, i % 2 === 0 ? `'=bad${i}` : `p${i}@x.co`, 'Lead', '2026-03-20', '2026-03-09']);
  const emu = setup(rows);
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400 });
  const { page } = s;
  await openPanel(page, 'check');
  await page.locator('.cf-check-button').click();
  await page.locator('.cf-check-report').waitFor({ timeout: 30_000 });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'report-panel-en.png'), fullPage: true });
  expect(await page.locator('.cf-check-flags').textContent()).toBe('30 cells had their notes or highlights updated.');
  expect(await page.locator('.cf-check-bycolumn td').allTextContents()).toEqual(['Email', '30']);
  expect(await page.locator('.cf-cell').count()).toBe(30);
  expect(await page.locator('.cf-legend-item').count()).toBeGreaterThanOrEqual(5);
  expect(await page.locator('.cf-legend-overdue .cf-swatch').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(234, 153, 153)');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'report-panel-en.png'), fullPage: true });
  // Go to: the sheet's active range becomes the cell.
  await page.locator('.cf-cell').nth(2).locator('.cf-goto').click();
  await page.waitForFunction(() => !document.querySelector('.cf-goto[disabled]'));
  expect(app.getActiveRange().getA1Notation()).toBe((await page.locator('.cf-cell .cf-a1').nth(2).textContent()) ?? '');
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('the report pages past 50 cells', async () => {
  const rows = [HEAD, ['C1', 'Wonco', 'Ann', 'a@x.co', 'Won', '2026-01-01', '2026-01-01'], ['C2', 'Lostco', 'Lu', 'l@x.co', 'Lost', '2026-01-01', '2026-01-01']];
  for (let i = 3; i <= 72; i++) rows.push([`C${i}`, `Co ${i}`, `P ${i}`, `bad${i} at x`, 'Lead', '2026-03-20', '2026-03-09']);
  const emu = setup(rows);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'check');
  await page.locator('.cf-check-button').click();
  await page.locator('.cf-pager').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-cell').count()).toBe(50);
  expect(await page.locator('.cf-page').textContent()).toBe('Page 1 of 2');
  await page.locator('.cf-next').click();
  await page.waitForFunction(() => document.querySelector('.cf-page')?.textContent === 'Page 2 of 2');
  expect(await page.locator('.cf-cell').count()).toBe(20);
  expect(await page.locator('.cf-cell .cf-a1').last().textContent()).toBe('D73');
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('follow-ups: overdue, due, stale with go to; Chinese', async () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const rows = [
      HEAD,
      ['C1', 'Acme', 'Ann', 'a@x.co', 'Lead', '2026-03-05', '2026-03-09'],
      ['C2', 'Globex', 'Bob', 'b@x.co', 'Proposal', '2026-03-10', '2026-03-09'],
      ['C3', XSS, 'Cai', 'c@x.co', 'Lead', '2026-03-30', '2026-01-01'],
      ['C4', 'Umbrella', 'Dan', 'd@x.co', 'Won', '2026-01-01', '2026-01-01'],
      ['C5', 'Hooli', 'Eve', 'e@x.co', 'Lost', '2026-01-01', '2026-01-01'],
    ];
    const emu = setup(rows, locale);
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const s = await openSidebar(browser, addonHandlers(emu), { height: 900, ...(locale === 'zh-CN' ? { browserLocale: 'zh-CN' } : {}) });
    const { page } = s;
    await openPanel(page, 'followups');
    await page.locator('.cf-followups-refresh').click();
    await page.locator('.cf-followups-message').waitFor({ timeout: 30_000 });
    const overdue = await page.locator('.cf-followups-overdue .cf-followup-label').allTextContents();
    const stale = await page.locator('.cf-followups-stale .cf-followup-label').allTextContents();
    expect(await page.locator('.cf-followups-due .cf-followup-label').count()).toBe(1);
    if (locale === 'en') {
      expect(overdue).toEqual(['Acme — follow-up 2026-03-05, 5 days ago']);
      expect(stale).toEqual([`${XSS} — last contact 2026-01-01, 68 days ago`]);
    } else {
      expect(overdue).toEqual(['Acme — 跟进日期 2026-03-05，已过 5 天']);
      expect(await page.locator('.cf-tab[data-panel="followups"]').textContent()).toBe('跟进');
    }
    await page.locator('.cf-followups-stale .cf-goto').click();
    await page.waitForFunction(() => !document.querySelector('.cf-goto[disabled]'));
    expect(app.getActiveRange().getA1Notation()).toBe('G4');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(s.errors).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `followups-panel-${locale}.png`), fullPage: true });
    await page.context().close();
  }
}, 120_000);

test('follow-ups: the stale list\'s title names each stage\'s own days (English, Chinese)', async () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const rows = [
      HEAD,
      ['C1', 'Acme', 'Ann', 'a@x.co', 'Proposal', '2026-03-20', '2026-03-01'],
      ['C2', 'Globex', 'Bob', 'b@x.co', 'Lead', '2026-03-20', '2026-03-09'],
      ['C4', 'Umbrella', 'Dan', 'd@x.co', 'Won', '2026-01-01', '2026-01-01'],
      ['C5', 'Hooli', 'Eve', 'e@x.co', 'Lost', '2026-01-01', '2026-01-01'],
    ];
    const emu = setup(rows, locale);
    const addon = loadAddon(emu);
    const state = addon.call('getSetupState', []);
    const schema = ((state.ok ? state.result : null) as { data: { schema: { rules: Record<string, unknown> } } }).data.schema;
    expect(addon.call('applySetup', [{ ...schema, rules: { ...schema.rules, staleDaysByStage: { Proposal: 7 } } }, { target: 'auto' }]).ok).toBe(true);
    const s = await openSidebar(browser, addonHandlers(emu), { height: 900, ...(locale === 'zh-CN' ? { browserLocale: 'zh-CN' } : {}) });
    const { page } = s;
    await openPanel(page, 'followups');
    await page.locator('.cf-followups-refresh').click();
    await page.locator('.cf-followups-message').waitFor({ timeout: 30_000 });
    const title = await page.locator('.cf-followups-stale h3').textContent();
    expect(title).toBe(locale === 'en' ? 'No contact in over 14 days (Proposal: 7 days) (1)' : '超过 14 天未联系（Proposal：7 天）（1）');
    expect(s.errors).toEqual([]);
    await page.context().close();
  }
}, 120_000);

test('"Check all rows" from the menu opens the sidebar on the report', async () => {
  const rows = [HEAD, ['C1', 'Wonco', 'Ann', 'a@x.co', 'Won', '2026-01-01', '2026-01-01'], ['C2', 'Lostco', 'Lu', 'l@x.co', 'Lost', '2026-01-01', '2026-01-01'], ['C3', 'Acme', 'Cai', 'cai at x', 'Lead', '2026-03-20', '2026-03-09']];
  const emu = setup(rows);
  const addon = loadAddon(emu);
  expect(addon.menu('menuValidateAll')).toEqual({ ok: true, result: undefined });
  const shown = emu.shownHtml.at(-1);
  expect(shown?.kind).toBe('sidebar');
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, 'opened-on-check.html');
  writeFileSync(path, shown?.html ?? '');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 900, htmlPath: path });
  const { page } = s;
  await page.locator('.cf-check-report').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-tab.current').textContent()).toBe('Check');
  expect(await page.locator('.cf-cell .cf-a1').allTextContents()).toEqual(['D4']);
  // The report was read, not checked again (the menu refreshed the flags).
  expect(s.calls.map((c) => c.name)).toContain('getCheckPage');
  expect(s.calls.map((c) => c.name)).not.toContain('validateTable');
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('the client form: typed inputs, live email check, one save writes the row', async () => {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  addon.menu('menuSetUp');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1600 });
  const { page } = s;
  await openPanel(page, 'form');
  await page.locator('.cf-form-new').click();
  await page.locator('.cf-form-save').waitFor({ timeout: 30_000 });
  expect(await page.locator('input[type="email"]').count()).toBe(1);
  expect(await page.locator('input[type="date"]').count()).toBeGreaterThan(0);
  await page.locator('input[data-key="company"]').fill(XSS);
  await page.locator('input[type="email"]').fill('ann at example');
  expect(await page.locator('.cf-form-check[data-key="email"]').textContent()).toBe('Not a valid email address');
  await page.locator('input[type="email"]').fill('ann@example.com');
  expect(await page.locator('.cf-form-check[data-key="email"]').textContent()).toBe('');
  await page.locator('select[data-key="stage"]').selectOption({ index: 1 });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'form-panel-en.png'), fullPage: true });
  await page.locator('.cf-form-save').click();
  await page.locator('.cf-form-message').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-form-message').textContent()).toBe('Added as row 2.');
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  expect(row).toContain(XSS);
  expect(row).toContain('ann@example.com');
  // The form now edits that row: a typo mended and saved again updates it, adding no second copy.
  expect(await page.locator('.cf-form-mode').textContent()).toBe('Editing row 2');
  const rowsBefore = sheet.getLastRow();
  await page.locator('input[type="email"]').fill('ann.lee@example.com');
  await page.locator('.cf-form-save').click();
  await page.waitForFunction(() => document.querySelector('.cf-form-message')?.textContent === 'Row 2 saved.');
  expect(sheet.getLastRow()).toBe(rowsBefore);
  expect(sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]).toContain('ann.lee@example.com');
  expect(await page.locator('img').count()).toBe(0);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);
