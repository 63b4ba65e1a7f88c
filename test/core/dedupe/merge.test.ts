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

describe('planMerge rules: sums, latest dates, stage outcomes, policies, choices', () => {
  const OPTIONS = [
    { label: 'Lead' }, { label: 'Qualified', variants: ['合格'] }, { label: 'Proposal' },
    { label: 'Won', variants: ['成交', 'Closed Won'], outcome: 'won' as const }, { label: 'Lost', variants: ['流失'], outcome: 'lost' as const },
  ];
  // id, name, stage, orders, total spend, deal value, last contact, updated, created
  const cols = { id: 0, stage: { column: 2, options: OPTIONS, since: 7 }, sum: [3, 4], latest: [6, 7], updated: 7, created: 8 };

  it('adds up counts and totals but keeps the deal value, and keeps the latest last contact', () => {
    const rows = [
      ['C1', 'Ann', 'Lead', 3, 120.1, 5000, '2026-01-02', '', '2025-06-01'],
      ['C2', 'Ann', 'Lead', 2, 80.2, 7000, '2026-03-04', '', '2025-09-01'],
    ];
    const p = planMerge(rows, cols);
    expect(p.values[3]).toBe(5);
    expect(p.values[4]).toBe(200.3);
    expect(p.values[5]).toBe(5000);
    expect(p.values[6]).toBe('2026-03-04');
    expect(p.values[8]).toBe('2025-06-01');
    expect(p.from.get(3)).toBe(-1);
  });

  it('does not guess at a count written as text: the survivor keeps its value', () => {
    const rows = [['C1', 'Ann', 'Lead', 'about 3', '', '', '', '', ''], ['C2', 'Ann', '', 2, '', '', '', '', '']];
    expect(planMerge(rows, cols).values[3]).toBe('about 3');
  });

  it('reads variants as their option: 成交 (Won) beats Proposal, and is kept as written', () => {
    const rows = [['C1', 'Ann', 'Proposal', '', '', '', '', '', ''], ['C2', '', '成交', '', '', '', '', '', '']];
    expect(planMerge(rows, cols).values[2]).toBe('成交');
    const rows2 = [['C1', 'Ann', '合格', '', '', '', '', '', ''], ['C2', '', 'Lead', '', '', '', '', '', '']];
    expect(planMerge(rows2, cols).values[2]).toBe('合格');
  });

  it('keeps an open stage over Lost, unless the loss is the more recent fact', () => {
    const older = [['C1', 'Ann', 'Lost', '', '', '', '', '2026-01-01', ''], ['C2', '', 'Qualified', '', '', '', '', '2026-02-01', '']];
    expect(planMerge(older, cols).values[2]).toBe('Qualified');
    const newer = [['C1', 'Ann', '流失', '', '', '', '', '2026-03-01', ''], ['C2', '', 'Qualified', '', '', '', '', '2026-02-01', '']];
    expect(planMerge(newer, cols).values[2]).toBe('流失');
    const undated = [['C1', 'Ann', 'Lost', '', '', '', '', '', ''], ['C2', '', 'Lead', '', '', '', '', '', '']];
    expect(planMerge(undated, cols).values[2]).toBe('Lead');
    const won = [['C1', 'Ann', 'Lost', '', '', '', '', '2026-03-01', ''], ['C2', '', 'Won', '', '', '', '', '2026-01-01', '']];
    expect(planMerge(won, cols).values[2]).toBe('Won');
  });

  it('chooses the survivor by policy: most complete, most recently updated, oldest', () => {
    const rows = [
      ['C1', 'Ann', 'Lead', 1, '', '', '', '2026-01-01', '2025-01-01'],
      ['C2', 'Ann', 'Lead', 1, 10, 20, '2026-01-01', '2025-05-01', '2025-03-01'],
      ['C3', 'Ann', '', '', '', '', '', '2026-04-01', '2025-02-01'],
    ];
    expect(planMerge(rows, cols).survivor).toBe(1);
    expect(planMerge(rows, cols, { policy: 'recent' }).survivor).toBe(2);
    expect(planMerge(rows, cols, { policy: 'oldest' }).survivor).toBe(0);
    expect(planMerge(rows, cols, { policy: 'oldest' }).survivorId).toBe('C1');
    expect(planMerge(rows, cols, { survivor: 2 }).survivorId).toBe('C3');
  });

  it('lets a chosen value override every rule', () => {
    const rows = [['C1', 'Ann', 'Won', 3, '', 5000, '', '', ''], ['C2', 'Anne', 'Lead', 2, '', 7000, '', '', '']];
    const p = planMerge(rows, cols, { values: new Map([[1, 1], [3, 0], [5, 1], [2, 1]]) });
    expect(p.values.slice(1, 6)).toEqual(['Anne', 'Lead', 3, '', 7000]);
    expect(p.changed).toEqual([1, 2, 5]);
  });

  it('joins notes without repeating identical text', () => {
    const rows = [['C1', 'likes tea\nVIP'], ['C2', 'vip\nasked for a quote'], ['C3', 'Likes  tea']];
    expect(planMerge(rows, { notes: 1 }).values[1]).toBe('likes tea\nVIP\nasked for a quote');
  });
});
