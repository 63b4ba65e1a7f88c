/**
 * The sidebar's tabs while calls run (dist/Sidebar.html in headless Chromium, 300 px, driving the built
 * add-on on the emulator): a panel's calls start and end on their own, at any moment, and a person's
 * click on a tab must land on that tab all the same and end on its content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/cli/csv';
import { createEmulator } from '../../dev/emulator';
import { addonHandlers, deferred, launch, openSidebar, type Handlers } from '../sidebar/harness';
import { ROOT } from './launch';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The add-on on a sheet of clients that is not a table yet (the sidebar opens on Adopt), with Adopt's
 * read held until the test lets it answer. */
function heldAdopt(): { handlers: Handlers; answer: () => void; fail: () => void } {
  const emu = createEmulator({ userLocale: 'en' });
  emu.loadRows(parseCsv(readFileSync(join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv'), 'utf8')));
  const handlers = addonHandlers(emu);
  // The reads waiting now answer (true) or fail (false); after a failure the next reads are held again.
  let gate = deferred<boolean>();
  const real = handlers.previewAdopt;
  handlers.previewAdopt = async (...args: unknown[]) => {
    if (!(await gate.promise)) throw new Error('previewAdopt failed on purpose');
    return real?.(...args);
  };
  const fail = () => {
    const now = gate;
    gate = deferred<boolean>();
    now.resolve(false);
  };
  return { handlers, answer: () => gate.resolve(true), fail };
}

async function setUpTab(page: Page) {
  const box = await page.locator('.cf-tab[data-panel="setup"]').boundingBox();
  if (!box) throw new Error('the Set up tab is not shown');
  return box;
}

test('a press on a tab that starts while a call runs and ends after it answered selects that tab', async () => {
  const held = heldAdopt();
  const { page, errors } = await openSidebar(browser, held.handlers);
  await page.locator('.cf-tab.current[data-panel="adopt"]').waitFor();
  await page.locator('#app[aria-busy="true"]').waitFor();
  const busy = await setUpTab(page);
  await page.mouse.move(busy.x + busy.width / 2, busy.y + busy.height / 2);
  await page.mouse.down();
  held.answer();
  await page.locator('#app[aria-busy="false"]').waitFor();
  // Nothing above the tabs moved when the call ended: the press ends where it began.
  expect(await setUpTab(page)).toEqual(busy);
  await page.mouse.up();
  expect(await page.locator('.cf-tab.current').getAttribute('data-panel')).toBe('setup');
  await page.locator('.cf-apply-button').waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a panel left while its call runs does not put that call's error over the panel shown", async () => {
  const held = heldAdopt();
  const { page, errors } = await openSidebar(browser, held.handlers);
  await page.locator('.cf-tab.current[data-panel="adopt"]').waitFor();
  await page.locator('.cf-tab[data-panel="setup"]').click();
  await page.locator('.cf-apply-button').waitFor();
  held.fail();
  await page.locator('#app[aria-busy="false"]').waitFor();
  expect(await page.locator('.cf-error').isHidden()).toBe(true);
  expect(await page.locator('.cf-tab.current').getAttribute('data-panel')).toBe('setup');
  // Back on Adopt, its read runs again and answers there.
  held.answer();
  await page.locator('.cf-tab[data-panel="adopt"]').click();
  await page.locator('.cf-adopt-button').waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
});
