/**
 * The Duplicates panel's summary says what was found and that nothing was changed — it colors nothing
 * and adds no column, so it does not claim to (the menu's "Find duplicates" does both, and says so).
 * English and Chinese, on the built bundle.
 */
import { startOn, data } from './helpers';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Stage'],
  ['C1', 'John Smith', 'Acme', 'john.smith@acme.com', '415-555-0101', 'Lead'],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', 'Lead'],
  ['C3', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'Lead'],
  ['C4', 'Ann Lee', 'Initech', 'ann@initech.com', '312-555-0142', 'Won'],
];

describe.each([
  ['en' as const, /Nothing was changed\.$/, /colored|Duplicate group/],
  ['zh-CN' as const, /未做任何修改。$/, /标色|列给出/],
])('%s', (locale, nothingChanged, claimsColoring) => {
  it('the panel finds the group, changes nothing and says so; the menu colors and says that', () => {
    const { emu, addon } = startOn(DATA, locale);
    emu.queueAnswers(['YES', 'OK', 'NO']);
    addon.menu('menuAdopt');
    const before = emu.snapshot().sheets[0];
    const rep = data<DuplicatesReport>(addon, 'getDuplicates');
    expect(rep.clusters).toHaveLength(1);
    expect(rep.message).toMatch(nothingChanged);
    expect(rep.message).not.toMatch(claimsColoring);
    const after = emu.snapshot().sheets[0];
    expect([after?.values, after?.conditionalFormats]).toEqual([before?.values, before?.conditionalFormats]);

    emu.queueAnswers(['OK']);
    addon.menu('menuFindDuplicates');
    expect(emu.alerts.at(-1)?.prompt).toMatch(claimsColoring);
    expect(emu.snapshot().sheets[0]?.values[0]?.length).toBe(DATA[0].length + 1); // the group column
  });
});

it('on a sheet that is no table (the Funnel sheet just built), every panel names the sheets that are tables', () => {
  const { emu, addon } = startOn(DATA, 'en');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().insertSheet('Funnel').activate();
  const out = addon.call('getDuplicates', []);
  const env = (out.ok ? out.result : null) as { ok: boolean; error?: { message: string } } | null;
  expect(env?.ok).toBe(false);
  expect(env?.error?.message).toBe('The sheet “Funnel” is not a client table. The client tables of this spreadsheet are on: Sheet1. Click one of their tabs, or adopt this sheet (ClientFlow menu).');
  // The other panels' actions say the same, in the user's language (never "there is no table yet").
  for (const fn of ['getFollowUps', 'getClientForm', 'getProtection', 'createBackup']) {
    const o = addon.call(fn, []);
    const e = (o.ok ? o.result : null) as { ok: boolean; error?: { message: string } } | null;
    expect([fn, e?.error?.message]).toEqual([fn, expect.stringMatching(/^The sheet “Funnel” is not a client table\. .*on: Sheet1\./)]);
  }
});

it('in Chinese, the tables are named in Chinese', () => {
  const { emu, addon } = startOn(DATA, 'zh-CN');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().insertSheet('销售漏斗').activate();
  const o = addon.call('getFollowUps', []);
  const e = (o.ok ? o.result : null) as { ok: boolean; error?: { message: string } } | null;
  expect(e?.error?.message).toBe('工作表“销售漏斗”不是客户表。本表格中的客户表位于：Sheet1。请点击其中一个工作表标签，或通过 ClientFlow 菜单接管本工作表。');
});
