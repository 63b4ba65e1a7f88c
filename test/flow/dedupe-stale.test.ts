/**
 * A sheet changed between "Find duplicates" and "Merge" (the panel holds what it showed): the add-on
 * reads the table again, runs the engine again and checks the group before writing. Never a wrong merge:
 * a record edited since, a group split by an edit, or a table without client IDs whose row changed
 * merges nothing and answers with the groups checked again; rows moved by an insertion above are still
 * found by their client IDs and merged rightly. Built bundle on the emulator.
 */
import { startOn, values } from './helpers';
import type { Addon } from '../../dev/harness';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

const FILLER = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jacob'];
const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Notes'],
  ['C1', 'John Smith', '', 'john.smith@acme.com', '415-555-0101', ''],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', ''],
  ['C3', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'wants net 30'],
  ...FILLER.map((n, i) => [`C${i + 4}`, `${n} Walker${String.fromCharCode(97 + i)}`, '', `${n.toLowerCase()}${i}@mail${i}.com`, `312-555-${String(1000 + i * 37).padStart(4, '0')}`, '']),
];

function call(addon: Addon, fn: string, args: unknown[] = []): DuplicatesReport {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  const env = out.result as { ok: boolean; data?: DuplicatesReport; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message);
  return env.data as DuplicatesReport;
}

function found(data = DATA) {
  const s = startOn(data, 'en');
  s.emu.queueAnswers(['YES', 'OK', 'NO']);
  s.addon.menu('menuAdopt');
  const rep = call(s.addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const c = rep.clusters[0]!;
  return { ...s, c, args: [c.records.map((r) => r.fingerprint), { seen: c.records.map((r) => r.values) }] };
}

test('a record edited since the panel showed it: nothing merged, the group shown again as it is now', () => {
  const { addon, app, args } = found();
  addon.edit('F2', 'VIP, do not merge by hand');
  const before = values(app);
  const out = call(addon, 'mergeDuplicates', args);
  expect(out.merged).toBe(0);
  expect(out.notice).toMatch(/Nothing was merged/);
  expect(values(app)).toEqual(before);
  // Checked again: the same two records, with the new note.
  expect(out.clusters[0]!.records.map((r) => r.values[5])).toEqual(['VIP, do not merge by hand', 'wants net 30']);
  // Merging what is now shown works.
  const now = out.clusters[0]!;
  const merged = call(addon, 'mergeDuplicates', [now.records.map((r) => r.fingerprint), { seen: now.records.map((r) => r.values) }]);
  expect(merged.merged).toBe(1);
  expect(values(app).filter((r) => /Smith/.test(r[1] as string))[0]![5]).toBe('wants net 30\nVIP, do not merge by hand');
});

test('an edit that makes them different clients: nothing merged, no group', () => {
  const { addon, app } = found();
  const rep = call(addon, 'getDuplicates');
  const fps = rep.clusters[0]!.records.map((r) => r.fingerprint);
  addon.edit('B4', 'Wang Fang');
  addon.edit('D4', 'wang.fang@example.cn');
  addon.edit('E4', '650-555-0188');
  const before = values(app);
  const out = call(addon, 'mergeDuplicates', [fps]);
  expect(out.merged).toBe(0);
  expect(out.clusters).toHaveLength(0);
  expect(values(app)).toEqual(before);
});

test('rows inserted above since: the records are found by their client IDs and the right rows merged', () => {
  const { emu, addon, app, args } = found();
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.insertRowsBefore(2, 2);
  emu.pasteValues('A2', [['C90', 'Ann Lee', 'Umbrella', 'ann@umbrella.com', '206-555-0123', ''], ['C91', 'Bo Chen', 'Initech', 'bo@initech.io', '206-555-0124', '']]);
  const out = call(addon, 'mergeDuplicates', args);
  expect(out.merged).toBe(1);
  const now = values(app);
  expect(now.filter((r) => /Smith/.test(r[1] as string)).map((r) => r[0])).toEqual(['C3']);
  expect(now.slice(1, 3).map((r) => r[0])).toEqual(['C90', 'C91']);
  expect(now.some((r) => r[0] === 'C2')).toBe(true);
});

test('a table without client IDs: a record changed since is not found by its fingerprint, nothing merged', () => {
  const noIds = DATA.map((r) => r.slice(1));
  const { addon, app, args } = found(noIds);
  expect((args[0] as string[]).every((fp) => fp.startsWith('row:'))).toBe(true);
  addon.edit('B2', 'Acme Corp');
  const before = values(app);
  const out = call(addon, 'mergeDuplicates', args);
  expect(out.merged).toBe(0);
  expect(values(app)).toEqual(before);
  expect(out.clusters).toHaveLength(1);
});
