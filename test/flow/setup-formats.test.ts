/**
 * Set up applied again to an adopted table (the Set up panel's Apply, nothing changed) keeps the number
 * formats adopting kept: a number 20241121 in a date column stays 20241121, where the date format would
 * have shown it as a day in the year 57318 (and getValues would have read that Date from then on). The
 * demo table, adopted in an en_US spreadsheet; the message says which columns kept their formats.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import type { TableSchema } from '../../src/core/schema';
import { data } from './helpers';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it('re-applying the set-up changes neither a value nor how one reads', () => {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US', timeZone: 'America/New_York' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  const block = () => sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
  const shown = block().getDisplayValues();
  const values = block().getValues();
  expect(shown[1]?.[12]).toBe('20241121'); // M2, Last contact: a number that means a day

  const { schema } = data<{ schema: TableSchema }>(addon, 'getSetupState');
  const summary = data<{ message: string }>(addon, 'applySetup', [schema, { target: 'auto' }]);
  expect(block().getValues()).toEqual(values);
  expect(block().getDisplayValues()).toEqual(shown);
  expect(summary.message).toMatch(/Number formats left as they were in: .*Last contact/);
});
