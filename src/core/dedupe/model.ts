/**
 * Fellegi-Sunter weights learned from the table itself, without labels, as Splink does it
 * (Splink's docs and source: `estimate_u_using_random_sampling`, then expectation-maximisation of the
 * m probabilities over the blocked candidate pairs with u held fixed, and term-frequency adjustments
 * for exact agreement, where the u of an exact match on value x is x's frequency; the same model as
 * the R package fastLink and reclin's `problink_em`):
 * - u[f][l]: how often field f compares at level l between two random records (random pairs);
 * - m[f][l]: how often it does between two records of one client (EM over candidate pairs, run on the
 *   table of distinct comparison patterns with their counts, so its cost does not grow with rows)
 *   (`fitModel`; within one EM session lambda is the share of that session's pairs that match);
 * - lambda of the final model: the chance that two random records match (`fitLambda`), the prior
 *   that goes with u from random pairs.
 * A level's weight is log2(m/u): positive when the level is commoner among matches (agreeing emails),
 * negative when it is rarer (two different birth dates).
 */
import { CLOSE, DIFFERENT, EXACT, LEVELS, MISSING, PARTIAL } from './fields';

export interface Model {
  fields: number;
  lambda: number;
  /** m and u per field and level: index f * LEVELS + level. */
  m: Float64Array;
  u: Float64Array;
  /** Iterations EM ran. */
  iterations: number;
}

/** Pseudo-pairs at a kind's usual u, added to the random pairs' counts (a small table has few pairs). */
const U_PSEUDO = 2000;

/**
 * Estimated u from counts of levels among random pairs, each field's counts blended with U_PSEUDO
 * pairs at its kind's usual u (`prior`, per field: exact, close, partial, different), so a table of
 * ten rows does not conclude that emails agree between strangers one time in three.
 */
export function estimateU(counts: Float64Array, fields: number, prior: ReadonlyArray<readonly number[]>): Float64Array {
  const u = new Float64Array(fields * LEVELS);
  for (let f = 0; f < fields; f++) {
    const p = prior[f] as readonly number[];
    let total = U_PSEUDO;
    for (let l = EXACT; l <= DIFFERENT; l++) total += counts[f * LEVELS + l] as number;
    for (let l = EXACT; l <= DIFFERENT; l++) u[f * LEVELS + l] = Math.max(1e-7, ((counts[f * LEVELS + l] as number) + U_PSEUDO * (p[l - 1] as number)) / total);
  }
  return u;
}

/** Starting m per level (and the m of a field no session could estimate). */
export const M_START = [0, 0.85, 0.07, 0.04, 0.04];
const M_MIN = 1e-4;
const PSEUDO = 3;
const M_DIFFERENT_MIN = 0.02;

/**
 * EM for m and lambda over comparison patterns (levels of all fields, base LEVELS digits) and their
 * counts, u fixed. Deterministic; at most `maxIter` iterations, stops when nothing moves.
 */
export function fitModel(
  patterns: ReadonlyArray<readonly [code: number, count: number]>,
  fields: number,
  u: Float64Array,
  maxDifferent: ArrayLike<number>,
  maxIter = 60,
): Model {
  const m = new Float64Array(fields * LEVELS);
  for (let f = 0; f < fields; f++) for (let l = EXACT; l <= DIFFERENT; l++) m[f * LEVELS + l] = M_START[l] as number;
  let lambda = 0.05;
  const P = patterns.length;
  const levels = new Uint8Array(P * fields);
  const counts = new Float64Array(P);
  patterns.forEach(([code, count], p) => {
    let c = code;
    for (let f = 0; f < fields; f++) {
      levels[p * fields + f] = c % LEVELS;
      c = Math.floor(c / LEVELS);
    }
    counts[p] = count;
  });
  let total = 0;
  for (let p = 0; p < P; p++) total += counts[p] as number;
  const post = new Float64Array(P);
  let it = 0;
  for (; it < maxIter; it++) {
    // E: the probability that each pattern is a match.
    for (let p = 0; p < P; p++) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let f = 0; f < fields; f++) {
        const l = levels[p * fields + f] as number;
        if (l === MISSING) continue;
        lm += Math.log(m[f * LEVELS + l] as number);
        lu += Math.log(u[f * LEVELS + l] as number);
      }
      post[p] = 1 / (1 + Math.exp(lu - lm));
    }
    // M: m from the expected matches; lambda from their share.
    const acc = new Float64Array(fields * LEVELS);
    let matches = 0;
    for (let p = 0; p < P; p++) {
      const w = (post[p] as number) * (counts[p] as number);
      matches += w;
      for (let f = 0; f < fields; f++) {
        const l = levels[p * fields + f] as number;
        acc[f * LEVELS + l] = (acc[f * LEVELS + l] as number) + w;
      }
    }
    let moved = 0;
    for (let f = 0; f < fields; f++) {
      let sum = 0;
      for (let l = EXACT; l <= DIFFERENT; l++) sum += acc[f * LEVELS + l] as number;
      const next = new Float64Array(LEVELS);
      // A few pseudo-matches at the starting m keep small tables from learning that a level never
      // happens between two records of one client (weights of ±13 bits from a handful of pairs).
      for (let l = EXACT; l <= DIFFERENT; l++) next[l] = Math.max(M_MIN, ((acc[f * LEVELS + l] as number) + PSEUDO * (M_START[l] as number)) / (sum + PSEUDO));
      // The prior that keeps EM off the degenerate solution where "matches" are merely pairs that share
      // a blocking key: an identifying column, filled on both sides, rarely disagrees outright between
      // two records of one client (at most maxDifferent[f] of the time); the rest goes to the others.
      // And at least M_DIFFERENT_MIN: a client may well have written another website or birth date once,
      // so no single disagreement is worth more than about -5.6 bits.
      if ((next[DIFFERENT] as number) < M_DIFFERENT_MIN) {
        const short = M_DIFFERENT_MIN - (next[DIFFERENT] as number);
        next[DIFFERENT] = M_DIFFERENT_MIN;
        const others = 1 - M_DIFFERENT_MIN + short;
        for (let l = EXACT; l < DIFFERENT; l++) next[l] = ((next[l] as number) / others) * (1 - M_DIFFERENT_MIN);
      }
      const cap = maxDifferent[f] as number;
      const diff = next[DIFFERENT] as number;
      if (diff > cap) {
        const rest = 1 - diff;
        next[DIFFERENT] = cap;
        for (let l = EXACT; l < DIFFERENT; l++) next[l] = rest > 0 ? ((next[l] as number) / rest) * (1 - cap) : (1 - cap) / 3;
      }
      for (let l = EXACT; l <= DIFFERENT; l++) {
        moved = Math.max(moved, Math.abs((next[l] as number) - (m[f * LEVELS + l] as number)));
        m[f * LEVELS + l] = next[l] as number;
      }
    }
    const nextLambda = Math.min(0.999, Math.max(1e-6, matches / Math.max(1, total)));
    moved = Math.max(moved, Math.abs(nextLambda - lambda));
    lambda = nextLambda;
    if (moved < 1e-5) { it++; break; }
  }
  return { fields, lambda, m, u, iterations: it };
}

/**
 * EM for lambda alone, m and u fixed: lambda is the probability that two records taken at random are
 * one client (Splink's `probability_two_random_records_match`), the prior that goes with u estimated
 * on random pairs. The pairs blocking did not propose are taken as non-matches, so the expected
 * matches among the candidates are divided by all n(n-1)/2 pairs.
 */
export function fitLambda(
  patterns: ReadonlyArray<readonly [code: number, count: number]>,
  fields: number,
  m: Float64Array,
  u: Float64Array,
  allPairs: number,
  sureMatches = 0,
  maxIter = 200,
): Model {
  const P = patterns.length;
  const ratio = new Float64Array(P);
  const counts = new Float64Array(P);
  let total = 0;
  patterns.forEach(([code, count], p) => {
    let c = code;
    let lr = 0;
    for (let f = 0; f < fields; f++) {
      const l = c % LEVELS;
      c = Math.floor(c / LEVELS);
      if (l !== MISSING) lr += Math.log((m[f * LEVELS + l] as number) / (u[f * LEVELS + l] as number));
    }
    ratio[p] = lr;
    counts[p] = count;
    total += count;
  });
  const pairs = Math.max(total, allPairs, 1);
  // From above: with many copies of one client the fixed point that explains them is the high one.
  let lambda = 0.1;
  let it = 0;
  for (; it < maxIter; it++) {
    const prior = Math.log(lambda / (1 - lambda));
    let matches = sureMatches;
    for (let p = 0; p < P; p++) matches += (counts[p] as number) / (1 + Math.exp(-(prior + (ratio[p] as number))));
    const next = Math.min(0.5, Math.max(1e-12, matches / pairs));
    const moved = Math.abs(next - lambda) / lambda;
    lambda = next;
    if (moved < 1e-4) { it++; break; }
  }
  return { fields, lambda, m, u, iterations: it };
}

/** log2(m/u) of a level (0 for missing). */
export function levelWeight(model: Model, f: number, level: number): number {
  if (level === MISSING) return 0;
  return Math.log2((model.m[f * LEVELS + level] as number) / (model.u[f * LEVELS + level] as number));
}

export { CLOSE, PARTIAL };
