/** Merging a cluster: survivor, filled fields, furthest stage, joined notes, earliest created. */
import { planMerge } from '../../../src/core/dedupe/merge';

const STAGES = ['Lead', 'Contacted', 'Proposal', 'Won'];
const COLS = { id: 0, stage: { column: 4, order: STAGES }, notes: 5, created: 6 };

describe('planMerge', () => {
  it('keeps the most complete row and fills its gaps from the others', () => {
    const rows = [
      ['C1', 'Jon Smith', '', '', 'Lead', 'met at fair', '2026-03-01'],
      ['C2', 'John Smith', 'john@acme.com', '', 'Proposal', 'wants net 30', '2026-01-15'],
      ['C3', 'J. Smith', '', '+1 415 555 0101', 'Contacted', 'Met at fair', '2026-02-01'],
    ];
    const p = planMerge(rows, COLS);
    expect(p.survivor).toBe(1);
    expect(p.survivorId).toBe('C2');
    expect(p.values).toEqual(['C2', 'John Smith', 'john@acme.com', '+1 415 555 0101', 'Proposal', 'wants net 30\nmet at fair', '2026-01-15']);
    expect(p.changed).toEqual([3, 5]);
    expect(p.removed).toEqual([0, 2]);
  });

  it('keeps the furthest stage and the earliest Created even from a less complete row', () => {
    const d1 = new Date(Date.UTC(2025, 11, 1));
    const d2 = new Date(Date.UTC(2026, 0, 1));
    const rows = [
      ['C1', 'Ann', 'ann@x.com', '123', 'Lead', '', d2],
      ['C2', 'Ann', '', '', 'Won', '', d1],
    ];
    const p = planMerge(rows, COLS);
    expect(p.survivor).toBe(0);
    expect(p.values[4]).toBe('Won');
    expect(p.values[6]).toBe(d1);
    expect(p.values[5]).toBe('');
    expect(p.changed).toEqual([4, 6]);
  });

  it('changes nothing of a survivor that already has everything', () => {
    const rows = [['C1', 'Ann', 'a@x.com', '1', 'Won', 'n', '2025-01-01'], ['C2', 'Ann', '', '', 'Lead', '', '2026-01-01']];
    expect(planMerge(rows, COLS).changed).toEqual([]);
  });
});
