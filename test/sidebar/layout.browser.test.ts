/**
 * What a 300 px sidebar shows of the demo table (dev/playground/demo.csv), adopted, in English and
 * Chinese: no word of a label is cut in two across lines (a table column squeezed narrower than its
 * header: "Reache|d"), and nothing sticks out past the sidebar's right edge. Runs the built add-on on the
 * emulator behind the real dist/Sidebar.html. Run `node build.mjs` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { addonHandlers, launch, openPanel, openSidebar } from './harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function adoptedDemo(locale: 'en' | 'zh-CN', data: string[][] = rows) {
  const emu = createEmulator({ userLocale: locale, spreadsheetLocale: locale === 'en' ? 'en_US' : 'zh_CN' });
  emu.loadRows(data);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  return emu;
}

/**
 * Words (runs of Latin letters and digits) of the elements under `selector` that the browser broke
 * across two lines, and elements reaching past the right edge of the page.
 */
async function cut(page: Page, selector: string): Promise<{ broken: string[]; overflow: string[] }> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    const overflow: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const root of Array.from(document.querySelectorAll(sel))) {
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (el.getBoundingClientRect().right > width + 0.5) overflow.push(`${el.tagName}.${el.className}`);
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/[A-Za-z0-9]{2,}/g)) {
          const range = document.createRange();
          range.setStart(n, m.index ?? 0);
          range.setEnd(n, (m.index ?? 0) + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return { broken, overflow };
  }, selector);
}

test.each(['en', 'zh-CN'] as const)('%s: the Funnel panel\'s stage table keeps its words whole and inside 300 px', async (locale) => {
  const emu = adoptedDemo(locale);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100, browserLocale: locale });
  const { page } = s;
  await openPanel(page, 'funnel');
  await page.locator('.cf-funnel-load').click();
  await page.locator('.cf-funnel-stages').waitFor({ timeout: 30_000 });
  expect(await cut(page, '.cf-funnel-figures, .cf-funnel-stages')).toEqual({ broken: [], overflow: [] });
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('zh-CN: the Follow-ups panel counts in full-width parentheses, and keeps inside 300 px', async () => {
  const emu = adoptedDemo('zh-CN');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100, browserLocale: 'zh-CN' });
  const { page } = s;
  await openPanel(page, 'followups');
  await page.locator('.cf-followups-refresh').click();
  await page.locator('.cf-followups-count').first().waitFor({ timeout: 30_000 });
  const counts = await page.locator('.cf-followups-count').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const c of counts) expect(c).toMatch(/^（\d+）$/);
  expect((await cut(page, '.cf-followups-group')).overflow).toEqual([]);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('the client form: every field as wide as the sidebar, the same look for phone, email and text, notes several lines high', async () => {
  const emu = adoptedDemo('en');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'form');
  await page.locator('.cf-form-new').click();
  await page.locator('.cf-form-input').first().waitFor({ timeout: 30_000 });
  const fields = await page.locator('.cf-form-input:not([type="checkbox"])').evaluateAll((els) => els.map((e) => {
    const st = getComputedStyle(e);
    return { tag: e.tagName, type: e.getAttribute('type'), width: Math.round(e.getBoundingClientRect().width), border: st.borderLeftColor, height: Math.round(e.getBoundingClientRect().height) };
  }));
  const form = await page.locator('.cf-form').evaluate((e) => Math.round(e.getBoundingClientRect().width));
  expect(fields.length).toBeGreaterThan(5);
  for (const f of fields) expect([f.tag, f.type, f.width]).toEqual([f.tag, f.type, form]);
  const text = fields.find((f) => f.type === 'text');
  for (const f of fields.filter((x) => x.type === 'tel' || x.type === 'email')) expect(f.border).toBe(text?.border);
  expect(fields.find((f) => f.tag === 'TEXTAREA')?.height).toBeGreaterThan(45);
  expect((await cut(page, '.cf-form')).overflow).toEqual([]);
  await page.context().close();
}, 90_000);

test.each(['en', 'zh-CN'] as const)('%s: on an adopted table, choosing a template says that only "Start over from template" uses it', async (locale) => {
  const emu = adoptedDemo(locale);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100, browserLocale: locale });
  const { page } = s;
  await openPanel(page, 'setup');
  await page.locator('.cf-template-select').waitFor({ timeout: 30_000 });
  const headers = async () => page.locator('.cf-header-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const before = await headers();
  await page.locator('.cf-template-select').selectOption('ecommerce');
  const hint = page.locator('.cf-template-pending');
  await hint.waitFor();
  expect(await hint.textContent()).toMatch(locale === 'en' ? /Start over from template/ : /按模板重新开始/);
  expect(await headers()).toEqual(before); // nothing replaced by the choice alone
  await page.locator('.cf-load-template').click();
  await hint.waitFor({ state: 'detached' });
  expect(await headers()).not.toEqual(before);
  expect(s.errors).toEqual([]);
  await page.context().close();
}, 90_000);

test('the Adopt panel counts one formula in the singular, and a cleanup message starts with a capital', async () => {
  const emu = adoptedDemo('en');
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'adopt');
  await page.locator('.cf-adopt-apply, button:has-text("Adopt")').first().waitFor({ timeout: 30_000 });
  // Column P (备注) of the demo holds one formula.
  const text = await page.locator('body').innerText();
  expect(text).toContain('1 formula (kept as it is)');
  expect(text).not.toMatch(/\b1 formulas\b/);
  await openPanel(page, 'cleanup');
  await page.locator('.cf-cleanup-preview').click();
  await page.locator('.cf-cell-message').first().waitFor({ timeout: 30_000 });
  for (const m of await page.locator('.cf-cell-message').allTextContents()) expect(m).toMatch(/^[A-Z]/);
  await page.context().close();
}, 90_000);

test('a very long name without spaces wraps inside the sidebar in the follow-ups and the duplicates', async () => {
  const long = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflege GmbH';
  const data = rows.map((r, i) => (i === 1 || i === 2 ? r.map((v, j) => (j === 2 ? long : v)) : r));
  const emu = adoptedDemo('en', data);
  const s = await openSidebar(browser, addonHandlers(emu), { height: 1100 });
  const { page } = s;
  await openPanel(page, 'followups');
  await page.locator('.cf-followups-refresh').click();
  await page.locator('.cf-followup-label').first().waitFor({ timeout: 30_000 });
  expect(await page.locator('.cf-followup-label', { hasText: long }).count()).toBeGreaterThan(0);
  expect((await cut(page, '.cf-followups-group')).overflow).toEqual([]);
  await openPanel(page, 'duplicates');
  await page.locator('.cf-dupe-load, button:has-text("Find duplicates")').first().click();
  await page.locator('.cf-dupe-message').waitFor({ timeout: 30_000 });
  expect((await cut(page, '.cf-dupe-results')).overflow).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  await page.context().close();
}, 90_000);
