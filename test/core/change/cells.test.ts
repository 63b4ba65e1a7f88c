/** The pure change pipeline: one block, exact rewrites, row removal, undo, fitting one write, the snapshot. */
import fc from 'fast-check';
import { buildChange, planUndo, storedOf, storedOfWrite, toWrite, type Region } from '../../../src/core/change/cells';
import { FNV_START, fnv, readSnapshot, snapshotRows, SNAPSHOT_MAGIC } from '../../../src/core/change/snapshot';
import type { CellValue } from '../../../src/core/fields/types';

function region(values: CellValue[][], formulas?: string[][], formats?: string[][]): Region {
  return {
    top: 2, left: 1, values,
    formulas: formulas ?? values.map((r) => r.map(() => '')),
    formats: formats ?? values.map((r) => r.map(() => '@')),
  };
}

describe('buildChange', () => {
  it('writes one block: the bounding box of the changes, other cells as they are', () => {
    const d = new Date(Date.UTC(2026, 0, 5));
    const reg = region([['a', 1, d], [' b', 2, 'x'], ['c', 3, 'y']], [['', '', ''], ['', '', ''], ['', '=A1', '']], [['@', '0', 'yyyy-mm-dd'], ['@', '0', '@'], ['@', '0', '@']]);
    const ch = buildChange(reg, [{ row: 1, column: 0, to: storedOfWrite('b') }, { row: 2, column: 2, to: storedOfWrite('+86', false) }]);
    expect(ch.block).toEqual({ top: 3, left: 1, rows: 2, cols: 3 });
    expect(ch.writes).toEqual({ pieces: [{ top: 3, left: 1, values: [['b', 2, 'x'], ['c', '=A1', '+86']] }], flip: [] });
    expect(ch.cells.map((c) => [c.r, c.c, c.before.v, c.after.v])).toEqual([[0, 0, ' b', 'b'], [1, 2, 'y', '+86']]);
  });

  it('text into a cell that is not plain text gets the quote prefix, so it stays text', () => {
    expect(toWrite(storedOfWrite('+8613800138000'), '0.###############')).toBe("'+8613800138000");
    expect(toWrite(storedOfWrite('00123'), '@')).toBe('00123');
    expect(toWrite(storedOfWrite('2026-01-05', true), 'yyyy-mm-dd')).toBe('2026-01-05');
  });

  it('removes rows by moving the rows below up; undo of the change gives the region back', () => {
    const reg = region([['a', 'b'], ['', ' '], ['c', 'd'], ['e', '']]);
    const ch = buildChange(reg, [{ row: 2, column: 0, to: storedOfWrite('C') }], [1]);
    expect(ch.writes.pieces[0]?.values).toEqual([['C', 'd'], ['e', ''], ['', '']]);
    const b = ch.block;
    if (!b) throw new Error('no block');
    const now = { values: [['C', 'd'], ['e', ''], ['', '']], formulas: [['', ''], ['', ''], ['', '']], formats: [['@', '@'], ['@', '@'], ['@', '@']] };
    const u = planUndo(ch.cells, b, now, 'UTC');
    expect(u.state).toBe('applied');
    expect(u.writes.pieces[0]?.values).toEqual([['', ' '], ['c', 'd'], ['e', '']]);
  });

  it('a formula in a plain-text cell is written as a formula in the one setValues, its format flipped around it', () => {
    const reg = region([[' a', 'x', ' b'], ['c', 2, 'd'], [' e', 'y', 'f']], [['', '', ''], ['', '=1+1', ''], ['', '', '']]);
    const edits = [{ row: 0, column: 0, to: storedOfWrite('a') }, { row: 0, column: 2, to: storedOfWrite('b') }, { row: 2, column: 0, to: storedOfWrite('e') }];
    const ch = buildChange(reg, edits);
    expect(ch.writes.pieces).toHaveLength(1);
    expect(ch.writes.pieces[0]?.values[1]).toEqual(['c', '=1+1', 'd']);
    expect(ch.writes.flip).toEqual(['B3']);
  });

  it('undo: a cell edited since is kept and named; all as before means not applied', () => {
    const reg = region([[' a', ' b']]);
    const ch = buildChange(reg, [{ row: 0, column: 0, to: storedOfWrite('a') }, { row: 0, column: 1, to: storedOfWrite('b') }]);
    const b = ch.block;
    if (!b) throw new Error('no block');
    const f = [['', '']];
    const x = [['@', '@']];
    const u = planUndo(ch.cells, b, { values: [['a', 'mine']], formulas: f, formats: x }, 'UTC');
    expect(u.edited).toEqual([{ r: 0, c: 1 }]);
    expect(u.writes.pieces[0]?.values).toEqual([[' a', 'mine']]);
    expect(planUndo(ch.cells, b, { values: [[' a', ' b']], formulas: f, formats: x }, 'UTC').state).toBe('notApplied');
  });
});

describe('the snapshot', () => {
  const cellArb = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constantFrom('=A1', '=+86 1'));
  it('reads back exactly what was written, and refuses any edit of it', () => {
    fc.assert(fc.property(fc.array(fc.tuple(cellArb, cellArb), { minLength: 1, maxLength: 20 }), (pairs) => {
      const cells = pairs.map(([a, b], i) => ({
        r: i, c: 0,
        before: typeof a === 'string' && a.startsWith('=') ? storedOf('', a) : storedOf(a as CellValue),
        after: storedOfWrite(b as string | number | boolean),
      }));
      const rows = snapshotRows({ id: 'x', action: 'cleanup', when: '2026-01-01T00:00:00Z', sheetId: 1, sheetName: 'S', block: { top: 2, left: 1, rows: cells.length, cols: 1 } }, cells);
      const read = readSnapshot(rows);
      expect(read.ok && read.cells).toEqual(cells);
      const tampered = rows.map((r) => r.slice());
      tampered[1][1] = `${tampered[1][1]}!`;
      expect(readSnapshot(tampered)).toEqual({ ok: false, code: 'damaged' });
    }));
    expect(readSnapshot([['hello']])).toEqual({ ok: false, code: 'notOurs' });
  });
});

describe('the snapshot of a large change', () => {
  it('keeps long lists of ranges in the stream, no cell over 50,000 characters, and reads them back', () => {
    const flip = Array.from({ length: 30000 }, (_, i) => `G${2 * i + 2}`);
    const formats = [{ format: '0.###############', ranges: Array.from({ length: 20000 }, (_, i) => `K${3 * i + 2}`) }];
    const cells = [{ r: 0, c: 0, before: storedOf('a'), after: storedOfWrite('b') }];
    const rows = snapshotRows({ id: 'x', action: 'cleanup', when: 'now', sheetId: 1, sheetName: 'S', block: { top: 2, left: 1, rows: 1, cols: 1 }, flip, formats }, cells);
    expect(Math.max(...rows.flat().map((c) => c.length))).toBeLessThanOrEqual(50000);
    const read = readSnapshot(rows);
    if (!read.ok) throw new Error(read.code);
    expect(read.header.flip).toEqual(flip);
    expect(read.header.formats).toEqual(formats);
    const tampered = rows.map((r) => r.slice());
    tampered[rows.length - 1][0] = tampered[rows.length - 1][0].replace('K', 'L');
    expect(readSnapshot(tampered).ok).toBe(false);
  });

  it('stores 50,000-character values and emoji across cell cuts exactly, in far fewer cells than changed cells', () => {
    const long = 'x'.repeat(39999) + '😀' + '中'.repeat(10000);
    const cells = Array.from({ length: 3000 }, (_, i) => ({ r: i, c: 1, before: storedOf(i === 7 ? long : ` 😀 name ${i} `), after: storedOfWrite(i === 7 ? long.trim() + '!' : `😀 name ${i}`) }));
    const rows = snapshotRows({ id: 'x', action: 'cleanup', when: 'now', sheetId: 1, sheetName: 'S', block: { top: 2, left: 1, rows: 3000, cols: 2 } }, cells);
    expect(Math.max(...rows.flat().map((c) => c.length))).toBeLessThanOrEqual(50000);
    expect(rows.length).toBeLessThan(cells.length / 10);
    // No cell begins or ends with half of a surrogate pair (Sheets could not keep it).
    for (const [c] of rows) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c)).toBe(false);
    const read = readSnapshot(rows);
    expect(read.ok && read.cells).toEqual(cells);
    const extraCell = rows.map((r) => r.slice());
    extraCell[1][1] = 'tampered';
    expect(readSnapshot(extraCell)).toEqual({ ok: false, code: 'damaged' });
    const dropped = rows.slice(0, -1);
    expect(readSnapshot(dropped).ok).toBe(false);
  });
});

describe('a snapshot of the first version (one row per cell)', () => {
  it('is still read, so a change made before an update can be undone; an edit of it is refused', () => {
    const key = (h: number, r: number, c: number, tb: string, ta: string): number => {
      for (const n of [r, c, tb.charCodeAt(0), ta.charCodeAt(0)]) h = (Math.imul(h, 31) + n) | 0;
      return h;
    };
    const cells = [
      { r: 0, c: 1, before: storedOf(' Ann '), after: storedOfWrite('Ann') },
      { r: 2, c: 0, before: storedOf('', '=+86 138'), after: storedOfWrite('+86138') },
    ];
    let h = FNV_START;
    for (const c of cells) h = fnv(fnv(key(h, c.r, c.c, c.before.t, c.after.t), c.before.v), c.after.v);
    const header = { magic: SNAPSHOT_MAGIC, v: 1, id: 'x', action: 'cleanup', when: 'now', sheetId: 1, sheetName: 'S', block: { top: 2, left: 1, rows: 3, cols: 2 }, count: 2, extra: 0, sum: (h >>> 0).toString(16).padStart(8, '0') };
    const rows = [[JSON.stringify(header), '', ''], ...cells.map((c) => [`${c.r},${c.c},${c.before.t},${c.after.t}`, c.before.v, c.after.v])];
    const read = readSnapshot(rows);
    expect(read.ok && read.cells).toEqual(cells);
    const tampered = rows.map((r) => r.slice());
    tampered[2][1] = '=+86 139';
    expect(readSnapshot(tampered)).toEqual({ ok: false, code: 'damaged' });
  });
});
