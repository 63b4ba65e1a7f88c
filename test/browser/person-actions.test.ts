/**
 * The playground does what a person does in Sheets, in headless Chromium: select a block (shift+arrows
 * or a drag) and clear it with Delete; copy cells in the page and paste them with their formats and
 * validation (Sheets' normal paste), or as text only (Ctrl+Shift+V); show each sheet's tab. The
 * screenshots of each tab go to test-results/playground/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ActionResult } from '../../dev/playground/protocol';
import { explained, launchBrowser, ROOT, startPlayground, type Playground } from './launch';

jest.setTimeout(180_000);

const FIXTURE = join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv');
const SHOTS = join(ROOT, 'test-results', 'playground');

let pg: Playground;
let browser: Browser;
let page: Page;
let token = '';
const pageErrors: string[] = [];

/** An action through the server's API, as the page sends it, answering any dialogs with `answers`. */
async function api(name: string, body: unknown, answers: string[] = []): Promise<ActionResult> {
  const post = async (n: string, b: unknown) => (await (await fetch(`${pg.url}api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-clientflow-token': token }, body: JSON.stringify(b) })).json()) as ActionResult;
  let r = await post(name, body);
  while (r.kind === 'dialog') r = await post('answer', { answer: answers.shift() ?? (r.dialog.buttons.includes('YES') ? 'YES' : 'OK') });
  return r;
}

function cellText(a1: string): Promise<string | null> {
  return page.evaluate((ref) => document.querySelector(`#body .cell[data-a1="${ref}"], #frozen .cell[data-a1="${ref}"]`)?.textContent ?? null, a1);
}

/** A test of this file: a failure also tells what the page showed (see explained). */
function session(name: string, body: () => Promise<void>): void {
  test(name, () => explained(() => page, () => pg, body));
}

async function idle(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#status')?.classList.contains('busy'));
}

/** Copy as the browser does on Ctrl+C: the page's copy handler fills the clipboard; returns its text. */
function copySelection(): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

function paste(text: string): Promise<void> {
  return page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

beforeAll(async () => {
  pg = await startPlayground(['--data', FIXTURE]);
  const html = await (await fetch(pg.url)).text();
  token = /<meta name="clientflow-token" content="([0-9a-f]+)">/.exec(html)?.[1] ?? '';
  // Adopt the sheet (its Stage column gets a dropdown), then set up a table on a second sheet.
  // Adopt: yes to the mapping, no to the automatic columns it offers (so column K stays past the table).
  expect(await api('menu', { fn: 'menuAdopt' }, ['YES', 'OK', 'NO'])).toMatchObject({ kind: 'done' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(pg.url);
  await page.waitForSelector('body[data-ready="true"]');
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await pg?.stop();
});

session('Delete clears a selected block (shift+arrows) in one edit; a single cell too', async () => {
  await page.click('#body .cell[data-a1="I2"]');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await page.textContent('#cellref')).toBe('I2:I4');
  expect(await page.locator('.cell.in-range').count()).toBe(2);
  expect(await cellText('I3')).not.toBe('');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => /^delete I2:I4: /.test(document.querySelector('#status')?.textContent ?? ''));
  expect(await Promise.all(['I2', 'I3', 'I4'].map(cellText))).toEqual(['', '', '']);
  expect(await cellText('I5')).not.toBe('');
  // A drag selects a block too; a click selects one cell again.
  await page.click('#body .cell[data-a1="A6"]');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => /^delete A6: /.test(document.querySelector('#status')?.textContent ?? ''));
  expect(await cellText('A6')).toBe('');
  expect(await cellText('B6')).not.toBe('');
});

session("copy and paste in the page carries the cells' validation (Sheets' normal paste); Ctrl+Shift+V pastes text only", async () => {
  // E (Stage) carries a dropdown since Adopt; K is an empty column past the table.
  expect(await page.locator('#body .cell[data-a1="E2"] select').count()).toBe(1);
  expect(await page.locator('#body .cell[data-a1="K2"] select').count()).toBe(0);
  await page.click('#body .cell[data-a1="E2"]');
  await page.keyboard.press('Shift+ArrowDown');
  const text = await copySelection();
  expect(text.split('\n')).toHaveLength(2);
  await page.click('#body .cell[data-a1="K2"]');
  await paste(text);
  await page.waitForSelector('#body .cell[data-a1="K3"] select');
  await idle();
  expect(await page.locator('#body .cell[data-a1="K2"] select').inputValue()).toBe(text.split('\n')[0]);
  // Values only: the same text, no dropdown.
  await page.click('#body .cell[data-a1="L2"]');
  await page.keyboard.down('Control');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyV');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Control');
  await paste(text);
  await page.waitForFunction((t) => document.querySelector('#body .cell[data-a1="L2"]')?.textContent === t, text.split('\n')[0]);
  expect(await page.locator('#body .cell[data-a1="L2"] select').count()).toBe(0);
  // Text from elsewhere is pasted as text; one cell is a paste too (not typing).
  await page.click('#body .cell[data-a1="M2"]');
  await paste('from another app');
  await page.waitForFunction(() => document.querySelector('#body .cell[data-a1="M2"]')?.textContent === 'from another app');
  await page.waitForFunction(() => /^paste M2: /.test(document.querySelector('#status')?.textContent ?? ''));
  await page.screenshot({ path: join(SHOTS, 'paste-and-delete.png') });
});

session('each sheet has its tab, and clicking a tab shows that sheet', async () => {
  expect(await api('menu', { fn: 'menuSetUp' })).toMatchObject({ kind: 'done' });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const names = await page.locator('#tabs .tab').allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(2);
  for (const name of names) {
    await page.click(`#tabs .tab[data-sheet="${name}"]`);
    await page.waitForSelector(`#tabs .tab.active[data-sheet="${name}"]`);
    await page.waitForSelector('#body .cell[data-a1="A2"]');
    await idle();
    await page.screenshot({ path: join(SHOTS, `tab-${names.indexOf(name) + 1}.png`) });
  }
  // The first tab shows the table loaded from the file.
  await page.click(`#tabs .tab[data-sheet="${names[0]}"]`);
  await page.waitForFunction(() => document.querySelector('#frozen .cell[data-a1="A1"], #body .cell[data-a1="A1"]')?.textContent === 'Name');
  expect(pageErrors).toEqual([]);
});

session('when the engine dies, the page says so and keeps working on the reloaded table', async () => {
  const small = await startPlayground(['--data', FIXTURE, '--engine-memory', '64']);
  const p = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  try {
    await p.goto(small.url);
    await p.waitForSelector('body[data-ready="true"]');
    // A paste too big for the engine's heap, from the page itself.
    await p.evaluate(() => {
      const text = Array.from({ length: 60_000 }, (_, i) => Array.from({ length: 20 }, (_, j) => `v${i}-${j}`).join('\t')).join('\n');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await p.waitForSelector('.toast.error', { timeout: 60_000 });
    await p.waitForFunction(() => /started again with clients\.csv loaded afresh/.test(document.querySelector('#toasts')?.textContent ?? ''), null, { timeout: 60_000 });
    await p.screenshot({ path: join(SHOTS, 'engine-restarted.png') });
    // The reloaded table is there, and typing works again.
    await p.click('#body .cell[data-a1="B3"]');
    await p.keyboard.type('Still here');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#body .cell[data-a1="B3"]')?.textContent === 'Still here', null, { timeout: 60_000 });
  } finally {
    await p.close();
    await small.stop();
  }
});
