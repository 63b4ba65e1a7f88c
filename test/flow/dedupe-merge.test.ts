/**
 * Merging a cluster from the Duplicates panel (mergeDuplicates) on the built bundle: the survivor is the
 * most complete row with its gaps filled, the furthest stage, the notes joined and the earliest Created;
 * the other row leaves the table for the archive sheet (with the survivor's client ID); menuUndo puts
 * the table back exactly; a stale request (rows no longer one group) merges nothing. Run `node build.mjs` first.
 */
import { startOn, type SS } from './helpers';
import type { Addon } from '../../dev/harness';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Stage', 'Notes', 'Created'],
  ['C1', 'John Smith', '', 'john.smith@acme.com', '415-555-0101', 'Won', 'met at fair', '2025-12-01'],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', 'Lead', '', '2026-01-02'],
  ['C3', 'John Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'Lead', 'wants net 30', '2026-01-15'],
  ['C4', 'Peter Brown', 'Initech', 'peter.brown@initech.io', '312-555-0142', 'Lead', '', '2026-02-03'],
  ['C5', 'Lucy Green', 'Hooli', 'lucy@hooli.com', '650-555-0177', 'Lead', '', '2026-02-04'],
  ['C6', 'Ann Lee', 'Umbrella', 'ann@umbrella.com', '206-555-0123', 'Lead', '', '2026-02-05'],
];

function data<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  const env = out.result as { ok: boolean; data?: T; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message);
  return env.data as T;
}

function table(app: SS): { values: unknown[][]; formulas: string[][] } {
  const s = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  const r = s.getRange(1, 1, Math.max(1, s.getLastRow()), Math.max(1, s.getLastColumn()));
  return { values: r.getDisplayValues(), formulas: r.getFormulas() };
}

test('a merged cluster leaves one complete row, archives the other, and menuUndo puts everything back', () => {
  const { emu, addon, app } = startOn(DATA, 'en');
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  expect(addon.errors).toEqual([]);
  const before = table(app);
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const fps = rep.clusters[0]!.records.map((r) => r.fingerprint);
  const after = data<DuplicatesReport>(addon, 'mergeDuplicates', [fps]);
  expect(after.clusters).toHaveLength(0);
  const now = table(app).values;
  expect(now).toHaveLength(6);
  // C3 is the more complete row: it survives, with C1's furthest stage and both notes.
  const john = now.find((r) => r[0] === 'C3') as string[];
  expect(john[2]).toBe('ACME');
  expect(john[4]).toBe((before.values[3] as string[])[4]);
  expect(john[5]).toBe('Won');
  expect(john[6]).toBe('wants net 30\nmet at fair');
  expect(john[7]).toBe((before.values[1] as string[])[7]); // C1's earlier Created
  expect(now.some((r) => r[0] === 'C1')).toBe(false);
  // The archive sheet holds the removed row, all its values, and why (the survivor's client ID).
  const archive = app.getActiveSpreadsheet().getSheets().find((s) => s.getDataRange().getValues().flat().includes('Merged into client C3'));
  expect(archive).toBeDefined();
  const archived = archive!.getDataRange().getValues().find((r) => r.includes('Merged into client C3')) as unknown[];
  expect(archived).toEqual(expect.arrayContaining(['C1', 'John Smith', 'john.smith@acme.com', '415-555-0101', 'Won', 'met at fair']));

  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(addon.errors).toEqual([]);
  expect(table(app)).toEqual(before);
});

test('a stale merge (rows not one group any more) changes nothing', () => {
  const { emu, addon, app } = startOn(DATA, 'en');
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  const before = table(app);
  const out = addon.call('mergeDuplicates', [['id:C1', 'id:C2']]);
  expect(out.ok && (out.result as { ok: boolean; error?: { message: string } }).error?.message).toMatch(/no longer one group/);
  expect(table(app)).toEqual(before);
});
