/**
 * The Cleanup panel in the real sidebar (dist/Sidebar.html in headless Chromium, 300 px) driving the
 * built add-on (dist/Code.js) on the emulator: the preview by kind with before → after samples (cell
 * text as text), a kind switched off, apply, undo. Run `node build.mjs` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEmulator, type EmulatorExt } from '../../dev/emulator';
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
  ['客户名称', '邮箱', '手机', '阶段', '成交金额', 'Notes'],
  [`  ${XSS} `, 'MAILTO:ZW@Example.cn', '138 0013 8000', '线索', '1.2万', 'x'],
  ['李娜', ' LN@example.cn', 'tel:13900139000', '成交', '¥1,200', 'مرحبا 👋'],
  ['王芳', 'wf@example.cn', '+86 137 0013 7000', '成交', '5 USD', ''],
  ['Ann Lee', 'ann@example.com', '13600136000', '线索', '5000', 'ok'],
];

function setup(locale: 'en' | 'zh-CN'): EmulatorExt {
  const emu = createEmulator({ userLocale: locale, spreadsheetLocale: 'zh_CN', timeZone: 'Asia/Shanghai' });
  emu.loadRows(DATA);
  emu.queueAnswers(['YES', 'OK']);
  loadAddon(emu).menu('menuAdopt');
  return emu;
}

const values = (emu: EmulatorExt) => emu.snapshot().sheets.find((s) => s.name === 'Sheet1')?.values ?? [];
const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));

async function preview(page: Page): Promise<void> {
  await openPanel(page, 'cleanup');
  await page.locator('.cf-cleanup-preview').click();
  await page.locator('.cf-cleanup-kind').first().waitFor({ timeout: 30_000 });
  await idle(page);
}

test('preview by kind with samples, switch a kind off, apply, undo', async () => {
  const emu = setup('en');
  const before = values(emu);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400 });
  const { page } = s;
  await preview(page);
  const kind = (k: string) => page.locator(`.cf-cleanup-kind[data-kind="${k}"]`);
  expect(await kind('email').locator('.cf-cleanup-count').textContent()).toBe('2');
  expect(await kind('formulaPhone').locator('.cf-cleanup-sample').textContent()).toBe('D4 =+86 137 0013 7000 → +8613700137000'.replace('D4', 'C4'));
  // Cell text is text: the markup in a name is shown, never run.
  expect(await kind('whitespace').locator('.cf-from').first().textContent()).toBe(`  ${XSS} `);
  // The spaces cleanup trims are marked, so the sample does not read as no change.
  expect(await kind('whitespace').locator('.cf-from').first().locator('.cf-ws').allTextContents()).toEqual(['  ', ' ']);
  expect(await page.locator('.cf-cleanup-kinds img').count()).toBe(0);
  expect(await page.locator('.cf-left-value').allTextContents()).toContain('5 USD');

  // Phones off: the count on the button drops, and phones stay as they are.
  const total = Number((await page.locator('.cf-cleanup-apply').textContent())?.match(/\((\d+)\)/)?.[1]);
  await kind('phone').locator('input[type=checkbox]').uncheck();
  await idle(page);
  const phones = Number(await kind('phone').locator('.cf-cleanup-count').textContent());
  expect(await page.locator('.cf-cleanup-apply').textContent()).toBe(`Clean up (${total - phones})`);
  // A backup first: the box is ticked by default, and the backup holds the table as it was.
  expect(await page.locator('.cf-cleanup-backup-box').isChecked()).toBe(true);
  await page.locator('.cf-cleanup-apply').click();
  await idle(page);
  expect(emu.snapshot().sheets.filter((x) => /^ClientFlow backup/.test(x.name)).map((x) => x.values)).toEqual([before]);
  expect(await page.locator('.cf-notice').textContent()).toMatch(/A backup was made first/);
  const after = values(emu);
  expect(after[1]?.slice(0, 3)).toEqual([XSS, 'zw@example.cn', '138 0013 8000']);
  expect(after[3]?.[2]).toBe('+8613700137000');
  expect(await page.evaluate(() => document.title)).not.toBe('pwned');
  const out = join(__dirname, '..', '..', 'dist', 'test', 'cleanup-en.png');
  mkdirSync(join(out, '..'), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });

  await page.locator('.cf-cleanup-undo').click();
  await idle(page);
  expect(values(emu)).toEqual(before);
  // The undo says what it did, above the new preview (its message is not wiped by the reload).
  expect(await page.locator('.cf-notice').textContent()).toMatch(/^Undone: \d+ cells put back as they were\./);
  await page.locator('.cf-cleanup-kind').first().waitFor();
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  await page.context().close();
});

test('Chinese, at 300 px: nothing overflows sideways', async () => {
  const emu = setup('zh-CN');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400 });
  await preview(s.page);
  expect(await s.page.locator('.cf-cleanup-kind[data-kind="email"] .cf-cleanup-label').textContent()).toBe('整理邮箱');
  // Counts in full-width parentheses, as Chinese writes them.
  expect(await s.page.locator('.cf-cleanup-apply').textContent()).toMatch(/^清理（\d+）$/);
  expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  const out = join(__dirname, '..', '..', 'dist', 'test', 'cleanup-zh-CN.png');
  mkdirSync(join(out, '..'), { recursive: true });
  await s.page.screenshot({ path: out, fullPage: true });
  await s.page.context().close();
});
