/**
 * The Funnel panel's open pipeline and the Funnel sheet's differ while amounts are written as text (the
 * panel reads '19.3万', the sheet's SUMIFS skip text): the panel says so after building the sheet, and
 * once Clean up has made them numbers the two agree and the note is gone. The demo table, adopted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import type { FunnelSummary } from '../../src/core/api/funnel';
import { data } from './helpers';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

describe.each([
  ['en' as const, /amounts are written as text.*Clean up/, 'Open pipeline'],
  ['zh-CN' as const, /个金额是以文本形式写的.*“清理”/, '在途金额'],
])('%s', (locale, note, label) => {
  it('says why the panel\'s amounts differ from the sheet\'s, and after Clean up they agree', () => {
    const emu = createEmulator({ userLocale: locale, spreadsheetLocale: 'en_US', timeZone: 'America/New_York' });
    emu.loadRows(rows);
    const addon = loadAddon(emu);
    emu.queueAnswers(['YES', 'OK']);
    addon.menu('menuAdopt');
    const sheetOpen = () => {
      const funnel = emu.snapshot().sheets.find((s) => s.values.some((r) => r[0] === label));
      const row = funnel?.values.find((r) => r[0] === label);
      return Number(row?.[1]);
    };
    const first = data<FunnelSummary>(addon, 'buildFunnel');
    expect(first.message).toMatch(note);
    expect(first.openValue).toBeGreaterThan(sheetOpen());

    // Back to the table (building the Funnel sheet activated it), and Clean up.
    (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1')?.activate();
    emu.queueAnswers(['YES']);
    expect(addon.menu('menuCleanUp').ok).toBe(true);
    const second = data<FunnelSummary>(addon, 'buildFunnel');
    expect(second.message).not.toMatch(note);
    expect(second.openValue).toBeCloseTo(sheetOpen(), 2);
  });
});
