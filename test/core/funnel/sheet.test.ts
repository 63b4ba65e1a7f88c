/**
 * The live Funnel sheet's formulas, evaluated by HyperFormula (the emulator's formula engine) over a
 * sample table, must give the core's own figures, with and without filters, and follow an edit.
 * HyperFormula rounds results to about 11 significant digits: ratios are compared to 9 decimals.
 */
import { HyperFormula } from 'hyperformula';
import { dateToSerial, defaultContext } from '../../../src/core/fields';
import type { CellValue, DropdownOption } from '../../../src/core/fields/types';
import { bySegment, computeFunnel, equalsCriterion, funnelRecords, newPerMonth, planFunnelSheet, type FunnelFilters, type FunnelSheetPlan, type StageField } from '../../../src/core/funnel';

const opt = (label: string, variants?: string[]): DropdownOption => (variants ? { label, color: '#ffffff', variants } : { label, color: '#ffffff' });
const FIELD: StageField = {
  options: [opt('Lead'), opt('Contacted'), opt('Qualified'), opt('Proposal'), opt('Negotiation'), opt('Won', ['Closed Won']), opt('Lost', ['Closed Lost'])],
  won: 'Won',
  lost: 'Lost',
};
const SPELLINGS = ['Lead', 'lead', '线索', 'Contacted', 'Qualified', 'QUALIFIED', 'Proposal', '报价', 'Negotiation', 'Won', 'won', 'Closed Won', '成交', 'Lost', '丢单', 'On hold', ''];
const OWNERS = ['Amy', 'Ben', 'Cai', ''];
const CHANNELS = ['Web', 'Referral', 'Event'];
const D0 = dateToSerial(2026, 1, 1);
const NAME = "Amy's clients";

/** A deterministic sample: ID, Owner, Channel, Stage, Value, Created, Stage since (columns A–G). */
function sample(rows: number): CellValue[][] {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const grid: CellValue[][] = [['Client ID', 'Owner', 'Channel', 'Stage', 'Deal value', 'Created', 'Stage since']];
  for (let i = 0; i < rows; i++) {
    const created = D0 + Math.floor(rnd() * 90);
    grid.push([`C${i}`, pick(OWNERS), pick(CHANNELS), pick(SPELLINGS), rnd() < 0.2 ? '' : Math.round(rnd() * 100000) / 100,
      rnd() < 0.1 ? '' : created, rnd() < 0.1 ? '' : created + Math.floor(rnd() * 60)]);
  }
  return grid;
}

function evaluate(grid: CellValue[][], plan: FunnelSheetPlan, filterValues: Record<string, CellValue> = {}) {
  const height = Math.max(...plan.cells.map((c) => c.row));
  const width = Math.max(...plan.cells.map((c) => c.column));
  const sheet: Array<Array<string | number | null>> = Array.from({ length: height }, () => new Array<string | number | null>(width).fill(null));
  for (const c of plan.cells) sheet[c.row - 1][c.column - 1] = c.formula ?? (c.value === '' ? null : c.value ?? null);
  for (const [a1, v] of Object.entries(filterValues)) {
    const m = /^([A-Z])(\d+)$/.exec(a1);
    if (m && typeof v !== 'boolean' && !(v instanceof Date)) sheet[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = v;
  }
  const hf = HyperFormula.buildFromSheets({ [NAME]: grid.map((r) => r.map((v) => (v === '' ? null : v as string | number))), Funnel: sheet }, { licenseKey: 'gpl-v3' });
  const id = hf.getSheetId('Funnel') as number;
  const at = (row: number, col: number) => hf.getCellValue({ sheet: id, row: row - 1, col: col - 1 });
  return { hf, at, id };
}

const NOW = new Date(Date.UTC(2026, 5, 1));

function records(grid: CellValue[][]) {
  return funnelRecords(grid, {
    stage: 3, id: { column: 0 }, owner: { column: 1 }, channel: { column: 2 }, value: { column: 4, type: 'currency' },
    created: { column: 5, type: 'date' }, stageSince: { column: 6, type: 'date' },
  }, defaultContext('en'), 1, grid.length);
}

function core(grid: CellValue[][], filters: FunnelFilters = {}) {
  return computeFunnel({ records: records(grid), stage: FIELD, filters, now: NOW, timeZone: 'UTC' });
}

function plan(grid: CellValue[][]) {
  const observed = [...new Set(grid.slice(1).map((r) => String(r[3])))];
  const recs = records(grid);
  return planFunnelSheet({
    locale: 'en',
    table: { sheetName: NAME, columns: { stage: 4, owner: 2, channel: 3, value: 5, created: 6, stageSince: 7 } },
    stage: FIELD,
    observed,
    months: newPerMonth(recs, { now: NOW, timeZone: 'UTC' }).map((m) => m.start),
    segments: { channel: CHANNELS, owner: bySegment(recs, 'owner', { now: NOW, timeZone: 'UTC' }).map((x) => x.label) },
  });
}

function expectSameTrends(ev: ReturnType<typeof evaluate>, p: FunnelSheetPlan, grid: CellValue[][], filters: FunnelFilters = {}) {
  const { at } = ev;
  const recs = records(grid);
  const opts = { filters, now: NOW, timeZone: 'UTC' };
  const months = p.charts.months;
  if (!months) throw new Error('no months');
  // The plan's months come from the sample as planned; the core counts them on the (edited) grid.
  const byMonth = new Map(newPerMonth(recs, opts).map((m) => [m.start, m.count]));
  for (let r = months.first; r <= months.last; r++) expect(at(r, 2)).toBe(byMonth.get(at(r, 1) as number) ?? 0);
  for (const [block, key] of [[p.charts.channels, 'channel'], [p.charts.owners, 'owner']] as const) {
    if (!block) throw new Error('no segments');
    for (let r = block.first; r <= block.last; r++) {
      const label = at(r, block.columns[0]) as string;
      const [row] = bySegment(recs, key, { ...opts, labels: [label] });
      expect([label, at(r, block.columns[1])]).toEqual([label, row.clients]);
      expect(at(r, block.columns[2]) as number).toBeCloseTo(row.value, 6);
    }
  }
}

function expectSame(ev: ReturnType<typeof evaluate>, p: FunnelSheetPlan, r: ReturnType<typeof core>) {
  const { at } = ev;
  const c = p.stageColumns;
  r.stages.forEach((s, i) => {
    const row = p.stageRows.first + i;
    expect(at(row, c.stage)).toBe(s.label);
    expect([s.label, at(row, c.reached), at(row, c.now), at(row, c.dropOff)]).toEqual([s.label, s.reached, s.now, s.dropOff]);
    expect(at(row, c.conversion) as number).toBeCloseTo(s.conversion, 9);
    expect(at(row, c.fromTop) as number).toBeCloseTo(s.fromTop, 9);
    expect(at(row, c.value) as number).toBeCloseTo(s.value, 6);
  });
  expect([at(p.totals.won, 2), at(p.totals.lost, 2)]).toEqual([r.won, r.lost]);
  if (r.winRate === null) expect(at(p.totals.winRate, 2)).toBe('');
  else expect(at(p.totals.winRate, 2) as number).toBeCloseTo(r.winRate, 9);
  if (r.avgCycleDays === null) expect(at(p.totals.avgCycle, 2)).toBe('');
  else expect(at(p.totals.avgCycle, 2) as number).toBeCloseTo(r.avgCycleDays, 9);
  expect(at(p.totals.openValue, 2) as number).toBeCloseTo(r.openValue, 6);
}

describe('planFunnelSheet: live formulas agree with the core', () => {
  const grid = sample(400);
  const p = plan(grid);

  it('lists every spelling of each stage once (COUNTIFS ignores case), variants found in the table included', () => {
    expect(p.spellings.stages.map((s) => s.spellings)).toEqual([
      ['Lead', '线索'], ['Contacted'], ['Qualified'], ['Proposal', '报价'], ['Negotiation'], ['Won', 'Closed Won', '成交'],
    ]);
    expect(p.spellings.lost).toEqual(['Lost', 'Closed Lost', '丢单']);
  });

  it('without filters: every figure equals the core\'s (unmapped "On hold" and blank stages left out by both)', () => {
    const r = core(grid);
    expect(r.unmapped.map((u) => u.value)).toEqual(['On hold']);
    expect(r.clients).toBeGreaterThan(300);
    const ev = evaluate(grid, p);
    expectSame(ev, p, r);
    expectSameTrends(ev, p, grid);
  });

  it('with each filter, and all at once', () => {
    const f = p.filters;
    const cases: Array<[Record<string, CellValue>, FunnelFilters]> = [
      [{ [f.owner ?? '']: 'amy' }, { owner: 'amy' }],
      [{ [f.channel ?? '']: 'Referral' }, { channel: 'Referral' }],
      [{ [f.createdFrom ?? '']: D0 + 30, [f.createdTo ?? '']: D0 + 59 }, { created: { from: '2026-01-31', to: '2026-03-01' } }],
      [{ [f.owner ?? '']: 'Ben', [f.channel ?? '']: 'web', [f.createdFrom ?? '']: D0 + 10 }, { owner: 'Ben', channel: 'web', created: { from: '2026-01-11' } }],
    ];
    for (const [cellsSet, filters] of cases) {
      const ev = evaluate(grid, p, cellsSet);
      expectSame(ev, p, core(grid, filters));
      expectSameTrends(ev, p, grid, filters);
    }
  });

  it('follows an edit of the table without a rebuild', () => {
    const ev = evaluate(grid, p);
    // Client C0 moves to Won (written as a variant), and a new row is added below the table.
    const edited = grid.map((r) => r.slice());
    edited[1][3] = '成交';
    edited.push(['C400', 'Amy', 'Web', 'Proposal', 500, D0, D0 + 3]);
    const tableId = ev.hf.getSheetId(NAME) as number;
    ev.hf.setCellContents({ sheet: tableId, row: 1, col: 3 }, '成交');
    ev.hf.setCellContents({ sheet: tableId, row: grid.length, col: 0 }, [['C400', 'Amy', 'Web', 'Proposal', 500, D0, D0 + 3]]);
    expectSame(ev, p, core(edited));
    expectSameTrends(ev, p, edited);
  });

  it('lays out the funnel chart\'s data: a spacer that centres each bar, and count (percent) labels', () => {
    const ev = evaluate(grid, p);
    const r = core(grid);
    const f = p.charts.funnel;
    expect(f.columns).toEqual([11, 12, 13, 14]);
    const top = r.stages[0].reached;
    r.stages.forEach((s, i) => {
      const row = f.first + i;
      expect([ev.at(row, 11), ev.at(row, 12), ev.at(row, 13)]).toEqual([s.label, (top - s.reached) / 2, s.reached]);
      expect(ev.at(row, 14)).toBe(`${s.reached} (${Math.round(s.fromTop * 100)}%)`);
    });
  });

  it('an empty table: zeros, no win rate, no cycle', () => {
    const empty = [grid[0]];
    expectSame(evaluate(empty, p), p, core(empty));
  });

  it('writes history figures as values, with a note that says why they are not formulas', () => {
    const withHistory = computeFunnel({
      records: [{ id: 'A', stage: 'Lost', owner: '', channel: '', created: D0, stageSince: null, value: null }],
      stage: FIELD,
      history: [{ id: 'A', from: 'Lead', to: 'Proposal', when: D0 + 2 }, { id: 'A', from: 'Proposal', to: 'Lost', when: D0 + 5 }],
      now: new Date(0),
      timeZone: 'UTC',
    });
    const hp = planFunnelSheet({ locale: 'zh-CN', table: { sheetName: 'T', columns: { stage: 1 } }, stage: FIELD, withHistory });
    const cell = (row: number, column: number) => hp.cells.find((c) => c.row === row && c.column === column);
    expect(hp.stageColumns.avgDays).toBe(9);
    expect([0, 1, 2, 3, 4].map((i) => cell(hp.stageRows.first + i, 8)?.value)).toEqual([1, 1, 1, 1, 0]);
    expect(cell(hp.stageRows.first, 9)?.value).toBe(2);
    expect(hp.cells.some((c) => typeof c.value === 'string' && c.value.includes('逐一比对'))).toBe(true);
    // No owner, channel or created column: no filter cells.
    expect(hp.filters).toEqual({ owner: null, channel: null, createdFrom: null, createdTo: null });
  });

  it('criteria match the text exactly: wildcards and leading operators are literal', () => {
    expect(equalsCriterion('Won')).toBe('"Won"');
    expect(equalsCriterion('a*b?~')).toBe('"a~*b~?~~"');
    expect(equalsCriterion('<b> "x"')).toBe('"=<b> ""x"""');
  });
});
