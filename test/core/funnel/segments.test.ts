import { dateToSerial } from '../../../src/core/fields';
import { bySegment, newPerMonth, type FunnelRecord } from '../../../src/core/funnel';

const NOW = new Date(Date.UTC(2026, 3, 15));
function rec(owner: string, channel: string, created: [number, number, number] | null, value: number | null, stage = 'Lead'): FunnelRecord {
  return { id: '', stage, owner, channel, created: created ? dateToSerial(...created) : null, stageSince: null, value };
}
const RECORDS = [
  rec('Amy', 'Web', [2025, 11, 30], 100),
  rec('amy', 'web', [2026, 1, 31], 50, 'Won'),
  rec('Ben', 'Referral', [2026, 1, 1], null, 'nonsense'),
  rec('Ben', 'ＷＥＢ', [2026, 3, 2], 25),
  rec('', '', null, 10),
];

describe('newPerMonth', () => {
  it('lists every month from the first to the last created date, empty ones included; any stage counts', () => {
    expect(newPerMonth(RECORDS, { now: NOW, timeZone: 'UTC' }).map((m) => [m.month, m.count])).toEqual([
      ['2025-11', 1], ['2025-12', 0], ['2026-01', 2], ['2026-02', 0], ['2026-03', 1],
    ]);
  });
  it('keeps the months when filtered, and caps their number at the latest ones', () => {
    expect(newPerMonth(RECORDS, { now: NOW, timeZone: 'UTC', filters: { owner: 'BEN' } }).map((m) => m.count)).toEqual([0, 0, 1, 0, 1]);
    expect(newPerMonth(RECORDS, { now: NOW, timeZone: 'UTC', maxMonths: 2 }).map((m) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(newPerMonth([], { now: NOW, timeZone: 'UTC' })).toEqual([]);
  });
});

describe('bySegment', () => {
  it('groups case, width and spacing variants, most clients first; blanks left out', () => {
    expect(bySegment(RECORDS, 'channel', { now: NOW, timeZone: 'UTC' })).toEqual([
      { label: 'Web', clients: 3, value: 175 }, { label: 'Referral', clients: 1, value: 0 },
    ]);
  });
  it('lists the labels given, in their order, zeros included, and nothing else', () => {
    expect(bySegment(RECORDS, 'owner', { now: NOW, timeZone: 'UTC', labels: ['Cai', 'Ben', 'Amy'], filters: { created: { from: '2026-01-01' } } })).toEqual([
      { label: 'Cai', clients: 0, value: 0 }, { label: 'Ben', clients: 2, value: 25 }, { label: 'Amy', clients: 1, value: 50 },
    ]);
  });
});
