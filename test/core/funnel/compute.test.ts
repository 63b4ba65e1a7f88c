import { dateToSerial } from '../../../src/core/fields';
import type { DropdownOption } from '../../../src/core/fields/types';
import { biggestLeaks, computeFunnel, NoStagesError, stageModel, type FunnelInput, type FunnelRecord, type StageChange } from '../../../src/core/funnel';

const opt = (label: string, variants?: string[]): DropdownOption => (variants ? { label, color: '#ffffff', variants } : { label, color: '#ffffff' });
const STAGES = ['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'].map((l) => opt(l));
const DAY0 = dateToSerial(2026, 1, 1);
const NOW = new Date(Date.UTC(2026, 2, 1, 12));

function rec(stage: string, more: Partial<FunnelRecord> = {}): FunnelRecord {
  return { id: '', stage, owner: '', channel: '', created: null, stageSince: null, value: null, ...more };
}
function funnel(records: FunnelRecord[], more: Partial<FunnelInput> = {}) {
  return computeFunnel({ records, stage: { options: STAGES }, now: NOW, timeZone: 'UTC', ...more });
}
const ch = (id: string, from: string, to: string, day: number): StageChange => ({ id, from, to, when: DAY0 + day });

describe('computeFunnel without a history', () => {
  it('counts who reached each stage from the current stage; a lost client counts at the first stage only', () => {
    const r = funnel(['Lead', 'Lead', 'Contacted', 'Proposal', 'Won', 'Won', 'Lost', 'Lost'].map((s) => rec(s)));
    // Hand-computed: furthest stages 0,0,1,3,5,5 and the two lost at 0.
    expect(r.stages.map((s) => s.label)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    expect(r.stages.map((s) => s.reached)).toEqual([8, 4, 3, 3, 2, 2]);
    expect(r.stages.map((s) => s.now)).toEqual([2, 1, 0, 1, 0, 2]);
    expect(r.stages.map((s) => s.conversion)).toEqual([1, 0.5, 0.75, 1, 2 / 3, 1]);
    expect(r.stages.map((s) => s.fromTop)).toEqual([1, 0.5, 3 / 8, 3 / 8, 0.25, 0.25]);
    expect(r.stages.map((s) => s.dropOff)).toEqual([4, 1, 0, 1, 0, 0]);
    expect(r.stages.every((s) => s.avgDays === null)).toBe(true);
    expect([r.won, r.lost, r.winRate, r.clients]).toEqual([2, 2, 0.5, 8]);
    expect(r.history).toBeNull();
  });

  it('sums deal values per current stage and the open pipeline; cycle length from created to stage since', () => {
    const r = funnel([
      rec('Lead', { value: 100 }),
      rec('Proposal', { value: 250.5 }),
      rec('Won', { value: 1000, created: DAY0, stageSince: DAY0 + 30 }),
      rec('Won', { value: 500, created: DAY0, stageSince: DAY0 + 10 }),
      rec('Won', { value: 7 }), // no dates: no cycle
      rec('Lost', { value: 999 }),
    ]);
    expect(r.stages.find((s) => s.label === 'Proposal')?.value).toBe(250.5);
    expect(r.stages.find((s) => s.label === 'Won')?.value).toBe(1507);
    expect(r.openValue).toBe(350.5);
    expect(r.avgCycleDays).toBe(20);
    expect(r.cycles).toBe(2);
  });

  it('names the steps that leak most: lowest conversion into the next stage first', () => {
    const r = funnel(['Lead', 'Lead', 'Contacted', 'Proposal', 'Won', 'Won', 'Lost', 'Lost'].map((s) => rec(s)));
    // Conversions into the next stage: Lead→Contacted 0.5, Negotiation→Won 1, Qualified→Proposal 1, Proposal→Negotiation 2/3.
    expect(biggestLeaks(r)).toEqual([
      { from: 'Lead', to: 'Contacted', lost: 4, keep: 0.5 },
      { from: 'Proposal', to: 'Negotiation', lost: 1, keep: 2 / 3 },
    ]);
    expect(biggestLeaks(funnel([]))).toEqual([]);
  });

  it('an empty table gives every stage with zeros and no win rate', () => {
    const r = funnel([]);
    expect(r.stages.map((s) => [s.reached, s.conversion])).toEqual([[0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect([r.won, r.lost, r.winRate, r.avgCycleDays, r.clients]).toEqual([0, 0, null, null, 0]);
  });

  it('counts variants as their option: other spellings, case, spacing, Chinese and hyphenated synonyms', () => {
    const r = computeFunnel({
      records: ['Lead', ' lead ', 'LEAD', '线索', 'Won', '成交', '已成交', '赢单', 'Closed Won', 'closed-won', 'won', '丢单', 'Closed Lost', '流失'].map((s) => rec(s)),
      stage: { options: [opt('Lead'), opt('Won'), opt('Lost')] },
      now: NOW,
      timeZone: 'UTC',
    });
    expect(r.stages.map((s) => [s.label, s.reached, s.now])).toEqual([['Lead', 14, 4], ['Won', 7, 7]]);
    expect([r.won, r.lost, r.unmapped]).toEqual([7, 3, []]);
  });

  it('counts and lists stage values that mean no option, most frequent first; empty stages apart', () => {
    const r = funnel(['Lead', 'On hold', 'On hold', 'Paused', '', '  ', 'Won'].map((s) => rec(s)));
    expect(r.unmapped).toEqual([{ value: 'On hold', count: 2 }, { value: 'Paused', count: 1 }]);
    expect(r.noStage).toBe(2);
    expect(r.clients).toBe(2);
    expect(r.stages[0].reached).toBe(2);
  });

  it('merges options that are variants of each other and puts the won option last, the lost one out', () => {
    const m = stageModel({ options: [opt('Won'), opt('Lost'), opt('Lead'), opt('成交'), opt('Contacted')] });
    expect(m.steps).toEqual(['Lead', 'Contacted', 'Won']);
    expect([m.won, m.lost]).toEqual(['Won', 'Lost']);
    const r = computeFunnel({ records: [rec('成交'), rec('Won')], stage: { options: [opt('Won'), opt('成交'), opt('Lost')] }, now: NOW, timeZone: 'UTC' });
    expect(r.stages.map((s) => [s.label, s.now])).toEqual([['Won', 2]]);
  });

  it('uses the won and lost labels it is given, and refuses a field with no options', () => {
    const m = stageModel({ options: [opt('New'), opt('Signed up'), opt('Gone')], won: 'Signed up', lost: 'Gone' });
    expect(m.steps).toEqual(['New', 'Signed up']);
    expect(() => stageModel({ options: [] })).toThrow(NoStagesError);
  });

  it('follows the filters: owner, channel (case and width folded) and created period, by the injected clock', () => {
    const records = [
      rec('Lead', { owner: 'Ann', channel: 'Web', created: dateToSerial(2026, 2, 28) }),
      rec('Won', { owner: 'ann', channel: 'Referral', created: dateToSerial(2026, 1, 10) }),
      rec('Lost', { owner: 'Bob', channel: 'Web', created: dateToSerial(2026, 2, 20) }),
      rec('Contacted', { owner: 'Bob', channel: 'ＷＥＢ', created: null }),
    ];
    expect(funnel(records, { filters: { owner: 'ANN' } }).stages[0].reached).toBe(2);
    expect(funnel(records, { filters: { channel: 'web' } }).clients).toBe(3);
    const last30 = funnel(records, { filters: { created: { lastDays: 30 } } });
    expect([last30.clients, last30.filteredOut, last30.lost]).toEqual([2, 2, 1]);
    // The clock decides what "the last 30 days" are.
    expect(funnel(records, { filters: { created: { lastDays: 30 } }, now: new Date(Date.UTC(2026, 1, 5)) }).clients).toBe(1);
    expect(funnel(records, { filters: { created: { from: '2026-01-10', to: '2026-02-20' } } }).clients).toBe(2);
  });
});

describe('computeFunnel with a history', () => {
  const records = [
    rec('Lost', { id: 'C1', created: DAY0 }),
    rec('Won', { id: 'C2', created: DAY0 }),
    rec('Contacted', { id: 'C3', created: DAY0 }),
    rec('Lead', { id: 'C4', created: DAY0 }),
  ];
  const history = [
    ch('C1', '', 'Lead', 0), ch('C1', 'Lead', 'Contacted', 2), ch('C1', 'Contacted', 'Qualified', 5),
    ch('C1', 'Qualified', 'Proposal', 10), ch('C1', 'Proposal', 'Lost', 20),
    // Out of time order in the file: sorted by time per client.
    ch('C2', 'Contacted', 'Won', 4), ch('C2', 'Lead', 'Contacted', 1),
    ch('C2', 'Won', '成交', 7), // a respelling, no change
    ch('C4', 'Lead', 'Proposal', 3), ch('C4', 'Proposal', 'Lead', 6), // moved back
    ch('X9', 'Lead', 'Won', 1), // a client no longer in the table
    ch('C3', 'Contacted', 'Somewhere', 2), // a stage nobody knows
  ];

  it('reached follows the history: a lost client counts up to where it got, a client moved back where it had been', () => {
    const r = funnel(records, { history });
    // C1 → Proposal, C2 → Won, C3 → Contacted (current), C4 → Proposal (had been there).
    expect(r.stages.map((s) => s.reached)).toEqual([4, 4, 3, 3, 1, 1]);
    expect(r.stages.map((s) => s.now)).toEqual([1, 1, 0, 0, 0, 1]);
    expect([r.won, r.lost, r.winRate]).toEqual([1, 1, 0.5]);
    // Without the history the lost client would count at Lead only and C4 at Lead.
    expect(funnel(records).stages.map((s) => s.reached)).toEqual([4, 2, 1, 1, 1, 1]);
  });

  it('averages completed stays per stage, in days; the cycle ends at the change to won', () => {
    const r = funnel(records, { history });
    // Lead: C1 0→2, C2 created 0→1, C4 created 0→3 (its second Lead stay is not over) = 2.
    // Contacted: C1 2→5, C2 1→4, C3 created 0→2 (left for an unknown stage) = 8/3.
    // Qualified: C1 5→10. Proposal: C1 10→20, C4 3→6 = 6.5.
    expect(r.stages.map((s) => s.avgDays)).toEqual([2, 8 / 3, 5, 6.5, null, null]);
    expect(r.stages.map((s) => s.stays)).toEqual([3, 3, 1, 2, 0, 0]);
    expect(r.avgCycleDays).toBe(4);
    expect(r.history).toEqual({ changes: 12, used: 11, orphans: 1, variantOnly: 1, unmapped: [{ value: 'Somewhere', count: 1 }] });
  });

  it('history rows of clients filtered out are neither used nor orphans', () => {
    const withOwners = records.map((x, i) => ({ ...x, owner: i === 0 ? 'Ann' : 'Bob' }));
    const r = funnel(withOwners, { history, filters: { owner: 'Ann' } });
    expect(r.stages.map((s) => s.reached)).toEqual([1, 1, 1, 1, 0, 0]);
    expect([r.history?.used, r.history?.orphans]).toEqual([5, 1]);
  });

  it('sorts a long history of one client by time (written newest first)', () => {
    // 40 changes a day apart, Lead ⇄ Contacted, in reverse time order in the file.
    const long = Array.from({ length: 40 }, (_, i) => 39 - i).map((d) => (d % 2 === 0 ? ch('L', 'Lead', 'Contacted', d) : ch('L', 'Contacted', 'Lead', d)));
    const r = funnel([rec('Lead', { id: 'L' })], { history: long });
    expect(r.stages.slice(0, 2).map((s) => [s.avgDays, s.stays])).toEqual([[1, 19], [1, 20]]);
  });

  it('history stage names are read through the same variants (renamed to Chinese after the fact)', () => {
    const r = funnel([rec('Lost', { id: 'A' })], { history: [ch('A', '线索', '初步接触', 1), ch('A', '初步接触', '方案', 3), ch('A', '方案', '丢单', 9)] });
    expect(r.stages.map((s) => s.reached)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(r.stages.map((s) => s.avgDays)).toEqual([null, 2, null, 6, null, null]);
  });
});
