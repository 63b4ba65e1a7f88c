/**
 * Small seeded randomness for the bench and the demo table: no Math.random anywhere, so a seed gives
 * the same table on every machine. mulberry32 is a tiny 32-bit PRNG (public domain, by Tommy Ettinger);
 * `hash` (murmur3's finalizer over a few integers) derives an independent stream per row, so any row
 * can be produced on its own, in any order (streaming).
 */

export type Rng = () => number; // uniform in [0, 1)

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed 32-bit hash of a few integers. */
export function hash(...parts: number[]): number {
  let h = 0x9747b28c;
  for (const p of parts) h = fmix((h ^ Math.imul(p | 0, 0xcc9e2d51)) + 0x1b873593 + (h << 5));
  return h;
}

/** An independent generator for (seed, index, salt). */
export function rngFor(seed: number, index: number, salt: number): Rng {
  return mulberry32(hash(seed, index, salt));
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks by weight: entries are [weight, value]. */
export function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [number, T]>): T {
  let total = 0;
  for (const [w] of entries) total += w;
  let r = rng() * total;
  for (const [w, v] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return (entries[entries.length - 1] as readonly [number, T])[1];
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/**
 * A bijection of [0, 10^digits) (i * a + b mod 10^digits with a coprime to 10): distinct indices get
 * distinct numbers, which keeps phones and emails of different people distinct.
 */
export function scramble(index: number, digits: number, seed: number): number {
  const m = 10 ** digits;
  const a = 7919 * 2 + 1; // 15839: odd and not a multiple of 5, so coprime to 10^digits
  const b = hash(seed, digits) % m;
  // (index * a) can exceed 2^53 only for index > 5e11: fine for tables up to 10M rows.
  return (index * a + b) % m;
}
