/**
 * The Fellegi-Sunter estimation on its own: EM recovers the m probabilities and the share of matches
 * from comparison patterns drawn with known ones, and the prior over all pairs counts sure copies.
 */
import { estimateU, fitLambda, fitModel, levelWeight } from '../../../src/core/dedupe/model';

/** A seeded generator (tests must not depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function draw(r: () => number, probs: readonly number[]): number {
  let x = r();
  for (let l = 0; l < probs.length; l++) { x -= probs[l] as number; if (x < 0) return l + 1; }
  return probs.length;
}

describe('fitModel', () => {
  it('recovers m and the share of matches from unlabeled patterns (three fields, u known)', () => {
    const F = 3;
    const mTrue = [[0.9, 0.05, 0.03, 0.02], [0.8, 0.1, 0.05, 0.05], [0.85, 0.05, 0.05, 0.05]];
    const uTrue = [[0.001, 0.002, 0.01, 0.987], [0.01, 0.01, 0.03, 0.95], [0.005, 0.005, 0.02, 0.97]];
    const r = rng(7);
    const counts = new Map<number, number>();
    const N = 200000;
    for (let k = 0; k < N; k++) {
      const match = r() < 0.02;
      let code = 0;
      for (let f = F - 1; f >= 0; f--) code = code * 5 + draw(r, (match ? mTrue : uTrue)[f] as number[]);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const uCounts = new Float64Array(F * 5);
    uTrue.forEach((row, f) => row.forEach((p, l) => { uCounts[f * 5 + l + 1] = p * 1e6; }));
    const u = estimateU(uCounts, F, uTrue);
    const model = fitModel([...counts.entries()], F, u, [0.5, 0.5, 0.5]);
    expect(model.lambda).toBeGreaterThan(0.017);
    expect(model.lambda).toBeLessThan(0.023);
    for (let f = 0; f < F; f++) expect(model.m[f * 5 + 1]).toBeCloseTo((mTrue[f] as number[])[0] as number, 1);
    // Agreement is evidence for, disagreement against.
    expect(levelWeight(model, 0, 1)).toBeGreaterThan(8);
    expect(levelWeight(model, 0, 4)).toBeLessThan(-4);
  });
});

describe('fitLambda', () => {
  it('gives the chance that two random records match, counting copies blocking did not pair', () => {
    const F = 1;
    const m = new Float64Array([0, 0.9, 0.05, 0.03, 0.02]);
    const u = new Float64Array([0, 1e-7, 0.0009, 0.001, 0.9990999]);
    // 100 exact pairs (all matches) and 10,000 disagreeing candidate pairs among 1,000,000 pairs.
    const patterns: Array<[number, number]> = [[1, 100], [4, 10000]];
    const plain = fitLambda(patterns, F, m, u, 1e6);
    expect(plain.lambda).toBeGreaterThan(0.9e-4);
    expect(plain.lambda).toBeLessThan(1.3e-4);
    const withCopies = fitLambda(patterns, F, m, u, 1e6, 900);
    expect(withCopies.lambda).toBeGreaterThan(0.9e-3);
    expect(withCopies.lambda).toBeLessThan(1.2e-3);
  });
});
