/**
 * A group of 500 records, many of them identical rows in a table without client IDs (each row still has
 * its own fingerprint): merged in one change whose service calls do not grow with the rows (as many as
 * for a group of 50, but for growing a sheet once), orders added up, the notes' distinct lines joined once, 499 rows archived,
 * and undo puts the table back exactly. Built bundle on the emulator.
 */
import { startOn, data } from './helpers';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

function run(size: number) {
  const rows: string[][] = [['Name', 'Email', 'Phone', 'Orders', 'Notes']];
  for (let i = 0; i < size; i++) rows.push([i % 2 ? 'John Smith' : 'Jon Smith', 'john.smith@acme.com', '415-555-0101', '1', `note ${i % 7}`]);
  for (let i = 0; i < 100; i++) rows.push([`Person ${i} Q${i}`, `p${i}@x${i}.com`, `312-555-${String(1000 + i * 37).padStart(4, '0')}`, '1', '']);
  const { emu, addon } = startOn(rows, 'en');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  const before = emu.snapshot().sheets[0]!.values;
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters.map((c) => c.records.length)).toEqual([size]);
  const fps = rep.clusters[0]!.records.map((r) => r.fingerprint);
  expect(new Set(fps).size).toBe(size);
  emu.resetStats();
  const out = data<DuplicatesReport>(addon, 'mergeGroups', [[{ fingerprints: fps, seen: rep.clusters[0]!.records.map((r) => r.values) }]]);
  const calls = emu.stats().total;
  expect(out.merged).toBe(1);
  const after = emu.snapshot().sheets;
  return { emu, addon, before, after, calls };
}

test('a group of 500 merges in as many calls as a group of 50, and undo is exact', () => {
  const small = run(50);
  const big = run(500);
  // At most the one call that grows the snapshot or archive sheet past its first 1,000 rows.
  expect(big.calls).toBeGreaterThanOrEqual(small.calls);
  expect(big.calls).toBeLessThanOrEqual(small.calls + 2);
  const table = big.after[0]!.values;
  expect(table).toHaveLength(1 + 1 + 100);
  expect(table[1]).toEqual(['Jon Smith', 'john.smith@acme.com', '415-555-0101', 500, ['note 0', 'note 1', 'note 2', 'note 3', 'note 4', 'note 5', 'note 6'].join('\n')]);
  const archive = big.after.find((s) => s.name === 'ClientFlow archive')!;
  expect(archive.values.slice(1).filter((r) => r[2] === 'Merged into client 2')).toHaveLength(499);
  big.emu.queueAnswers(['OK']);
  big.addon.menu('menuUndo');
  expect(big.emu.snapshot().sheets[0]!.values).toEqual(big.before);
});
