/**
 * The Funnel sheet in the playground (the built add-on on the emulator, in headless Chromium): after
 * "Adopt this sheet" and "Build or refresh the funnel", the page shows the Funnel sheet with its four
 * charts drawn as SVG: the funnel as centred bars (the transparent spacer not drawn) labelled with
 * counts and percents, in English and in Chinese. Screenshots go to dist/test/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { explained, launchBrowser, ROOT, startPlayground, type Playground } from './launch';

jest.setTimeout(120_000);

const EN = [
  'Client ID,Company,Name,Owner,Channel,Stage,Deal value,Created',
  'C1,Acme,Ann,Amy,Website,Lead,1000,2026-01-05',
  'C2,Globex,Bob,Ben,Referral,Proposal,2500,2026-02-06',
  'C3,Initech,Cai,Amy,Website,Won,5000,2026-02-08',
  'C4,Umbrella,Dan,Ben,Event,Lost,7000,2026-03-09',
  'C5,Hooli,Eve,Amy,Referral,Contacted,100,2026-03-20',
  'C6,Vandelay,Fay,Cy,Event,Negotiation,3000,2026-03-21',
  'C7,Stark,Gus,Amy,Website,Qualified,,2026-01-11',
  'C8,Wayne,Hal,Ben,Website,Won,8000,2026-01-30',
].join('\n');

const ZH = [
  '客户编号,客户名称,联系人,负责人,客户来源,跟进阶段,成交金额,创建日期',
  'K1,华为,张伟,王芳,官网,潜在客户,1200,2026-01-05',
  'K2,腾讯,李娜,刘洋,转介绍,初步接触,2500,2026-02-06',
  'K3,阿里,陈静,王芳,展会,方案报价,5000,2026-02-08',
  'K4,百度,赵磊,刘洋,官网,成交,7000,2026-03-09',
  'K5,京东,孙丽,王芳,展会,流失,3000,2026-03-20',
  'K6,美团,周杰,刘洋,转介绍,商务谈判,9000,2026-03-21',
  'K7,小米,吴敏,王芳,官网,需求分析,,2026-01-11',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function runMenu(page: Page, fn: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.hover('#menu-popup [data-menu="ClientFlow"]');
  await page.click(`.sub-popup [data-fn="${fn}"]`);
  // Every dialog of the run is answered with its main button (YES for the adoption).
  for (let i = 0; i < 6; i++) {
    await Promise.race([
      page.waitForSelector('#overlay:not([hidden]) #dialog button.primary', { timeout: 60_000 }),
      page.waitForFunction((name) => (document.querySelector('#status')?.textContent ?? '').startsWith(`${name}:`) && (document.querySelector('#overlay') as HTMLElement).hidden, fn, { timeout: 60_000 }),
    ]);
    if (await page.isHidden('#overlay')) break;
    await page.click('#dialog button.primary');
  }
  await page.waitForFunction((name) => (document.querySelector('#status')?.textContent ?? '').startsWith(`${name}:`), fn);
}

async function session(locale: 'en' | 'zh-CN', csv: string, sheet: string): Promise<{ titles: string[]; funnelBars: number; labels: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-funnel-'));
  const file = join(dir, 'clients.csv');
  writeFileSync(file, csv);
  const pg: Playground = await startPlayground(['--data', file, '--locale', locale]);
  try {
    const page = await browser.newPage({ viewport: { width: 1680, height: 1000 } });
    // A failure also tells what the page showed (see explained).
    return await explained(() => page, () => pg, async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pg.url);
      await page.waitForSelector('body[data-ready="true"]');
      await runMenu(page, 'menuAdopt');
      await runMenu(page, 'menuBuildFunnel');
      await page.waitForSelector(`#tabs .tab.active[data-sheet="${sheet}"]`);
      await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 4);
      const titles = await page.locator('.chart svg').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const funnel = page.locator('.chart[data-chart-type="BAR"] svg');
      // One drawn bar per stage: the spacer series is transparent and not drawn.
      const funnelBars = await funnel.locator('rect[fill="#4285f4"]').count();
      const labels = await funnel.locator('text').allTextContents();
      // Scroll so the charts (right of the figures) show, for the screenshot.
      await page.locator('.chart').first().scrollIntoViewIfNeeded();
      const shots = join(ROOT, 'dist', 'test');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `funnel-${locale}.png`) });
      expect(errors).toEqual([]);
      await page.close();
      return { titles, funnelBars, labels };
    });
  } finally {
    await pg.stop();
  }
}

test('English: the Funnel sheet and its charts are drawn', async () => {
  const s = await session('en', EN, 'Funnel');
  expect(s.titles).toEqual(['Funnel: clients who reached each stage', 'New clients per month', 'Clients and deal value by channel', 'Clients and deal value by owner']);
  expect(s.funnelBars).toBe(6);
  expect(s.labels).toEqual(expect.arrayContaining(['Lead  8 (100%)', 'Won  2 (25%)']));
});

test('Chinese: the Funnel sheet and its charts are drawn', async () => {
  const s = await session('zh-CN', ZH, '销售漏斗');
  expect(s.titles).toEqual(['销售漏斗：到达各阶段的客户数', '每月新增客户', '各客户来源的客户数与金额', '各负责人的客户数与金额']);
  expect(s.funnelBars).toBe(6);
  expect(s.labels).toEqual(expect.arrayContaining(['潜在客户  7 (100%)']));
});
