/**
 * The sidebar in real headless Chromium (dist/Sidebar.html, 300 px wide, no network), talking to a
 * scripted google.script.run.
 */
import type { Browser } from 'playwright-core';
import { bootstrapHandler, deferred, fail, launch, ok, openPanel, openSidebar, ADDON_CSS, type Handlers } from './harness';
import { msg, setupState, smallSchema } from './fixtures';
import type { TableSchema } from '../../src/core/schema';
import { messagesFor } from '../../src/core/i18n';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const summary = { sheetName: 'Clients', columns: 4, validations: 3, rules: 5, keptRules: 1, message: 'Set up 4 columns on “Clients”.' };

function enHandlers(extra: Handlers = {}): Handlers {
  return {
    getBootstrap: bootstrapHandler('en'),
    getSetupState: () => ok(setupState('en')),
    previewTemplate: (id, locale) => ok({ ...smallSchema(locale === 'zh-CN' ? 'zh-CN' : 'en'), template: String(id) }),
    applySetup: () => ok(summary),
    ...extra,
  };
}

describe('sidebar shell', () => {
  test('boots in English: tabs, template, fields, html lang; no network but the add-on stylesheet', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.cf-order-hint').count()).toBe(0); // a new table: order is the column order
    // Five groups in one row; under the current group (the table), its four panels.
    expect(await page.locator('.cf-group').allTextContents()).toEqual(['Table', 'Clients', 'Quality', 'Funnel', 'Help']);
    expect(await page.locator('.cf-group.current').textContent()).toBe('Table');
    expect(await page.locator('.cf-tab:visible').allTextContents()).toEqual(['Set up', 'Adopt', 'Backups', 'Protect']);
    expect(await page.locator('.cf-tab.current').textContent()).toBe('Set up');
    // The group row stays on one line at 300 px (it is what keeps eleven panels from wrapping to three rows).
    const heights = await page.locator('.cf-group').evaluateAll((els) => [...new Set(els.map((e) => e.getBoundingClientRect().top))]);
    expect(heights).toHaveLength(1);
    expect(await page.locator('.cf-template-select option').allTextContents()).toEqual(['B2B sales', 'E-commerce', 'Services']);
    expect(await page.locator('.cf-header-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Name', 'Email', 'Stage', 'Notes']);
    expect(await page.locator('.cf-apply-button').textContent()).toBe('Apply');
    // The first call is the bootstrap, then the panel's state, then the template preview in the user's language.
    expect(s.calls.map((c) => c.name)).toEqual(['getBootstrap', 'getSetupState', 'previewTemplate']);
    expect(s.calls[2].args).toEqual(['b2b', 'en']);
    // The only request off the page is Google's add-on stylesheet (aborted here), and the page works anyway.
    expect(s.requests.every((u) => u === ADDON_CSS)).toBe(true);
    expect(s.errors).toEqual([]);
    // Inline fallback styles give the primary button Google's blue without add-ons1.css.
    const bg = await page.locator('.cf-apply-button').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(77, 144, 254)');
    await page.context().close();
  });

  test('groups: another group shows its own panels, a group of one panel needs no second row, and a group remembers its panel', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    await page.locator('.cf-group', { hasText: 'Quality' }).click();
    expect(await page.locator('.cf-tab:visible').allTextContents()).toEqual([msg('en', 'sidebar.check.title'), msg('en', 'cleanup.panel.title'), msg('en', 'sidebar.dedupe.title')]);
    expect(await page.locator('.cf-panel-body').getAttribute('data-panel')).toBe('check');
    await page.locator('.cf-tab', { hasText: msg('en', 'sidebar.dedupe.title') }).click();
    await page.locator('.cf-group', { hasText: 'Funnel' }).click();
    expect(await page.locator('.cf-tab:visible').count()).toBe(0);
    expect(await page.locator('.cf-panel-body').getAttribute('data-panel')).toBe('funnel');
    await page.locator('.cf-group', { hasText: 'Quality' }).click();
    expect(await page.locator('.cf-panel-body').getAttribute('data-panel')).toBe('duplicates');
    expect(await page.locator('.cf-tab.current').textContent()).toBe(msg('en', 'sidebar.dedupe.title'));
    await page.context().close();
  });

  test('boots in Simplified Chinese when the add-on says so', async () => {
    const s = await openSidebar(browser, {
      getBootstrap: bootstrapHandler('zh-CN'),
      getSetupState: () => ok(setupState('zh-CN')),
      previewTemplate: (_id, locale) => ok(smallSchema(locale === 'zh-CN' ? 'zh-CN' : 'en')),
    });
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.cf-group').allTextContents()).toEqual(['表格', '客户', '数据整理', '漏斗', '帮助']);
    expect(await page.locator('.cf-tab').allTextContents()).toEqual(['设置', '接管', '备份', '保护', '录入', '跟进', '检查', '清理', '重复客户', '漏斗', '帮助']);
    expect(await page.locator('.cf-apply-button').textContent()).toBe('应用');
    expect(await page.locator('.cf-keep-note').textContent()).toBe(msg('zh-CN', 'sidebar.setup.removeKeepsData'));
    expect(s.calls[2].args).toEqual(['b2b', 'zh-CN']);
    expect(await page.locator('.cf-header-input').first().inputValue()).toBe('姓名');
    expect(await page.locator('.cf-options-title').textContent()).toBe('阶段（按顺序）与颜色（3） ');
    expect(await page.locator('.cf-field[data-key="stage"] .cf-chip').count()).toBe(3);
    await page.context().close();
  });

  test('cell values with markup show as text and never run', async () => {
    const evilHeader = '<img src=x onerror=alert(1)>';
    const evilOption = '<script>window.__pwned=1;alert(2)</script>';
    const schema = smallSchema('en');
    schema.fields[0] = { ...schema.fields[0], header: evilHeader, label: { en: evilHeader, 'zh-CN': evilHeader } };
    schema.fields[2] = { ...schema.fields[2], options: [{ label: evilOption, color: '#e8f0fe' }, ...(schema.fields[2].options ?? []).slice(1)] };
    schema.stages = { won: 'Won', lost: 'Lost' };
    schema.location = { sheetId: 1, sheetName: '<b>Sheet</b>', headerRow: 1 };
    const s = await openSidebar(
      browser,
      enHandlers({
        getSetupState: () => ok(setupState('en', schema)),
        validateTable: () =>
          ok({
            rows: 3,
            count: 1,
            cells: [{ a1: 'A2', header: evilHeader, code: 'invalidEmail', message: `“${evilOption}” is not an email address` }],
            message: `1 problem in “${evilHeader}”`,
          }),
      }),
    );
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    expect(await page.locator('.cf-header-input').first().inputValue()).toBe(evilHeader);
    expect(await page.locator('.cf-option-label').first().inputValue()).toBe(evilOption);
    expect(await page.locator('.cf-where').textContent()).toBe('4 columns on sheet “<b>Sheet</b>”');
    // Removing the field puts its header into the page as text.
    await page.locator('.cf-field').first().locator('.cf-remove').click();
    expect(await page.locator('.cf-removed').textContent()).toContain(evilHeader);
    await openPanel(page, 'check');
    await page.locator('.cf-check-button').click();
    await page.locator('.cf-cell').waitFor();
    expect(await page.locator('.cf-cell-header').textContent()).toBe(evilHeader);
    expect(await page.locator('.cf-cell-message').textContent()).toContain(evilOption);
    expect(await page.locator('.cf-check-message').textContent()).toBe(`1 problem in “${evilHeader}”`);
    await page.waitForTimeout(100);
    expect(await page.locator('img, b:text("Sheet")').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
    await page.context().close();
  });

  test('a failing call shows the translated error in the page', async () => {
    // 1. The add-on answers with its own translated error (serve() envelope).
    const s = await openSidebar(browser, {
      getBootstrap: bootstrapHandler('zh-CN'),
      getSetupState: () => fail('busy', msg('zh-CN', 'error.busy')),
    });
    const { page } = s;
    await page.locator('.cf-error:not([hidden])').waitFor();
    expect(await page.locator('.cf-error-text').textContent()).toBe(msg('zh-CN', 'error.busy'));
    expect(await page.locator('.cf-panel button').textContent()).toBe('重试');
    await page.context().close();

    // 2. The server function threw outside serve() (google.script.run's failure handler).
    const s2 = await openSidebar(browser, {
      getBootstrap: bootstrapHandler('zh-CN'),
      getSetupState: () => {
        throw new Error('Service Spreadsheets failed');
      },
    });
    await s2.page.locator('.cf-error:not([hidden])').waitFor();
    expect(await s2.page.locator('.cf-error-text').textContent()).toBe(msg('zh-CN', 'sidebar.error.failed', { message: 'Service Spreadsheets failed' }));
    await s2.page.context().close();

    // 3. The bootstrap itself fails: the sidebar's own catalog still gives a message, and retry works.
    let attempts = 0;
    const s3 = await openSidebar(
      browser,
      enHandlers({
        getBootstrap: () => {
          attempts += 1;
          return attempts === 1 ? { nonsense: true } : ok({ locale: 'en', messages: {} });
        },
      }),
    );
    await s3.page.locator('.cf-error').waitFor();
    expect(await s3.page.locator('.cf-error').textContent()).toBe(msg('en', 'sidebar.error.badResponse'));
    await s3.page.locator('button', { hasText: msg('en', 'sidebar.retry') }).click();
    await s3.page.locator('.cf-field').first().waitFor();
    expect(attempts).toBe(2);
    await s3.page.context().close();
  });

  test('opened outside Apps Script: a message in the browser’s language, not a blank page', async () => {
    const s = await openSidebar(browser, {}, { noGoogle: true, browserLocale: 'zh-CN' });
    await s.page.locator('.cf-error').waitFor();
    expect(await s.page.locator('.cf-error').textContent()).toBe(msg('zh-CN', 'sidebar.error.noBridge'));
    expect(await s.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(s.errors).toEqual([]);
    await s.page.context().close();
  });

  test('a slow call shows the progress indicator and disables the buttons until it answers', async () => {
    const slow = deferred();
    const s = await openSidebar(
      browser,
      enHandlers({
        applySetup: async () => {
          await slow.promise;
          return ok(summary);
        },
      }),
    );
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    expect(await page.locator('.cf-progress').isVisible()).toBe(false);
    await page.locator('.cf-apply-button').click();
    await page.locator('.cf-progress').waitFor({ state: 'visible' });
    expect(await page.locator('.cf-status').textContent()).toBe('Working…');
    expect(await page.locator('.cf-apply-button').isDisabled()).toBe(true);
    expect(await page.locator('.cf-add-field').isDisabled()).toBe(true);
    expect(await page.locator('.cf-header-input').first().isDisabled()).toBe(true);
    slow.resolve();
    await page.locator('.cf-summary').waitFor();
    await page.locator('.cf-progress').waitFor({ state: 'hidden' });
    expect(await page.locator('.cf-apply-button').isDisabled()).toBe(false);
    expect(await page.locator('.cf-notice').textContent()).toBe(summary.message);
    await page.context().close();
  });
});

describe('the panel the add-on suggests', () => {
  test('opens on Adopt when the active sheet holds clients that are not a table yet', async () => {
    const s = await openSidebar(browser, enHandlers({
      getBootstrap: () => ok({ locale: 'en', messages: { ...messagesFor('en') }, panel: 'adopt' }),
      previewAdopt: () => fail('stop', 'stop here'),
    }));
    const { page } = s;
    await page.locator('.cf-tab.current').waitFor();
    expect(await page.locator('.cf-tab.current').textContent()).toBe(msg('en', 'adopt.sidebar.title'));
    await page.context().close();
  });
});

describe('Setup panel', () => {
  test('sends the edited schema (reordered, removed, added, retyped, recolored) to applySetup', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    const card = (key: string) => page.locator(`.cf-field[data-key="${key}"]`);
    // Email up above Name.
    await card('email').locator('.cf-up').click();
    // Remove Notes: the UI says its column and data stay.
    await card('notes').locator('.cf-remove').click();
    expect(await page.locator('.cf-removed').textContent()).toBe(msg('en', 'sidebar.setup.removedList', { headers: 'Notes' }));
    // Add a field, name it, make it a required dropdown with two colored options.
    await page.locator('.cf-add-field').click();
    const added = card('custom1');
    await added.locator('.cf-header-input').fill('Channel');
    await added.locator('.cf-type-select').selectOption('dropdown');
    await added.locator('.cf-required').check();
    await added.locator('.cf-option-label').first().fill('Referral');
    await added.locator('.cf-add-option').click();
    await added.locator('.cf-option-label').nth(1).fill('Ads');
    await added.locator('.cf-color').nth(1).evaluate((el) => {
      (el as HTMLInputElement).value = '#fce8e6';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Rename the won stage: the stage terminals follow.
    await card('stage').locator('.cf-options-title').click();
    await card('stage').locator('.cf-option-label').nth(1).fill('Closed won');
    // Name is no longer required.
    await card('name').locator('.cf-required').uncheck();
    await page.locator('.cf-new-sheet').check();
    await page.locator('.cf-apply-button').click();
    await page.locator('.cf-summary').waitFor();

    const apply = s.calls.filter((c) => c.name === 'applySetup');
    expect(apply).toHaveLength(1);
    const [sent, opts] = apply[0].args as [TableSchema, { target: string }];
    expect(opts).toEqual({ target: 'new' });
    expect(sent.fields.map((f) => f.key)).toEqual(['email', 'name', 'stage', 'custom1']);
    expect(sent.fields.map((f) => f.header)).toEqual(['Email', 'Name', 'Stage', 'Channel']);
    const channel = sent.fields[3];
    expect(channel).toMatchObject({ type: 'dropdown', required: true, role: null, label: { en: 'Channel' } });
    // A new option takes the palette's next color (src/core/colors.ts); Ads keeps the color the user picked.
    expect(channel.options).toEqual([{ label: 'Referral', color: '#c9daf8' }, { label: 'Ads', color: '#fce8e6' }]);
    expect(sent.fields[1].required).toBe(false);
    expect(sent.fields[2].options?.map((o) => o.label)).toEqual(['Lead', 'Closed won', 'Lost']);
    expect(sent.stages).toEqual({ won: 'Closed won', lost: 'Lost' });
    // The summary is shown, from the add-on's answer.
    expect(await page.locator('.cf-summary-message').textContent()).toBe(summary.message);
    expect(await page.locator('.cf-summary li').allTextContents()).toEqual([
      'Sheet: Clients', 'Columns set up: 4', 'Columns with validation: 3', 'Color rules: 5 (your own rules kept: 1)',
    ]);
    await page.context().close();
  });

  test('stage options: add a spelling, move it, merge it into Won, split it off and back, mark won/lost', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    const stage = page.locator('.cf-field[data-key="stage"]');
    await stage.locator('.cf-options-title').click();
    await stage.locator('.cf-add-option').click();
    await stage.locator('.cf-option-label').nth(3).fill('成交');
    // Up above Lost, then merged into Won: it becomes one of Won's spellings.
    await stage.locator('.cf-move-option').nth(3).click();
    expect(await stage.locator('.cf-option-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Lead', 'Won', '成交', 'Lost']);
    await stage.locator('.cf-merge-option').nth(2).click();
    expect(await stage.locator('.cf-option-label').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['Lead', 'Won', 'Lost']);
    expect(await stage.locator('.cf-variant').allTextContents()).toEqual(['成交']);
    // Split off and merged back.
    await stage.locator('.cf-variant').first().click();
    expect(await stage.locator('.cf-option-label').count()).toBe(4);
    await stage.locator('.cf-merge-option').nth(2).click();
    // Lead marked lost: the mark moves from Lost.
    await stage.locator('.cf-mark-lost').nth(0).click();
    expect(await stage.locator('.cf-mark-lost').evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')))).toEqual(['true', 'false', 'false']);
    await page.locator('.cf-apply-button').click();
    await page.locator('.cf-summary').waitFor();
    const [sent] = s.calls.find((c) => c.name === 'applySetup')?.args as [TableSchema];
    const opts = sent.fields.find((f) => f.key === 'stage')?.options ?? [];
    expect(opts.map((o) => o.label)).toEqual(['Lead', 'Won', 'Lost']);
    expect(opts[1]?.variants).toEqual(['成交']);
    expect(sent.stages).toEqual({ won: 'Won', lost: 'Lead' });
    expect(opts[0]?.outcome).toBe('lost');
    expect(s.errors).toEqual([]);
    await page.context().close();
  });

  test('stale clients: the table\'s days and an open stage\'s own are sent with the schema', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-stale').waitFor();
    expect(await page.locator('.cf-stale b').textContent()).toBe(msg('en', 'sidebar.setup.staleTitle'));
    // open stages only (Won and Lost are never stale)
    expect(await page.locator('.cf-stale-stage-days').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual(['Lead']);
    await page.locator('.cf-stale-days').fill('10');
    await page.locator('.cf-stale-days').dispatchEvent('change');
    await page.locator('.cf-stale-stage-days').fill('3');
    await page.locator('.cf-stale-stage-days').dispatchEvent('change');
    await page.locator('.cf-apply-button').click();
    await page.locator('.cf-summary').waitFor();
    const [sent] = s.calls.find((c) => c.name === 'applySetup')?.args as [TableSchema];
    expect(sent.rules.staleDays).toBe(10);
    expect(sent.rules.staleDaysByStage).toEqual({ Lead: 3 });
    expect(s.errors).toEqual([]);
    await page.context().close();
  });

  test('a draft that cannot be applied is explained and not sent', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    await page.locator('.cf-field[data-key="email"] .cf-header-input').fill('name');
    await page.locator('.cf-apply-button').click();
    expect(await page.locator('.cf-error-text').textContent()).toBe(msg('en', 'sidebar.setup.problem.duplicateHeader', { field: 'name' }));
    expect(await page.locator('.cf-field.cf-invalid').getAttribute('data-key')).toBe('email');
    expect(s.calls.some((c) => c.name === 'applySetup')).toBe(false);
    await page.context().close();
  });

  test('an existing table is edited in place; a template can replace the draft', async () => {
    const schema = smallSchema('en');
    schema.location = { sheetId: 7, sheetName: 'Clients', headerRow: 1 };
    const s = await openSidebar(browser, enHandlers({ getSetupState: () => ok(setupState('en', schema)) }));
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    expect(s.calls.map((c) => c.name)).toEqual(['getBootstrap', 'getSetupState']);
    expect(await page.locator('.cf-where').textContent()).toBe('4 columns on sheet “Clients”');
    // Reordering cannot move columns that exist: the panel says so.
    expect(await page.locator('.cf-order-hint').textContent()).toBe(msg('en', 'sidebar.setup.orderHint'));
    await page.locator('.cf-template-select').selectOption('services');
    await page.locator('.cf-lang-select').selectOption('zh-CN');
    await page.locator('.cf-load-template').click();
    await page.locator('.cf-header-input >> nth=0').waitFor();
    await page.waitForFunction(() => (document.querySelector('.cf-header-input') as HTMLInputElement | null)?.value === '姓名');
    expect(s.calls.find((c) => c.name === 'previewTemplate')?.args).toEqual(['services', 'zh-CN']);
    await page.locator('.cf-apply-button').click();
    await page.locator('.cf-summary').waitFor();
    const [sent] = s.calls.filter((c) => c.name === 'applySetup')[0].args as [TableSchema];
    // Set up again in place: the table keeps its sheet.
    expect(sent.location).toEqual({ sheetId: 7, sheetName: 'Clients', headerRow: 1 });
    expect(sent.locale).toBe('zh-CN');
    await page.context().close();
  });

  test('an untouched draft follows the template choice; an edited one waits for the button', async () => {
    const s = await openSidebar(browser, enHandlers());
    const { page } = s;
    await page.locator('.cf-field').first().waitFor();
    await page.locator('.cf-template-select').selectOption('ecommerce');
    await page.waitForFunction(() => document.querySelectorAll('.cf-field').length === 4 && !document.querySelector('[aria-busy="true"]'));
    expect(s.calls.filter((c) => c.name === 'previewTemplate').map((c) => c.args)).toEqual([['b2b', 'en'], ['ecommerce', 'en']]);
    await page.locator('.cf-field[data-key="notes"] .cf-remove').click();
    await page.locator('.cf-template-select').selectOption('services');
    await page.waitForTimeout(200);
    expect(s.calls.filter((c) => c.name === 'previewTemplate')).toHaveLength(2);
    expect(await page.locator('.cf-field').count()).toBe(3);
    await page.locator('.cf-load-template').click();
    await page.waitForFunction(() => document.querySelectorAll('.cf-field').length === 4);
    expect(s.calls.filter((c) => c.name === 'previewTemplate').map((c) => c.args[0])).toEqual(['b2b', 'ecommerce', 'services']);
    // A fresh template has nothing removed.
    expect(await page.locator('.cf-removed').count()).toBe(0);
    await page.context().close();
  });

  test('a broken stored config is explained, and repair reloads the panel', async () => {
    let repaired = false;
    const problem = { code: 'corrupt', message: msg('en', 'sidebar.setup.problem.other', { field: 'x', code: 'corrupt' }), remedies: ['repair', 'reset'] as const };
    const fixed = smallSchema('en');
    fixed.location = { sheetId: 3, sheetName: 'Leads', headerRow: 2 };
    const s = await openSidebar(
      browser,
      enHandlers({
        getSetupState: () => ok({ ...setupState('en', repaired ? fixed : null), configProblem: repaired ? null : { ...problem, remedies: [...problem.remedies] } }),
        repairConfig: (remedy) => {
          repaired = remedy === 'repair';
          return ok({ message: 'Settings rebuilt from the sheet’s columns.', schema: fixed });
        },
      }),
    );
    const { page } = s;
    await page.locator('.cf-problem').waitFor();
    expect(await page.locator('.cf-problem .error').textContent()).toBe(problem.message);
    // Nothing to edit until the config is repaired or reset (no template loaded over it).
    expect(s.calls.some((c) => c.name === 'previewTemplate')).toBe(false);
    await page.locator('.cf-problem button', { hasText: 'Repair from the sheet' }).click();
    await page.locator('.cf-notice:not([hidden])').waitFor();
    expect(await page.locator('.cf-notice').textContent()).toBe('Settings rebuilt from the sheet’s columns.');
    expect(await page.locator('.cf-problem').count()).toBe(0);
    expect(await page.locator('.cf-where').textContent()).toBe('4 columns on sheet “Leads”');
    expect(s.calls.find((c) => c.name === 'repairConfig')?.args).toEqual(['repair']);
    await page.context().close();
  });
});
