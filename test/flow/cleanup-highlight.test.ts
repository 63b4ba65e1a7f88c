/**
 * After Clean up, the highlight of broken cells is checked on the rows as Clean up wrote them (not read
 * again): it must be the highlight "Check all rows" draws on the table as it then reads, cell for cell,
 * on the demo table (dates, money, phones, options in both languages). Built bundle on the emulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it.each(['en', 'zh-CN'] as const)('the highlight after Clean up is the one Check all rows draws next (%s)', (locale) => {
  const emu = createEmulator({ userLocale: locale, spreadsheetLocale: locale === 'en' ? 'en_US' : 'zh_CN', timeZone: locale === 'en' ? 'America/New_York' : 'Asia/Shanghai' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  emu.queueAnswers(['OK']);
  addon.menu('menuValidateAll');
  const highlight = (): string[] => {
    const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet;
    const first = sheet.getConditionalFormatRules()[0];
    return (first?.getRanges() ?? []).map((r) => r.getA1Notation()).sort();
  };
  const checked = highlight();
  expect(checked.length).toBeGreaterThan(5);
  emu.queueAnswers(['NO', 'YES']);
  addon.menu('menuCleanUp');
  const afterCleanup = highlight();
  expect(afterCleanup).not.toEqual(checked); // Clean up mended cells: the highlight changed
  emu.queueAnswers(['OK']);
  addon.menu('menuValidateAll');
  expect(afterCleanup).toEqual(highlight());
  expect(addon.errors).toEqual([]);
});
