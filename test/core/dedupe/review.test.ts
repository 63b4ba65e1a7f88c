/** The add-on's handling of the engine's clusters: fingerprints, "not duplicates" pairs, IDs, rule formulas. */
import type { Cluster, PairEvidence } from '../../../src/core/dedupe';
import {
  clusterColumn, dupeRuleFormula, isDupeColumnHeader, isDupeRuleFormula, pairKey, parseNotDuplicates, rowFingerprint, withoutNotDuplicates,
} from '../../../src/core/dedupe/review';

const link = (a: number, b: number, probability: number): PairEvidence => ({ a, b, probability, weight: 10, fields: [] });

describe('rowFingerprint', () => {
  it('is the client ID when there is one, else a hash blind to case and spacing', () => {
    expect(rowFingerprint(['C7', 'Ann'], 0)).toBe('id:C7');
    expect(rowFingerprint(['', 'Ann  Lee'], 0)).toBe(rowFingerprint(['', 'ann lee'], 0));
    expect(rowFingerprint(['', 'Ann Lee'], 0)).not.toBe(rowFingerprint(['', 'Ann Li'], 0));
    expect(rowFingerprint(['x', 'Ann'], null)).toMatch(/^row:[0-9a-f]{8}$/);
  });
});

describe('withoutNotDuplicates', () => {
  const fps = ['a', 'b', 'c', 'd'];
  const three: Cluster = { rows: [0, 1, 2], score: 0.97, band: 'sure', links: [link(0, 1, 0.99), link(1, 2, 0.97)] };
  it('leaves clusters alone when nothing is marked', () => {
    expect(withoutNotDuplicates([three], fps, new Set())).toEqual([three]);
  });
  it('splits a cluster along a marked link and drops a row left alone', () => {
    const out = withoutNotDuplicates([three], fps, new Set([pairKey('c', 'b')]));
    expect(out).toEqual([{ rows: [0, 1], score: 0.99, band: 'sure', links: [link(0, 1, 0.99)] }]);
  });
  it('never shows a marked pair together, even tied through a third row', () => {
    const out = withoutNotDuplicates([three], fps, new Set([pairKey('a', 'c')]));
    expect(out.map((c) => c.rows)).toEqual([[0, 1]]);
  });
  it('rescores what is left and rebands it', () => {
    const weak: Cluster = { rows: [0, 1, 2], score: 0.6, band: 'review', links: [link(0, 1, 0.6), link(0, 2, 0.6), link(1, 2, 0.98)] };
    const out = withoutNotDuplicates([weak], fps, new Set([pairKey('a', 'b'), pairKey('a', 'c')]));
    expect(out).toEqual([{ rows: [1, 2], score: 0.98, band: 'sure', links: [link(1, 2, 0.98)] }]);
  });
});

describe('storage, IDs and rules', () => {
  it('reads only well-formed stored pairs', () => {
    expect(parseNotDuplicates('not json').size).toBe(0);
    expect([...parseNotDuplicates(JSON.stringify([pairKey('b', 'a'), 3]))]).toEqual([pairKey('a', 'b')]);
  });
  it('gives each clustered row its cluster ID', () => {
    const cs: Cluster[] = [{ rows: [3, 1], score: 1, band: 'sure', links: [] }, { rows: [0, 4], score: 0.6, band: 'review', links: [] }];
    expect(clusterColumn(cs, 5)).toEqual(['D2', 'D1', '', 'D1', 'D2']);
  });
  it('recognises its column and its rules, and nothing else', () => {
    expect(isDupeColumnHeader(' Duplicate group ')).toBe(true);
    expect(isDupeColumnHeader('重复组')).toBe(true);
    expect(isDupeColumnHeader('Group')).toBe(false);
    expect(isDupeRuleFormula(dupeRuleFormula('K', 2, 3))).toBe(true);
    expect(isDupeRuleFormula('=AND(ISTEXT("clientflow:invalid"),TRUE)')).toBe(false);
    expect(dupeRuleFormula('K', 2, 3)).toBe('=AND(ISTEXT("clientflow:dupe"),LEFT($K2,1)="D",MOD(VALUE(MID($K2,2,9))-1,8)=3)');
  });
});
