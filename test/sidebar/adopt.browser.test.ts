/**
 * The Adopt panel in the real sidebar (dist/Sidebar.html in headless Chromium, 300 px) driving the built
 * add-on (dist/Code.js) on the Sheets emulator through the flow harness: what a user edits in the
 * mapping lands in the sheet, and no value changes. Run `node build.mjs` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEmulator, type EmulatorExt } from '../../dev/emulator';
import { t } from '../../src/core/i18n';
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
  ['客户名称', 'Company', '手机', 'Email', '阶段', 'Deal value', 'Notes', '身高', XSS],
  ['张伟', 'Acme', '138 0013 8000', 'zw@example.cn', '线索', '¥1,200', '展会认识', '180', 'a'],
  ['Ann Lee', 'Globex', '13900139000', 'ann@example.com', '初步接触', '2500', 'Met at the fair', '165', 'b'],
  ['李娜', 'Initech', 'call later', 'lina@example', '方案', '5000', '', '170', '<b>bold</b>'],
  ['Bob Ray', 'Umbrella', '13700137000', 'bob@example.com', '谈判', '7000', '', '175', ''],
  ['王芳', 'Hooli', '15800158000', 'wf@example.cn', '成交', 'abc', '老客户', '160', ''],
  ['Cai Wu', 'Acme', '13600136000', 'cai@example.com', '流失', '3000', 'Price', 'tall', ''],
];

/** A spreadsheet in China (phones read as Chinese numbers), used by an English or a Chinese speaker. */
function setup(locale: 'en' | 'zh-CN') {
  const emu = createEmulator({ userLocale: locale, spreadsheetLocale: 'zh_CN', timeZone: 'Asia/Shanghai' });
  emu.loadRows(DATA);
  return emu;
}

function values(emu: EmulatorExt) {
  return emu.snapshot().sheets.map((s) => ({ values: s.values, formulas: s.formulas }));
}

function cell(emu: EmulatorExt, a1: string) {
  const v = emu.view('Sheet1', a1)[0]?.[0];
  if (!v) throw new Error(`no cell ${a1}`);
  return v;
}

async function openAdopt(page: Page): Promise<void> {
  await openPanel(page, 'adopt');
  await page.locator('.cf-adopt-column').first().waitFor({ timeout: 30_000 });
}

const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
const card = (page: Page, letter: string) => page.locator(`.cf-adopt-column[data-column="${letter}"]`);

test('edit the mapping in the panel and adopt: roles, types, options and colors land in the sheet; no value changes', async () => {
  const emu = setup('en');
  const before = values(emu);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400 });
  const { page } = s;
  await openAdopt(page);

  // What was read: every column, its header as text (the markup header stays text), fit and misfits.
  expect(await page.locator('.cf-adopt-header').allTextContents()).toEqual(DATA[0]);
  expect(await card(page, 'I').locator('img').count()).toBe(0);
  expect(await card(page, 'C').locator('.cf-adopt-role').inputValue()).toBe('phone');
  expect(await card(page, 'C').locator('.cf-adopt-fit').textContent()).toContain('C4 “call later”');
  expect(await card(page, 'H').locator('.cf-adopt-role').inputValue()).toBe(''); // 身高: left alone
  expect(await card(page, 'E').locator('.cf-option-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
    .toEqual(['线索', '初步接触', '方案', '谈判', '成交', '流失']);

  // Company → Owner: a dropdown, whose options the add-on suggests from the values.
  await card(page, 'B').locator('.cf-adopt-role').selectOption('owner');
  await idle(page);
  await card(page, 'B').locator('.cf-option-label').first().waitFor();
  const owners = await card(page, 'B').locator('.cf-option-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect([...owners].sort()).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
  // Acme (the most frequent, first) gets a color of the user's choosing.
  expect(owners[0]).toBe('Acme');
  await card(page, 'B').locator('.cf-color').first().evaluate((el) => {
    const input = el as HTMLInputElement;
    input.value = '#ff0000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // 身高 becomes a number column of the user's own; Notes is left alone.
  await card(page, 'H').locator('.cf-adopt-role').selectOption('_own');
  await card(page, 'H').locator('.cf-adopt-type').selectOption('number');
  await card(page, 'G').locator('.cf-adopt-role').selectOption('');
  expect(await card(page, 'H').locator('.cf-adopt-changed').count()).toBe(1);
  // "Check fit" recomputes the fit of the edited columns.
  await page.locator('.cf-adopt-recheck').click();
  await idle(page);
  expect(await card(page, 'H').locator('.cf-adopt-fit').textContent()).toContain('H7 “tall”');
  expect(await card(page, 'B').locator('.cf-color').first().inputValue()).toBe('#ff0000');

  await page.locator('.cf-adopt-button').click();
  await page.locator('.cf-adopt-report').waitFor({ timeout: 30_000 });
  await idle(page);
  expect(await page.locator('.cf-error:not([hidden])').count()).toBe(0);
  expect(await page.locator('.cf-adopt-report .cf-a1').allTextContents()).toEqual(['C4', 'D4', 'F6', 'H7']);

  // The sheet: nothing changed but rules, formats and validation.
  expect(values(emu)).toEqual(before);
  expect(cell(emu, 'B2').validation).toMatchObject({ criteria: 'VALUE_IN_LIST' });
  expect(cell(emu, 'B2').background).toBe('#ff0000');
  expect(cell(emu, 'H2').validation?.criteria).toMatch(/NUMBER/);
  expect(cell(emu, 'G2').validation).toBeNull();
  // The panel now shows the adopted columns as known.
  expect(await card(page, 'B').locator('.cf-adopt-known').count()).toBe(1);
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  expect(await page.title()).not.toBe('pwned');
  await page.context().close();
});

test('two columns with one meaning: a translated message in the panel, the column marked, nothing sent or changed', async () => {
  const emu = setup('zh-CN');
  const before = emu.snapshot();
  const s = await openSidebar(browser, addonHandlers(emu));
  const { page } = s;
  await openAdopt(page);
  await card(page, 'H').locator('.cf-adopt-role').selectOption('email');
  await page.locator('.cf-adopt-button').click();
  const error = page.locator('.cf-error:not([hidden]) .cf-error-text');
  await error.waitFor();
  expect(await error.textContent()).toBe(t('zh-CN', 'adopt.mapping.duplicateRole', { column: 'H', header: '身高', role: '邮箱', first: 'D' }));
  expect(await page.locator('.cf-invalid').getAttribute('data-column')).toBe('H');
  expect(s.calls.map((c) => c.name)).not.toContain('applyAdopt');
  expect(emu.snapshot()).toEqual(before);
  await page.context().close();
});

test('an error from the add-on (the sheet changed since it was read) is shown translated; nothing changes', async () => {
  const emu = setup('zh-CN');
  const s = await openSidebar(browser, addonHandlers(emu));
  const { page } = s;
  await openAdopt(page);
  emu.typeValue('C1', '座机');
  const before = emu.snapshot();
  await page.locator('.cf-adopt-button').click();
  const error = page.locator('.cf-error:not([hidden]) .cf-error-text');
  await error.waitFor();
  expect(await error.textContent()).toBe(t('zh-CN', 'adopt.mapping.stale', { column: 'C', header: '座机' }));
  expect(emu.snapshot()).toEqual(before);
  await page.context().close();
});

test('screenshots at 300 px in English and Chinese; nothing overflows sideways', async () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const emu = setup(locale);
    const s = await openSidebar(browser, addonHandlers(emu), { height: 1600 });
    await openAdopt(s.page);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const out = join(__dirname, '..', '..', 'dist', 'test', `adopt-${locale}.png`);
    mkdirSync(join(out, '..'), { recursive: true });
    await s.page.screenshot({ path: out, fullPage: true });
    await s.page.context().close();
  }
});
