/**
 * Finding the table's columns: by their headers first (moved columns included), reading the column
 * metadata only when a header is renamed or missing. The metadata costs four calls per column, so a table
 * whose headers are intact is checked without them; a renamed header is still found through them.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

function metadataCalls(byMethod: Record<string, number>): number {
  return Object.entries(byMethod).filter(([m]) => m.startsWith('DeveloperMetadata')).reduce((n, [, c]) => n + c, 0);
}

test('Check all rows reads no column metadata while the headers are intact, and finds a renamed column through it', () => {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  // B2B template: E is Email.
  emu.pasteValues('B2', [['Acme', 'Ann', 'Buyer', 'ann at acme']]);
  emu.queueAnswers(['OK']);
  emu.resetStats();
  expect(addon.menu('menuValidateAll').ok).toBe(true);
  expect(metadataCalls(emu.stats().byMethod)).toBe(0);
  expect(emu.view('Sheet1', 'E2')[0]?.[0]?.note).toMatch(/email/i);

  // The user renames the Email header: the column is still the table's email column.
  emu.pasteValues('E1', [['Work mail']]);
  emu.pasteValues('E2', [['bob at acme']]);
  emu.queueAnswers(['OK']);
  emu.resetStats();
  expect(addon.menu('menuValidateAll').ok).toBe(true);
  expect(metadataCalls(emu.stats().byMethod)).toBeGreaterThan(0);
  expect(emu.view('Sheet1', 'E2')[0]?.[0]?.note).toMatch(/email/i);
});

test('a new column named like a field (a second "Email" inserted before it): the metadata tells the table\'s own', () => {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  emu.pasteValues('B2', [['Acme', 'Ann', 'Buyer', 'ann at acme']]);
  // B2B template: E is Email. The user inserts a column before it and names it "Email" too (old addresses).
  const sheet = (emu.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet }).getActiveSpreadsheet().getActiveSheet();
  sheet.insertColumnsBefore(5, 1);
  emu.pasteValues('E1', [['Email']]);
  emu.pasteValues('E2', [['not checked: the user\'s own column']]);
  emu.queueAnswers(['OK']);
  emu.resetStats();
  expect(addon.menu('menuValidateAll').ok).toBe(true);
  expect(metadataCalls(emu.stats().byMethod)).toBeGreaterThan(0);
  // The table's email column moved to F and is still the one checked; the user's new E is left alone.
  expect(emu.view('Sheet1', 'F2')[0]?.[0]?.note).toMatch(/email/i);
  expect(emu.view('Sheet1', 'E2')[0]?.[0]?.note ?? '').toBe('');
});
