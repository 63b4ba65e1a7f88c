/**
 * The review choices of the Duplicates panel through the sidebar endpoints, on the built bundle: a
 * survivor policy or a survivor picked by hand, a value chosen per column, a record taken out of its
 * group (remembered), and "merge all above score X" (every group in one change: one undo puts all
 * back; a group scoring lower is left). Run `node build.mjs` first.
 */
import { startOn, data, values } from './helpers';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

const FILLER = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jacob'];

const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Stage', 'Notes', 'Created'],
  ['C1', 'John Smith', '', 'john.smith@acme.com', '415-555-0101', 'Lead', '', '2025-12-01'],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', 'Lead', 'call back', '2026-01-02'],
  ['C3', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'Lead', 'wants net 30', '2026-01-15'],
  ['C4', 'Mary Jones', '', 'mary@globex.com', '(212) 555-0199', 'Won', '', '2025-11-03'],
  ['C5', 'J. Smith', 'Acme Inc', 'john.smith@acme.com', '415.555.0101', 'Lead', '', '2026-02-04'],
  ...FILLER.map((n, i) => [`C${i + 6}`, `${n} Walker${String.fromCharCode(97 + i)}`, '', `${n.toLowerCase()}${i}@mail${i}.com`, `312-555-${String(1000 + i * 37).padStart(4, '0')}`, 'Lead', '', '2026-02-05']),
];

function adopted() {
  const s = startOn(DATA, 'en');
  s.emu.queueAnswers(['YES', 'OK', 'NO']);
  s.addon.menu('menuAdopt');
  expect(s.addon.errors).toEqual([]);
  return s;
}

const ids = (c: DuplicatesReport['clusters'][number]) => c.records.map((r) => r.fingerprint).sort();

test('two groups found: the Smiths (three records) and the Joneses', () => {
  const { addon } = adopted();
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters.map(ids).sort()).toEqual([['id:C1', 'id:C3', 'id:C5'], ['id:C2', 'id:C4']]);
});

test('a survivor picked by hand and a value chosen per column are what the merge keeps', () => {
  const { addon, app } = adopted();
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  const smith = rep.clusters.find((c) => ids(c).includes('id:C1'))!;
  const name = rep.headers.indexOf('Name');
  // Keep C5 (not the most complete) and take C1's spelling of the name.
  const out = data<DuplicatesReport>(addon, 'mergeDuplicates', [smith.records.map((r) => r.fingerprint), { survivor: 'id:C5', choices: [{ column: name, from: 'id:C1' }], seen: smith.records.map((r) => r.values) }]);
  expect(out.merged).toBe(1);
  const rows = values(app).filter((r) => /Smith/.test(r[1] as string));
  expect(rows).toHaveLength(1);
  expect(rows[0]!.slice(0, 3)).toEqual(['C5', 'John Smith', 'Acme Inc']);
  expect(rows[0]![6]).toBe('wants net 30');
  expect(rows[0]![7]).toBe('2025-12-01');
});

test('the policies name different survivors: oldest keeps C4, most complete keeps C2', () => {
  const { addon, app } = adopted();
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  const jones = rep.clusters.find((c) => ids(c).includes('id:C2'))!;
  expect(jones.records[jones.survivors.complete]!.fingerprint).toBe('id:C2');
  expect(jones.records[jones.survivors.oldest]!.fingerprint).toBe('id:C4');
  data<DuplicatesReport>(addon, 'mergeDuplicates', [jones.records.map((r) => r.fingerprint), { policy: 'oldest' }]);
  const rows = values(app).filter((r) => r[1] === 'Mary Jones');
  expect(rows.map((r) => [r[0], r[2], r[5], r[6]])).toEqual([['C4', 'Globex', 'Won', 'call back']]);
});

test('a record taken out of its group stays out (remembered); the others remain a group', () => {
  const { addon } = adopted();
  const rep = data<DuplicatesReport>(addon, 'removeFromGroup', ['id:C5', ['id:C1', 'id:C3']]);
  expect(rep.clusters.map(ids).sort()).toEqual([['id:C1', 'id:C3'], ['id:C2', 'id:C4']]);
  const again = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(again.clusters.map(ids).sort()).toEqual([['id:C1', 'id:C3'], ['id:C2', 'id:C4']]);
});

test('merge all above a score: both groups in one change, one undo puts both back; a group below the score is refused', () => {
  const { emu, addon, app } = adopted();
  const before = values(app);
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  const groups = rep.clusters.map((c) => ({ fingerprints: c.records.map((r) => r.fingerprint), seen: c.records.map((r) => r.values) }));
  const lowest = Math.min(...rep.clusters.map((c) => c.score));
  // A score above a group's: nothing merged, the groups come back checked.
  const refused = data<DuplicatesReport>(addon, 'mergeGroups', [groups, { minScore: Math.min(1, lowest + 0.0001) }]);
  expect(refused.merged).toBe(0);
  expect(values(app)).toEqual(before);
  const out = data<DuplicatesReport>(addon, 'mergeGroups', [groups, { minScore: lowest }]);
  expect(out.merged).toBe(2);
  expect(out.notice).toMatch(/Merged 2 groups: 3 rows moved/);
  expect(out.clusters).toHaveLength(0);
  expect(values(app)).toHaveLength(before.length - 3);
  // Each archived row names its own survivor: the Smiths' C3 (most complete), the Joneses' C2.
  const archive = app.getActiveSpreadsheet().getSheetByName('ClientFlow archive')!.getDataRange().getValues().slice(1);
  expect(archive.map((r) => [r[5], r[2]])).toEqual([['C1', 'Merged into client C3'], ['C4', 'Merged into client C2'], ['C5', 'Merged into client C3']]);
  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(addon.errors).toEqual([]);
  expect(values(app)).toEqual(before);
});
