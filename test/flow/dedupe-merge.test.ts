/**
 * Merging a cluster from the Duplicates panel (mergeDuplicates) on the built bundle: the survivor is the
 * most complete row with its gaps filled, the furthest stage, the notes joined and the earliest Created;
 * the other row leaves the table for the archive sheet (with the survivor's client ID); menuUndo puts
 * the table back exactly; a stale request (rows no longer one group) merges nothing. Run `node build.mjs` first.
 */
import { startOn, type SS, data } from './helpers';
import type { DuplicatesReport } from '../../src/core/api/dedupe';
import { historySheetName } from '../../src/core/funnel/workbook';

const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Stage', 'Notes', 'Created'],
  ['C1', 'John Smith', '', 'john.smith@acme.com', '415-555-0101', 'Won', 'met at fair', '2025-12-01'],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', 'Lead', '', '2026-01-02'],
  ['C3', 'John Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'Lead', 'wants net 30', '2026-01-15'],
  ['C4', 'Peter Brown', 'Initech', 'peter.brown@initech.io', '312-555-0142', 'Lead', '', '2026-02-03'],
  ['C5', 'Lucy Green', 'Hooli', 'lucy@hooli.com', '650-555-0177', 'Lead', '', '2026-02-04'],
  ['C6', 'Ann Lee', 'Umbrella', 'ann@umbrella.com', '206-555-0123', 'Lead', '', '2026-02-05'],
];

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
  const out = data<DuplicatesReport>(addon, 'mergeDuplicates', [['id:C1', 'id:C2']]);
  expect(out.merged).toBe(0);
  expect(out.notice).toMatch(/no longer one group/);
  // The groups are checked again: the real one is offered.
  expect(out.clusters.map((c) => c.records.map((r) => r.fingerprint).sort())).toEqual([['id:C1', 'id:C3']]);
  expect(table(app)).toEqual(before);
});

const SALES: string[][] = [
  ['Client ID', 'Name', 'Email', 'Phone', 'Stage', 'Orders', 'Total spend', 'Deal value', 'Last contact', 'Notes', 'Created'],
  ['C1', 'Ann Lee', 'ann@umbrella.com', '206-555-0123', 'Lost', '3', '120.50', '5000', '2026-01-10', 'likes tea', '2025-06-01'],
  ['C2', 'Mary Jones', 'mary@globex.com', '212-555-0199', 'Lead', '1', '10', '100', '2026-01-02', '', '2026-01-02'],
  ['C3', 'Ann Lee', 'ann@umbrella.com', '(206) 555-0123', 'Proposal', '2', '79.50', '7000', '2026-02-20', 'Likes tea\nwants a quote', '2025-09-01'],
  ['C4', 'Peter Brown', 'peter.brown@initech.io', '312-555-0142', 'Lead', '1', '5', '100', '2026-01-03', '', '2026-02-03'],
  ['C5', 'Lucy Green', 'lucy@hooli.com', '650-555-0177', 'Lead', '1', '5', '100', '2026-01-04', '', '2026-02-04'],
  // More clients, so the engine sees Client ID as a row key (values that never repeat say nothing).
  ...['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jacob'].map((n, i) => [
    `C${i + 6}`, `${n} Walker${String.fromCharCode(97 + i)}`, `${n.toLowerCase()}${i}@mail${i}.com`, `415-555-${String(1000 + i * 37).padStart(4, '0')}`, 'Lead', '1', '5', '100', '2026-01-05', '', '2026-02-05',
  ]),
];

test('the merge adds up orders and total spend, keeps the deal value, the open stage over Lost, the latest contact; the archive names the survivor', () => {
  const { emu, addon, app } = startOn(SALES, 'en');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  expect(addon.errors).toEqual([]);
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const c = rep.clusters[0]!;
  const col = (h: string) => rep.headers.indexOf(h);
  // The panel's preview of the merged record is what the merge writes.
  expect(c.merged[col('Orders')]).toBe('5');
  const after = data<DuplicatesReport>(addon, 'mergeDuplicates', [c.records.map((r) => r.fingerprint)]);
  expect(after.merged).toBe(1);
  expect(after.notice).toMatch(/Merged 1 group: 1 row moved to the archive/);
  const now = table(app).values;
  const ann = now.filter((r) => r[1] === 'Ann Lee');
  expect(ann).toHaveLength(1);
  const row = ann[0] as string[];
  const head = now[0] as string[];
  const at = (h: string) => row[head.indexOf(h)];
  expect(at('Orders')).toBe('5');
  expect(Number(String(at('Total spend')).replace(/[^0-9.]/g, ''))).toBe(200);
  expect(Number(String(at('Deal value')).replace(/[^0-9.]/g, ''))).toBe(row[0] === 'C3' ? 7000 : 5000);
  expect(at('Stage')).toBe('Proposal');
  expect(at('Notes')).toBe(row[0] === 'C3' ? 'Likes tea\nwants a quote' : 'likes tea\nwants a quote');
  expect(at('Last contact')).toBe('2026-02-20');
  expect(c.merged[col('Stage')]).toBe('Proposal');
  const survivorId = row[0];
  const archive = app.getActiveSpreadsheet().getSheets().find((s) => s.getDataRange().getValues().flat().includes(`Merged into client ${survivorId}`));
  expect(archive).toBeDefined();
});

test('the stage history rows of the merged client point to the survivor, in the same change: menuUndo puts them back exactly', () => {
  const { emu, addon, app } = startOn(SALES, 'en');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  // Stage changes typed by a person: onEdit appends them to the table's history sheet.
  addon.edit('E2', 'Proposal');
  addon.edit('E4', 'Lead');
  addon.edit('E3', 'Proposal');
  addon.edit('E2', 'Lost');
  expect(addon.errors).toEqual([]);
  const ss = app.getActiveSpreadsheet();
  const hist = () => ss.getSheetByName(historySheetName((ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet).getSheetId()))!.getDataRange().getValues();
  const before = { table: table(app), history: hist() };
  expect(before.history.slice(1).map((r) => r[0])).toEqual(['C1', 'C3', 'C2', 'C1']);
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  const c = rep.clusters[0]!;
  const kept = c.records[c.survivors.oldest]!.fingerprint;
  expect(kept).toBe('id:C1');
  const out = data<DuplicatesReport>(addon, 'mergeDuplicates', [c.records.map((r) => r.fingerprint), { policy: 'oldest' }]);
  expect(out.merged).toBe(1);
  expect(table(app).values.some((r) => r[0] === 'C3')).toBe(false);
  const after = hist();
  expect(after.slice(1).map((r) => r[0])).toEqual(['C1', 'C1', 'C2', 'C1']);
  // Only the client IDs changed: from, to and when are as they were.
  expect(after.map((r) => r.slice(1))).toEqual(before.history.map((r) => r.slice(1)));
  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(addon.errors).toEqual([]);
  expect({ table: table(app), history: hist() }).toEqual(before);
});
