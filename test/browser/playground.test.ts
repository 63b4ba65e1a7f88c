/**
 * Browser tests: the built playground (dist/dev/playground.js, running dist/Code.js on the emulator)
 * driven in headless Debian Chromium the way a person uses it. One playground and one page for the
 * whole file; the tests run in order and build on each other like one session:
 * load → menu opens the sidebar → the sidebar's Apply sets up a table → typing fires onEdit →
 * a menu's alerts are answered in the page's dialog. The screenshot goes to dist/test/; `npm run screenshots`
 * runs this file with CLIENTFLOW_SCREENSHOTS=docs to refresh the README's docs/playground.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/cli/csv';
import { explained, launchBrowser, ROOT, startPlayground, type Playground } from './launch';

/** Every wait below gives up (and explains itself, see `session`) well before jest's own timeout. */
jest.setTimeout(300_000);

const DEMO = join(ROOT, 'dev', 'playground', 'demo.csv');
const FIXTURE = join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv');

let pg: Playground;
let browser: Browser;
let page: Page;
/** Outside requests that went through (the add-on's HTML links Google's add-on stylesheet; the
 * playground's Content-Security-Policy must block it before anything leaves the machine). */
const externalLoads: string[] = [];
let addonCsp = '';
const pageErrors: string[] = [];

function dataFile(): string {
  try {
    readFileSync(DEMO);
    return DEMO;
  } catch {
    return FIXTURE;
  }
}

beforeAll(async () => {
  pg = await startPlayground(['--data', dataFile()]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  // Waits and clicks that name no timeout: room for a loaded 2-core machine (each step takes < 1 s here).
  page.setDefaultTimeout(60_000);
  const outside = (url: string) => !url.startsWith(pg.url) && !url.startsWith('data:') && !url.startsWith('about:');
  page.on('requestfinished', (r) => {
    if (outside(r.url())) externalLoads.push(r.url());
  });
  page.on('response', (r) => {
    if (/\/html\/\d+$/.test(r.url())) addonCsp = r.headers()['content-security-policy'] ?? '';
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pg.url);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await pg?.stop();
});

/** A test of this session: a failure also tells what the page and the sidebar showed (see explained). */
function session(name: string, body: () => Promise<void>): void {
  test(name, () => explained(() => page, () => pg, body));
}

async function runMenu(fn: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.hover('#menu-popup [data-menu="ClientFlow"]');
  await page.click(`.sub-popup [data-fn="${fn}"]`);
}

/** Column number of the header cell with this text in the frozen header row. */
async function columnOf(header: string | RegExp): Promise<number> {
  const cell = page.locator('.cell[data-r="1"]', { hasText: typeof header === 'string' ? new RegExp(`^${header}$`) : header }).first();
  await cell.waitFor();
  return Number(await cell.getAttribute('data-c'));
}

function letter(c: number): string {
  let s = '';
  for (let x = c; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A cell's text, read in one step (the grid re-renders rows as it scrolls and refreshes). */
function cellText(a1: string): Promise<string | null> {
  return page.evaluate((ref) => document.querySelector(`.cell[data-a1="${ref}"]`)?.textContent ?? null, a1);
}

async function idle(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#status')?.classList.contains('busy'));
}

session('the playground loads and shows the table rows under a frozen header', async () => {
  const rows = parseCsv(readFileSync(dataFile(), 'utf8'));
  const header = rows[0] ?? [];
  await page.waitForSelector('.cell[data-a1="A1"]');
  expect(await cellText('B1')).toBe(header[1]);
  // A data row as loaded (a text cell shows exactly what was typed).
  const name = (rows[1] ?? [])[1] ?? '';
  expect(await cellText('B2')).toBe(name);
  // Only the rows in view are in the page (virtualized), yet the sheet is as tall as the data.
  const rendered = await page.locator('#body .row').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(rows.length + 50);
  const last = rows.length; // the last data row's number
  // Scroll the last data row into view (rows are 24 px high, as in Sheets).
  await page.locator('#grid').evaluate((g, row) => g.scrollTo(0, (row - 10) * 24), last);
  // Rows scrolled into view are fetched from the server (only a window of rows is ever sent).
  await page.waitForSelector(`#body .row:not(.loading) .cell[data-a1="B${last}"]`);
  expect(await cellText(`B${last}`)).toBe((rows[last - 1] ?? [])[1]);
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 0));
  expect(await page.textContent('#tabs')).toContain('Sheet1');
});

session('the add-on menu opens the real sidebar, which reaches the add-on through google.script.run', async () => {
  await runMenu('menuOpenSidebar');
  await page.waitForSelector('#sidebar:not([hidden])');
  const frame = page.frameLocator('#sidebar-frame');
  // On a sheet of clients that is not a table yet the sidebar opens on Adopt, where it helps; the
  // person goes to Set up. Panels render after their google.script.run calls (getBootstrap…) answer.
  await frame.locator('.cf-tab.current', { hasText: 'Adopt' }).waitFor({ timeout: 60_000 });
  // Clicked while Adopt's own call (previewAdopt) may still run: the click must land on Set up all the
  // same (nothing above the tabs may move when a call ends), and Set up draws its fields and Apply.
  await frame.locator('.cf-tab', { hasText: 'Set up' }).click();
  await frame.locator('.cf-tab.current', { hasText: 'Set up' }).waitFor({ timeout: 10_000 });
  await frame.locator('.cf-apply-button').waitFor({ timeout: 60_000 });
  const width = await page.locator('#sidebar-frame').evaluate((f) => f.getBoundingClientRect().width);
  expect(width).toBe(300);
});

session("the sidebar's Apply sets up a table that appears in the grid", async () => {
  const tabsBefore = await page.locator('#tabs .tab').count();
  await page.frameLocator('#sidebar-frame').locator('.cf-apply-button').click();
  // The table goes to a new sheet (Sheet1 holds data), which the add-on activates.
  await page.waitForFunction((n) => document.querySelectorAll('#tabs .tab').length > n, tabsBefore, { timeout: 90_000 });
  await idle();
  // The new sheet is shown; the template's header is bold and frozen, and list columns carry dropdowns.
  await page.waitForFunction(() => {
    const active = document.querySelector('#tabs .tab.active')?.textContent;
    const head = [...document.querySelectorAll<HTMLElement>('#frozen .cell')].find((e) => e.textContent === 'Name');
    return active !== 'Sheet1' && head !== undefined && getComputedStyle(head).fontWeight === '700' && document.querySelector('#body .cell select') !== null;
  });
  const nameCol = await columnOf('Name');
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 600));
  await page.waitForSelector('#body .cell[data-a1="A40"]');
  // Measured in one step in the page (the grid re-renders its rows as it scrolls, so an element
  // found first and measured later may already be replaced).
  const offset = await page.evaluate((a1) => {
    const head = document.querySelector(`#frozen .cell[data-a1="${a1}"]`);
    const grid = document.querySelector('#grid');
    return head && grid ? head.getBoundingClientRect().top - grid.getBoundingClientRect().top : null;
  }, `${letter(nameCol)}1`);
  await page.locator('#grid').evaluate((g) => g.scrollTo(0, 0));
  expect(offset).not.toBeNull();
  expect(offset).toBeLessThan(60);
});

session('typing into a cell fires onEdit: the auto fields fill in', async () => {
  const nameCol = await columnOf('Name');
  const idCol = await columnOf('Client ID');
  const updatedCol = await columnOf('Updated');
  const idCell = `#body .cell[data-a1="${letter(idCol)}2"]`;
  // The previous test scrolled back to the top: row 2 is drawn again on the next frame.
  await page.waitForSelector(idCell);
  expect(await cellText(`${letter(idCol)}2`)).toBe('');
  await page.click(`#body .cell[data-a1="${letter(nameCol)}2"]`);
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Enter');
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '') !== '', idCell, { timeout: 60_000 });
  expect(await cellText(`${letter(nameCol)}2`)).toBe('Ada Lovelace');
  expect((await cellText(`${letter(updatedCol)}2`))?.length).toBeGreaterThan(0);
  // Enter moved the selection down, as in Sheets.
  expect(await page.textContent('#cellref')).toBe(`${letter(nameCol)}3`);
});

session('pasting a block fires one onEdit for the whole block', async () => {
  const nameCol = await columnOf('Name');
  const idCol = await columnOf('Client ID');
  await page.click(`#body .cell[data-a1="${letter(nameCol)}3"]`);
  // What Sheets puts on the clipboard for two cells of a column: tab-separated text.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'Grace Hopper\nAlan Turing\n');
  const id4 = `#body .cell[data-a1="${letter(idCol)}4"]`;
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '') !== '', id4, { timeout: 60_000 });
  expect(await cellText(`${letter(nameCol)}3`)).toBe('Grace Hopper');
  expect(await cellText(`${letter(nameCol)}4`)).toBe('Alan Turing');
  const ids = await Promise.all([2, 3, 4].map((r) => cellText(`${letter(idCol)}${r}`)));
  expect(new Set(ids).size).toBe(3); // three clients, three different IDs
  await page.waitForFunction(() => /^paste [A-Z]+3: /.test(document.querySelector('#status')?.textContent ?? ''));
});

session("a menu's alerts are answered in the page's dialog and the script carries on", async () => {
  await page.click('#tabs .tab[data-sheet="Sheet1"]');
  await page.waitForSelector('#tabs .tab.active[data-sheet="Sheet1"]');
  const stageCol = await columnOf(/^(阶段|Stage)$/);
  const before = await page.evaluate((ref) => document.querySelector<HTMLElement>(`.cell[data-a1="${ref}"]`)?.style.background ?? '', `${letter(stageCol)}2`);
  await runMenu('menuAdopt');
  // The script is suspended on its confirmation (YES_NO): the page shows it as a modal dialog.
  await page.waitForSelector('#overlay:not([hidden]) #dialog [data-button="YES"]', { timeout: 60_000 });
  expect(await page.textContent('#dialog .message')).toMatch(/阶段|Stage/);
  await page.click('#dialog [data-button="YES"]');
  // Any further dialogs (the summary) are answered with their main button.
  for (let i = 0; i < 5; i++) {
    await Promise.race([
      page.waitForSelector('#overlay:not([hidden]) #dialog button.primary', { timeout: 60_000 }),
      page.waitForFunction(() => !document.querySelector('#status')?.classList.contains('busy') && (document.querySelector('#overlay') as HTMLElement).hidden, null, { timeout: 60_000 }),
    ]);
    if (await page.isHidden('#overlay')) break;
    await page.click('#dialog button.primary');
  }
  await idle();
  // The status line reports the finished run (service calls and simulated time of the whole script).
  await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').startsWith('menuAdopt:'));
  // The adopted table now carries the add-on's colors and dropdowns.
  await page.waitForFunction(([sel, bg]) => (document.querySelector(sel) as HTMLElement | null)?.style.background !== bg, [`#body .cell[data-a1="${letter(stageCol)}2"]`, before] as const);
  expect(await page.locator(`#body .cell[data-c="${stageCol}"] select`).count()).toBeGreaterThan(0);
  // For the README: a wider window, scrolled so the colored list columns (channel, owner, stage) show.
  await page.setViewportSize({ width: 1680, height: 900 });
  await page.locator('#grid').evaluate((g, col) => {
    // Scroll by whole columns (as Sheets does) until the stage column fits.
    const heads = [...g.querySelectorAll<HTMLElement>('.cell[data-r="1"]')];
    const x = (c: number) => {
      const cell = heads.find((h) => h.dataset.c === String(c));
      return cell ? cell.offsetLeft : 0;
    };
    const stageRight = x(col + 1) || x(col) + 120;
    let c = 1;
    while (c < col && stageRight - x(c) > g.clientWidth - 46) c += 1;
    g.scrollLeft = x(c) - x(1);
  }, stageCol);
  await page.mouse.move(700, 20);
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  const shots = process.env.CLIENTFLOW_SCREENSHOTS === 'docs' ? join(ROOT, 'docs') : join(ROOT, 'dist', 'test');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'playground.png') });
});

test('nothing was requested from outside the machine and the page threw no error', () => {
  expect(externalLoads).toEqual([]);
  expect(addonCsp).toContain("default-src 'none'");
  expect(pageErrors).toEqual([]);
});
