/**
 * The real sidebar (dist/Sidebar.html in Chromium) driving the built add-on (dist/Code.js) on the
 * emulator: the Backups, Protect and Help panels, as a user clicks them, land in the sheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createEmulator, type EmulatorExt } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { addonHandlers, launch, openPanel, openSidebar } from './harness';

jest.setTimeout(120_000);

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const DATA = [
  ['Name', 'Email', 'Stage', 'Deal value'],
  ['Ann Lee', 'ann@example.com', 'Lead', '1200'],
  ['Bob Ray', 'bob@example.com', 'Won', '3500'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function adopted(locale: 'en' | 'zh-CN'): EmulatorExt {
  const emu = createEmulator({ userLocale: locale }) as unknown as EmulatorExt;
  emu.loadRows(DATA);
  emu.queueAnswers(['YES']);
  expect(loadAddon(emu).menu('menuAdopt')).toMatchObject({ ok: true });
  return emu;
}

test('Backups panel: back up now, change a cell, restore after the inline question', async () => {
  const emu = adopted('en');
  const s = await openSidebar(browser, addonHandlers(emu));
  const { page } = s;
  await openPanel(page, 'backup');
  await page.locator('.cf-backup-empty').waitFor();
  await page.locator('.cf-backup-now').click();
  await page.locator('.cf-backup').first().waitFor();
  expect(await page.locator('.cf-notice').textContent()).toMatch(/Backed up 2 rows to the hidden sheet "ClientFlow backup/);
  // Each backup says which table it holds and how many rows, in words.
  expect(await page.locator('.cf-backup .secondary').first().textContent()).toBe('Sheet1 · 2 rows');
  const hidden = emu.snapshot().sheets.filter((sh) => sh.hidden);
  expect(hidden).toHaveLength(1);
  // A person changes a cell; the backup puts it back.
  emu.personEdit({ kind: 'type', a1: 'A2', value: 'Changed' });
  await page.locator('.cf-restore').first().click();
  await page.locator('.cf-restore-yes').click();
  await page.waitForFunction(() => /is back in "Sheet1"/.test(document.querySelector('.cf-notice')?.textContent ?? ''));
  expect(emu.snapshot().sheets[0]?.values[1]?.[0]).toBe('Ann Lee');
  // The table as it was is now a backup too: two in the list.
  expect(await page.locator('.cf-backup').count()).toBe(2);
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('Protect panel: tick Deal value, choose named editors, save: Sheets refuses another editor', async () => {
  const emu = adopted('en');
  const s = await openSidebar(browser, addonHandlers(emu));
  const { page } = s;
  await openPanel(page, 'protect');
  const deal = page.locator('.cf-protect-row', { hasText: 'Deal value' }).locator('input');
  await deal.check();
  await page.locator('.cf-mode-editors').check();
  await page.locator('.cf-editors').fill('boss@example.com');
  await page.locator('.cf-protect-save').click();
  await page.waitForFunction(() => /Only boss@example.com/.test(document.querySelector('.cf-notice')?.textContent ?? ''));
  const ours = (emu.snapshot().sheets[0]?.protections ?? []).filter((p) => p.description.startsWith('Protected column (ClientFlow)'));
  expect(ours).toEqual([
    { range: expect.stringMatching(/^D2:D\d+$/), description: 'Protected column (ClientFlow): Deal value', warningOnly: false },
  ]);
  emu.setUser({ email: 'intern@example.com', role: 'editor' });
  expect(() => emu.personEdit({ kind: 'type', a1: 'D2', value: '1' })).toThrow();
  // The panel shows the saved state.
  expect(await page.locator('.cf-protect-row', { hasText: 'Deal value' }).locator('input').isChecked()).toBe(true);
  expect(s.errors).toEqual([]);
});

test.each(['en', 'zh-CN'] as const)(
  'Help panel (%s): About with the version, the actions of this build, colors, limits',
  async (locale) => {
    const emu = createEmulator({ userLocale: locale }) as unknown as EmulatorExt;
    emu.loadRows(DATA);
    const handlers = addonHandlers(emu);
    const s = await openSidebar(browser, handlers);
    const { page } = s;
    await openPanel(page, 'help');
    await page.locator('.cf-about').waitFor();
    expect(await page.locator('.cf-about').textContent()).toBe(`ClientFlow ${VERSION}`);
    const fns = await page.locator('.cf-help-actions dt').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.fn));
    expect(fns).toContain('menuAdopt');
    expect(fns).toContain('menuBackUp');
    for (const fn of fns) expect(Object.keys(handlers)).toContain(fn);
    expect(await page.locator('.cf-swatch').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-section="limits"]').textContent()).toMatch(
      locale === 'en' ? /cannot hide rows or columns from some editors/ : /无法对部分编辑者隐藏行或列/,
    );
    expect(s.errors).toEqual([]);
  },
);
