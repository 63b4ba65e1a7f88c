/**
 * The dedupe peer: OpenRefine's fingerprint keys and key-collision clusters, and the pairwise
 * precision/recall the bench reports against the planted truth.
 */
import { fingerprintClusters, fingerprintKey, scorePairs } from '../../bench/fingerprint';

describe('fingerprintKey', () => {
  it('keys values as OpenRefine does: trim, lower case, no punctuation, ASCII, sorted unique tokens', () => {
    expect(fingerprintKey("  Tom's Sports Equipment, Inc. ")).toBe('equipment inc sports toms');
    expect(fingerprintKey('Smith, John')).toBe(fingerprintKey('john  SMITH'));
    expect(fingerprintKey('Gödel')).toBe('godel');
    expect(fingerprintKey('Renée Müller')).toBe('muller renee');
    expect(fingerprintKey('John\u0007 Smith John')).toBe('john smith');
    expect(fingerprintKey('张伟')).toBe('张伟');
    expect(fingerprintKey('  ,. ')).toBe('');
  });

  it('does not see that Zhang Wei and 张伟 are the same person (why our dedupe looks at contact data)', () => {
    expect(fingerprintKey('Zhang Wei')).toBe(fingerprintKey('Wei Zhang'));
    expect(fingerprintKey('Zhang Wei')).not.toBe(fingerprintKey('张伟'));
  });
});

describe('fingerprintClusters and scorePairs', () => {
  it('groups rows sharing a non-empty key into clusters of two or more', () => {
    expect(fingerprintClusters(['John Smith', 'smith, john', 'Jane Doe', '', '', 'JANE DOE ', 'Bob'])).toEqual([[0, 1], [2, 5]]);
  });

  it('scores pairs: precision over predicted pairs, recall over true pairs', () => {
    const s = scorePairs([[0, 1, 2], [5, 6]], [[0, 1], [3, 4], [5, 6]]);
    expect(s).toEqual({ predictedPairs: 4, truePairs: 3, correctPairs: 2, precision: 0.5, recall: 2 / 3 });
    expect(scorePairs([], [[0, 1]])).toMatchObject({ precision: 1, recall: 0 });
  });
});
