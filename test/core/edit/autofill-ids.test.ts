/** idSummary: two IDs that stand for a whole ID column as far as nextClientId is concerned. */
import { nextClientId } from '../../../src/core/fields';
import { idSummary } from '../../../src/core/edit/autofill';

describe('idSummary', () => {
  it('gives the same next ID as the whole column, with any IDs added', () => {
    const columns = [
      ['C-000001', 'C-000041', 'x', ''],
      ['C-0000007', 'C-000900', ''],
      ['c- 12', 'C-000003', 'C-9'],
      [],
      ['C-999999', 'C-000001'],
    ];
    const more = [[], ['C-000950'], ['C-00000001'], ['junk']];
    for (const col of columns) for (const m of more) {
      expect(nextClientId([...idSummary(col), ...m])).toBe(nextClientId([...col, ...m]));
    }
  });

  it('is the same whatever the order of the IDs (no spurious counter writes)', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `C-${String(i + 1).padStart(6, '0')}`);
    expect(idSummary(ids)).toEqual(['C-000050']);
    expect(idSummary([...ids].reverse())).toEqual(['C-000050']);
    expect(idSummary([...idSummary(ids), 'C-000020'])).toEqual(idSummary(ids));
  });
});
