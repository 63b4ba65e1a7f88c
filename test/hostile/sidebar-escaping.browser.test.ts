/**
 * The real sidebar (dist/Sidebar.html in headless Chromium) on the built add-on (dist/Code.js) on the
 * emulator, fed hostile cells: markup in headers, names, misfit values and dropdown options. Nothing
 * may run (no dialog, no title change, no injected element) and every text shows literally.
 */
import type { Browser, Page } from 'playwright-core';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { addonHandlers, launch, openPanel, openSidebar, type Opened } from '../sidebar/harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const IMG = '<img src=x onerror="document.title=\'pwned\'">';
const SCRIPT = '<script>document.title="pwned"</script>';
const SVG = '"><svg onload="document.title=\'pwned\'">';

/** Injected markup would show up as elements or a changed title. */
async function expectNothingRan(page: Page, s: Opened): Promise<void> {
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  expect(await page.title()).not.toBe('pwned');
  expect(await page.locator('body img, body svg, body script:not([data-cf])').evaluateAll((els) => els.filter((e) => !e.closest('head')).map((e) => e.outerHTML).filter((h) => /pwned/.test(h)))).toEqual([]);
}

describe.each(['en', 'zh-CN'] as const)('the sidebar with hostile cells (%s)', (locale) => {
  it('Adopt panel: hostile headers, misfit values and options are shown as text', async () => {
    const emu = createEmulator({ userLocale: locale });
    emu.loadRows([
      ['Name', 'Email', 'Stage', IMG, SCRIPT],
      [SVG, 'not-an-email ' + IMG, 'Lead', 'a', 'x'],
      ['Ann', 'ann@example.com', SCRIPT, 'b', 'y'],
      ['Bob', 'bob@example.com', 'Lead', 'c', 'z'],
      ['Cy', 'cy@example.com', 'Won', 'd', 'w'],
    ]);
    const s = await openSidebar(browser, addonHandlers(emu));
    const { page } = s;
    await openPanel(page, 'adopt');
    await page.locator('.cf-adopt-column').first().waitFor({ timeout: 30_000 });
    const headers = await page.locator('.cf-adopt-header').allTextContents();
    expect(headers).toEqual(expect.arrayContaining([IMG, SCRIPT]));
    const text = (await page.locator('.cf-panel').textContent()) ?? '';
    expect(text).toContain('not-an-email ' + IMG);
    await expectNothingRan(page, s);
    // Apply: the report lists the misfit cells as text.
    await page.locator('.cf-adopt-button').click();
    await page.locator('.cf-adopt-report').waitFor({ timeout: 30_000 });
    await expectNothingRan(page, s);
    await page.context().close();
  });

  it('Setup panel: a table whose headers and options hold markup is listed as text', async () => {
    const emu = createEmulator({ userLocale: locale });
    const addon = loadAddon(emu);
    const r = addon.call('previewTemplate', ['b2b', locale]);
    const schema = (r as { result: { data: { fields: Array<{ header: string; label: { en: string; 'zh-CN': string }; role: string | null; options?: Array<{ label: string; color: string }> }> } } }).result.data;
    schema.fields[1]!.header = IMG;
    schema.fields[1]!.label = { en: IMG, 'zh-CN': IMG };
    const channel = schema.fields.find((f) => f.role === 'channel');
    if (channel?.options?.[0]) channel.options[0].label = SVG;
    expect(addon.call('applySetup', [schema])).toMatchObject({ ok: true, result: { ok: true } });
    const s = await openSidebar(browser, addonHandlers(emu));
    const { page } = s;
    await page.locator('.cf-field').first().waitFor({ timeout: 30_000 });
    const headers = await page.locator('.cf-header-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(headers).toContain(IMG);
    const html = await page.locator('.cf-panel').innerHTML();
    expect(html).not.toContain('<img src="x"');
    await expectNothingRan(page, s);
    // "Check all rows" from the sidebar with a hostile value in a checked column.
    emu.pasteValues('B2', [[SCRIPT, 'Ann', '', IMG]]);
    const check = page.locator('.cf-tab[data-panel="check"]');
    if (await check.count()) {
      await openPanel(page, 'check');
      const button = page.locator('.cf-panel button.action').first();
      await button.click();
      await page.waitForFunction(() => document.querySelector('.cf-panel')?.getAttribute('aria-busy') !== 'true');
      await page.waitForTimeout(200);
      await expectNothingRan(page, s);
    }
    await page.context().close();
  });
});
