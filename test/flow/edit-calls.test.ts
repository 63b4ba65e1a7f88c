/**
 * The service calls of onEdit (the built bundle on the emulator): a typed bad email that gets flagged,
 * and a pasted block of new clients with flags and stage changes, make a fixed number of calls whatever
 * the table's size. Calls are deterministic, so their ceilings are asserted (never wall-clock time:
 * speed lives in the bench).
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { checksum, checksum4 } from '../../src/core/config';

/** Columns of the B2B template: A Client ID, B Company, C Name, E Email, F Phone, I Stage, N Deal value. */
function client(i: number, badEmail: boolean): string[] {
  return ['', `Firm ${i}`, `Person ${i}`, 'Buyer', badEmail ? `person${i} at example` : `person${i}@example.com`, '+1 415 555 0100', 'Referral', 'Ann', i % 2 ? 'Lead' : 'Contacted', '', '', '', '', '', '', '', '', '', ''];
}

function tableOf(rows: number): { emu: Emulator; addon: Addon } {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  const block = Array.from({ length: rows }, (_, i) => client(i, i % 7 === 0));
  expect(addon.paste('A2', block)).toEqual({ ok: true, result: undefined });
  return { emu, addon };
}

function callsOf(emu: Emulator, act: () => unknown): { total: number; byMethod: Record<string, number> } {
  emu.resetStats();
  act();
  const s = emu.stats();
  return { total: s.total, byMethod: s.byMethod };
}

describe('service calls of onEdit', () => {
  test('a typed bad email, flagged: at most 12 calls, the same in a table of 20 or 400 rows', () => {
    const counts = [20, 400].map((rows) => {
      const { emu, addon } = tableOf(rows);
      const calls = callsOf(emu, () => expect(addon.edit(`E${2 + Math.floor(rows / 2)}`, 'new.address@example')).toEqual({ ok: true, result: undefined }));
      // flagged: our note and highlight were written
      expect(emu.view('Sheet1', `E${2 + Math.floor(rows / 2)}`)[0]?.[0]?.note).toMatch(/^ClientFlow ⚠/);
      expect(calls.byMethod['Range.setNotes']).toBe(1);
      expect(calls.byMethod['Range.setBackgrounds']).toBe(1);
      expect(addon.errors).toEqual([]);
      return calls.total;
    });
    expect(counts[0]).toBeLessThanOrEqual(12);
    expect(counts[1]).toBe(counts[0]);
  });

  // The 26 of this pasted block: config (getDocumentProperties, getProperties), the sheet and its id
  // (getSheet, getSheetId), the header (getSheetValues), the rows, their notes, their number formats
  // and rules (getValues, getNotes, getNumberFormats, getDataValidations: the block lands on rows set-up
  // formatted, so nothing is put back; a block whose formats were lost, as the bench's past the formatted
  // rows, puts them back instead of reading the rules: setNumberFormats, getRange + copyTo, 28), IDs
  // reserved under the lock (getDocumentLock, tryLock, getProperty, setProperties, releaseLock), the automatic columns in two blocks (2 × getRange + setValues), records of deferred
  // IDs and history rows read after the lock (getProperties), flags (notes in the table's language: no Session call)
  // (setNotes, getBackgrounds, setBackgrounds), the history append (getSheetByName, getLastRow,
  // getRange, setValues; growing the sheet, rare, adds the getRange that fails, insertRowsAfter,
  // getRange, setNumberFormats).
  test('a pasted block of 100 new clients with flags and stage changes: at most 26 calls, the same below 20 or 400 rows', () => {
    const counts = [20, 400].map((rows) => {
      const { emu, addon } = tableOf(rows);
      const block = Array.from({ length: 100 }, (_, i) => client(1000 + i, i % 3 === 0));
      const calls = callsOf(emu, () => expect(addon.paste(`A${2 + rows}`, block)).toEqual({ ok: true, result: undefined }));
      const first = emu.view('Sheet1', `A${2 + rows}:S${2 + rows}`)[0] ?? [];
      expect(String(first[0]?.value)).not.toBe(''); // a client ID
      expect(first[4]?.note).toMatch(/^ClientFlow ⚠/); // the bad email of the block's first row
      expect(first[4]?.validation?.criteria).toBe('CUSTOM_FORMULA'); // the table's rule is on the pasted row
      expect(addon.errors).toEqual([]);
      return calls.total;
    });
    expect(counts[0]).toBeLessThanOrEqual(26);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('the config as the built bundle writes it', () => {
  test('names the schema definition and carries the four-lane checksum, so each execution reads it without validating it again', () => {
    const { emu, addon } = tableOf(3);
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    const header = JSON.parse(store.getProperty('clientflow.table.0') ?? '{}') as { parts: number; schema?: string; sum?: string; sum4?: string };
    const json = Array.from({ length: header.parts }, (_, i) => store.getProperty(`clientflow.table.0.${i}`) ?? '').join('');
    // `sum` is the checksum earlier builds check (one rolled back to reads the table), `sum4` this one's.
    expect(header.sum).toBe(checksum(json));
    expect(header.sum4).toBe(checksum4(json));
    expect(header.schema).toMatch(/^[0-9a-f]{12}$/);
    // Read that way, the table still works: a typed bad email is flagged, a good one is not.
    addon.edit('E2', 'bad at example');
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.note).toMatch(/^ClientFlow ⚠/);
    addon.edit('E2', 'good@example.com');
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.note ?? '').toBe('');
  });
});
