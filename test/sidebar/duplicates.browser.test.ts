/**
 * The Duplicates panel in the real sidebar (dist/Sidebar.html in headless Chromium) driving the built
 * add-on (dist/Code.js) on the emulator: the clusters with why, the records side by side with the
 * differing columns marked, "Not duplicates" taking a cluster away for good; a value that looks like
 * markup stays text. Run `node build.mjs` first.
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

test('the panel merges a group as reviewed: a value picked per column, a backup first, the notice, the group gone', async () => {
  const emu = createEmulator({ userLocale: 'en' });
  // Phones without their '+' (pasted, '+1 415…' is a formula Sheets cannot compute: #ERROR!, and a
  // merge that would move a formula is refused).
  emu.loadRows(DATA.map((r) => r.map((v) => (/^\+\d/.test(v) ? v.slice(1) : v))));
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400 });
  const { page } = s;
  await openPanel(page, 'duplicates');
  await page.locator('.cf-dupe-load').click();
  await page.locator('.cf-dupe-cluster').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-dupe-rules').textContent()).toMatch(/Orders, Purchases and Total spend are added up/);
  // The backup box is ticked by default; the most complete record is the one kept.
  expect(await page.locator('.cf-dupe-backup-box').isChecked()).toBe(true);
  expect(await page.locator('.cf-dupe-keep:checked').getAttribute('data-fingerprint')).toBe('id:C1');
  // Keep C1, but take the name as row 3 writes it.
  await page.locator('.cf-dupe-choices summary').click();
  const nameChoice = page.locator('.cf-dupe-choice[data-column="Name"] select');
  await nameChoice.selectOption('id:C2');
  await page.locator('.cf-dupe-merge').click();
  await page.locator('.cf-dupe-none').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-notice').textContent()).toMatch(/^Merged 1 group: 1 row moved to the archive sheet\..*\nA backup was made first/s);
  const sheets = emu.snapshot().sheets;
  const table = sheets[0]!.values;
  expect(table.filter((r) => /Smith/.test(String(r[1])))).toHaveLength(1);
  expect(table.find((r) => r[0] === 'C1')?.[1]).toBe('Jon Smith');
  expect(table.some((r) => r[0] === 'C2')).toBe(false);
  expect(sheets.filter((x) => /^ClientFlow backup/.test(x.name))).toHaveLength(1);
  // The note that looks like markup stayed text all along.
  expect(await page.locator('img').count()).toBe(0);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('zh-CN: “合并相似度不低于此值的所有组” merges 张伟 and Zhang Wei without a backup when the box is cleared', async () => {
  const emu = createEmulator({ userLocale: 'zh-CN' });
  emu.loadRows([
    ['客户名称', '公司', '邮箱', '手机', '阶段', '备注'],
    ['张伟', '华为', 'zhangwei@huawei.com', '138 0013 8000', '线索', '喜欢喝茶'],
    ['李强', '腾讯', 'liqiang@tencent.com', '139 0013 9000', '线索', ''],
    ['Zhang Wei', '', 'ZhangWei@huawei.com', '13800138000', '成交', '要报价'],
    ['王芳', '阿里巴巴', 'wangfang@alibaba.com', '137 0013 7000', '线索', ''],
  ]);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1400, browserLocale: 'zh-CN' });
  const { page } = s;
  await openPanel(page, 'duplicates');
  await page.locator('.cf-dupe-load').click();
  await page.locator('.cf-dupe-cluster').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-dupe-rules').textContent()).toMatch(/^合并规则：/);
  // Records side by side, the choices and the buttons fit the 300 px sidebar.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  const shot = join(__dirname, '..', '..', 'dist', 'test', 'duplicates-zh-CN.png');
  mkdirSync(join(shot, '..'), { recursive: true });
  await page.locator('.cf-dupe-choices summary').click();
  await page.screenshot({ path: shot, fullPage: true });
  await page.locator('.cf-dupe-backup-box').uncheck();
  const score = Number(/(\d+(?:\.\d+)?)%/.exec((await page.locator('.cf-dupe-cluster h3').textContent()) ?? '')?.[1]);
  await page.locator('.cf-dupe-min-score').fill(String(Math.floor(score) + 1));
  expect(await page.locator('.cf-dupe-merge-above').textContent()).toBe('合并 0 组');
  await page.locator('.cf-dupe-min-score').fill(String(Math.floor(score)));
  expect(await page.locator('.cf-dupe-merge-above').textContent()).toBe('合并 1 组');
  await page.locator('.cf-dupe-merge-above').click();
  await page.locator('.cf-dupe-none').waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-notice').textContent()).toBe('已合并 1 组：1 行已移到归档表。“撤销上一次 ClientFlow 修改”可全部恢复。');
  const sheets = emu.snapshot().sheets;
  const rows = sheets[0]!.values.filter((r) => r[2] === 'zhangwei@huawei.com' || r[2] === 'ZhangWei@huawei.com');
  expect(rows).toHaveLength(1);
  expect(rows[0]![4]).toBe('成交');
  expect(rows[0]![5]).toBe('喜欢喝茶\n要报价');
  expect(sheets.some((x) => /备份|backup/i.test(x.name))).toBe(false);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);
