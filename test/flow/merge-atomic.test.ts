/**
 * Atomic merge and undo, proven by fault injection on the built bundle: the 6-minute limit strikes at
 * a service call of a merge from the Duplicates panel (two groups in one change, with stage history to
 * point to the survivors) and then at a service call of menuUndo. After each strike the table (values,
 * formulas, number formats), the archive's rows and the stage history are each either exactly as before
 * or exactly as after, never half; and the undo that follows gives back all three exactly. The same
 * with the backup offered first taken (the strike may fall while backing up).
 *
 * `npm test` strikes at every 8th call (and the first and last few); `npm run test:slow`
 * (CLIENTFLOW_SLOW=1) at every call. Compared: the table's every cell; the archive's rows without the
change's id and time; the history's client ID, from and to (its times are each world's clock). Run
`node build.mjs` first.
 */
import { readFileSync } from 'node:fs';
import { createEmulator } from '../../dev/emulator';
import { findUp, loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import type { DuplicatesReport, MergeGroup } from '../../src/core/api/dedupe';
import { historySheetName } from '../../src/core/funnel/workbook';
import { data } from './helpers';

const STRIDE = process.env.CLIENTFLOW_SLOW === '1' ? 1 : 8;
const CODE = readFileSync(findUp('dist/Code.js'), 'utf8');
const FILLER = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jacob'];

const DATA: string[][] = [
  ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'Stage', 'Orders', 'Notes', 'Created'],
  ['C1', 'John Smith', '', 'john.smith@acme.com', '415-555-0101', 'Lead', '2', '', '2025-12-01'],
  ['C2', 'Mary Jones', 'Globex', 'mary@globex.com', '212-555-0199', 'Lead', '1', 'call back', '2026-01-02'],
  ['C3', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'Lead', '3', 'wants net 30', '2026-01-15'],
  ['C4', 'Mary Jones', '', 'mary@globex.com', '(212) 555-0199', 'Won', '', '', '2025-11-03'],
  ...FILLER.map((n, i) => [`C${i + 5}`, `${n} Walker${String.fromCharCode(97 + i)}`, '', `${n.toLowerCase()}${i}@mail${i}.com`, `312-555-${String(1000 + i * 37).padStart(4, '0')}`, 'Lead', '1', '', '2026-02-05']),
  // A formula below the groups' rows would refuse the merge: none; one beside them in a kept row is moved as it is.
];

interface World { emu: Emulator; addon: Addon }

/** The adopted table with stage changes typed (onEdit writes the history), and the groups to merge. */
function world(): World & { groups: MergeGroup[] } {
  const emu = createEmulator({ userLocale: 'en' });
  emu.loadRows(DATA);
  const addon = loadAddon(emu, { code: CODE });
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  addon.edit('F2', 'Proposal');
  addon.edit('F4', 'Proposal');
  addon.edit('F3', 'Proposal');
  addon.edit('F5', 'Lost');
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  const groups = rep.clusters.map((c) => ({ fingerprints: c.records.map((r) => r.fingerprint), seen: c.records.map((r) => r.values) }));
  return { emu, addon, groups };
}

function state(emu: Emulator) {
  const sheets = emu.snapshot().sheets;
  const table = sheets.find((s) => s.name === 'Sheet1');
  const history = sheets.find((s) => s.name.startsWith('ClientFlow stage history'));
  const archive = sheets.find((s) => s.name === 'ClientFlow archive');
  if (!table || !history) throw new Error('no table or history');
  // The archive's rows of changes (its header row, made once, stays).
  const archived = (archive?.values ?? []).slice(1).filter((r) => r.some((v) => v !== '' && v !== null));
  return {
    table: JSON.stringify([table.values, table.formulas, table.numberFormats]),
    archive: JSON.stringify(archived.map((r) => r.slice(2))),
    // Client ID, from, to (when is the clock's at each world's typing) and the formats.
    history: JSON.stringify([history.values.map((r) => r.slice(0, 3)), history.numberFormats]),
  };
}
type State = ReturnType<typeof state>;

function merge(w: World & { groups: MergeGroup[] }, backup = false) {
  return w.addon.call('mergeGroups', [w.groups, { backup }]);
}

function undo(w: World) {
  w.emu.queueAnswers(['OK', 'OK']);
  w.addon.menu('menuUndo');
}

/** Each part is the before's or the after's. */
function whole(now: State, before: State, after: State): string[] {
  return (['table', 'archive', 'history'] as const).filter((k) => now[k] !== before[k] && now[k] !== after[k]);
}

function points(calls: number, stride = STRIDE): number[] {
  const out: number[] = [];
  for (let n = 1; n <= calls; n++) if (stride === 1 || n % stride === 1 || n <= 3 || n > calls - 3) out.push(n);
  return out;
}

describe('merge under faults', () => {
  const ref = world();
  const before = state(ref.emu);
  ref.emu.resetStats();
  const out = merge(ref);
  const mergeCalls = ref.emu.stats().total;
  const after = state(ref.emu);
  ref.emu.resetStats();
  undo(ref);
  const undoCalls = ref.emu.stats().total;

  it('the reference merge changes the table, the archive and the history, and undo gives all back', () => {
    expect(out.ok && (out.result as { ok: boolean; data: DuplicatesReport }).data.merged).toBe(2);
    expect(after.table).not.toBe(before.table);
    expect(after.archive).not.toBe(before.archive);
    expect(after.history).not.toBe(before.history);
    expect(JSON.parse(after.history)[0].slice(1).map((r: string[]) => r[0]).sort()).toEqual(['C2', 'C2', 'C3', 'C3']);
    expect(state(ref.emu)).toEqual(before);
    expect(mergeCalls).toBeGreaterThan(15);
    expect(undoCalls).toBeGreaterThan(8);
    expect(historySheetName(0)).toMatch(/^ClientFlow stage history/);
  });

  it(`merge: each of table, archive and history is before or after at every strike, and undo gives back all (${points(mergeCalls).length} points)`, () => {
    const bad: string[] = [];
    for (const n of points(mergeCalls)) {
      const w = world();
      w.emu.failAfterCalls(n);
      merge(w);
      const half = whole(state(w.emu), before, after);
      if (half.length) bad.push(`#${n}: half ${half.join(', ')}`);
      undo(w);
      const back = state(w.emu);
      const diff = (['table', 'archive', 'history'] as const).filter((k) => back[k] !== before[k]);
      if (diff.length) bad.push(`#${n}: after undo differs in ${diff.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it(`undo: each part is merged or restored at every strike, and a second undo finishes it (${points(undoCalls).length} points)`, () => {
    const bad: string[] = [];
    for (const n of points(undoCalls)) {
      const w = world();
      merge(w);
      w.emu.failAfterCalls(n);
      undo(w);
      const half = whole(state(w.emu), before, after);
      if (half.length) bad.push(`#${n}: half ${half.join(', ')}`);
      undo(w);
      const back = state(w.emu);
      const diff = (['table', 'archive', 'history'] as const).filter((k) => back[k] !== before[k]);
      if (diff.length) bad.push(`#${n}: after the second undo differs in ${diff.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('merge with a backup first: a strike while backing up leaves table, archive and history as before', () => {
    const w0 = world();
    w0.emu.resetStats();
    merge(w0, true);
    const calls = w0.emu.stats().total;
    expect(state(w0.emu)).toEqual(after);
    expect(calls).toBeGreaterThan(mergeCalls);
    const bad: string[] = [];
    // Every 24th call in the main suite (the backup's own calls are many); every call in the slow one.
    for (const n of points(calls, STRIDE === 1 ? 1 : 24)) {
      const w = world();
      w.emu.failAfterCalls(n);
      merge(w, true);
      const half = whole(state(w.emu), before, after);
      if (half.length) bad.push(`#${n}: half ${half.join(', ')}`);
      undo(w);
      const back = state(w.emu);
      const diff = (['table', 'archive', 'history'] as const).filter((k) => back[k] !== before[k]);
      if (diff.length) bad.push(`#${n}: after undo differs in ${diff.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });
});
