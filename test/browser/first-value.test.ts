/**
 * Install to first value: the listing's promise walked in the playground as a new user does, in both
 * languages, at the Marketplace's screenshot size (1280×800): open → adopt the demo → check → clean →
 * find duplicates → funnel. Each step is one line of JOURNEY; a step runs only when its menu function
 * is in the built dist/Code.js. A step whose function is not built yet is reported as a jest "todo"
 * (never as a pass), and docs/marketplace/claims.json may only name steps that ran and passed (checked
 * by test/market/listing.test.ts).
 *
 * Screenshots: dist/test/first-value/<locale>/; `npm run screenshots` (CLIENTFLOW_SCREENSHOTS=docs) writes
 * them to docs/marketplace/screenshots/<locale>/ for the listing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { topLevelFunctions } from '../../dev/harness';
import { explained, launchBrowser, ROOT, startPlayground, type Playground } from './launch';

jest.setTimeout(180_000);

export const SCREEN = { width: 1280, height: 800 };
type Locale = 'en' | 'zh-CN';

interface Step {
  id: string;
  /** The menu function the step clicks (null: no menu, the first open). */
  fn: string | null;
  /** Text the page must show once the step is done (the dialog's last message or the grid). */
  shows: Record<Locale, RegExp>;
}

/** The journey, in order. A later feature joins it with one line here once its menu function exists. */
export const JOURNEY: readonly Step[] = [
  { id: 'open', fn: null, shows: { en: /ClientFlow/, 'zh-CN': /ClientFlow/ } },
  { id: 'adopt', fn: 'menuAdopt', shows: { en: /Stage/, 'zh-CN': /阶段/ } },
  { id: 'check', fn: 'menuValidateAll', shows: { en: /break their column's rules|rows are valid/, 'zh-CN': /不符合所在列的规则|均有效/ } },
  { id: 'clean', fn: 'menuCleanUp', shows: { en: /clean|changed|tidied/i, 'zh-CN': /清理|整理|改动/ } },
  { id: 'duplicates', fn: 'menuFindDuplicates', shows: { en: /duplicate/i, 'zh-CN': /重复/ } },
  { id: 'funnel', fn: 'menuBuildFunnel', shows: { en: /Funnel of /, 'zh-CN': /漏斗/ } },
];

const BUILT = new Set(topLevelFunctions(readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8')));
export const isBuilt = (s: Step): boolean => s.fn === null || BUILT.has(s.fn);

/** The name of a step's test: claims.json names tests by this. */
export const stepTitle = (locale: Locale, s: Step): string => `${locale}: ${s.id}${s.fn ? ` (${s.fn})` : ''}`;

function shotsDir(locale: Locale): string {
  const dir =
    process.env.CLIENTFLOW_SCREENSHOTS === 'docs'
      ? join(ROOT, 'docs', 'marketplace', 'screenshots', locale)
      : join(ROOT, 'dist', 'test', 'first-value', locale);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#status')?.classList.contains('busy'), null, { timeout: 120_000 });
}

async function runMenu(page: Page, fn: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.hover('#menu-popup [data-menu="ClientFlow"]');
  await page.click(`.sub-popup [data-fn="${fn}"]`);
}

/**
 * Answers the action's dialogs as a new user does (YES to a confirmation, the main button otherwise)
 * until the script is done; returns every dialog's message, the last one left on screen for the shot.
 */
async function carryThrough(page: Page, fn: string): Promise<string[]> {
  const messages: string[] = [];
  for (let i = 0; i < 8; i++) {
    await Promise.race([
      page.waitForSelector('#overlay:not([hidden]) #dialog button.primary', { timeout: 120_000 }),
      page.waitForFunction(
        () => !document.querySelector('#status')?.classList.contains('busy') && (document.querySelector('#overlay') as HTMLElement).hidden,
        null,
        { timeout: 120_000 },
      ),
    ]);
    if (await page.isHidden('#overlay')) break;
    messages.push((await page.textContent('#dialog .message')) ?? '');
    const yes = page.locator('#dialog [data-button="YES"]');
    const last = (await yes.count()) === 0 && (await page.locator('#dialog button').count()) === 1;
    if (last) break; // a summary with only OK: left open for the screenshot, closed after
    await ((await yes.count()) > 0 ? yes.click() : page.click('#dialog button.primary'));
  }
  await page.waitForFunction(
    (name) =>
      (document.querySelector('#status')?.textContent ?? '').startsWith(`${name}:`) ||
      !(document.querySelector('#overlay') as HTMLElement).hidden,
    fn,
    { timeout: 120_000 },
  );
  return messages;
}

/** Waits until the open sidebar (if any) has drawn its panel and no call is running: what the user sees. */
async function sidebarSettled(page: Page): Promise<void> {
  const handle = await page.$('#sidebar-frame');
  if (!handle || !(await handle.isVisible())) return;
  const frame = await handle.contentFrame();
  if (!frame) return;
  await frame.waitForFunction(
    () => {
      const body = document.querySelector('.cf-panel-body');
      return !!body && (body.textContent ?? '').trim() !== '' && !document.querySelector('[aria-busy="true"]');
    },
    null,
    { timeout: 120_000 },
  );
}

async function closeDialog(page: Page): Promise<void> {
  if (await page.isVisible('#overlay')) await page.click('#dialog button.primary');
  await idle(page);
}

describe.each(['en', 'zh-CN'] as const)('install to first value (%s)', (locale) => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pg = await startPlayground(['--data', join(ROOT, 'dev', 'playground', 'demo.csv'), '--locale', locale]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: SCREEN });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
  });

  JOURNEY.forEach((step, i) => {
    if (!isBuilt(step)) {
      test.todo(`${stepTitle(locale, step)}: not in dist/Code.js yet`);
      return;
    }
    // A failure also tells what the page and the sidebar showed (see explained).
    test(stepTitle(locale, step), () => explained(() => page, () => pg, async () => {
      let text: string;
      if (step.fn === null) {
        await page.waitForSelector('.cell[data-a1="A1"]');
        await page.click('#menu-extensions');
        await page.hover('#menu-popup [data-menu="ClientFlow"]');
        await page.waitForSelector('.sub-popup [data-fn="menuAdopt"]');
        text = (await page.textContent('.sub-popup')) ?? '';
      } else {
        // Toasts of earlier steps would still be on the step's screenshot: only its own are shown.
        await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
        await runMenu(page, step.fn);
        const messages = await carryThrough(page, step.fn);
        text = [...messages, (await page.textContent('#grid')) ?? ''].join('\n');
      }
      expect(text).toMatch(step.shows[locale]);
      await page.mouse.move(640, 400);
      await sidebarSettled(page);
      await page.screenshot({ path: join(shotsDir(locale), `${String(i + 1).padStart(2, '0')}-${step.id}.png`) });
      // No message placeholder (`{hint}`, `{count}`) reaches what the user sees, in the page or the sidebar.
      for (const f of page.frames()) expect(await f.locator('body').innerText().catch(() => '')).not.toMatch(/\{[A-Za-z]\w*\}/);
      if (step.fn === null)
        await page.click('#menu-extensions'); // closes the menu
      else await closeDialog(page);
      expect(pageErrors).toEqual([]);
    }));
  });
});
