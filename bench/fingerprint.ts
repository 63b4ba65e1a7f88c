/**
 * The peer our dedupe is compared to: OpenRefine's "fingerprint" key-collision clustering.
 * Ref: https://openrefine.org/docs/technical-reference/clustering-in-depth (Fingerprint):
 * trim, lowercase, remove punctuation and control characters, normalize extended western characters to
 * ASCII, split on whitespace, sort the unique tokens, join with a space. Values with the same key form
 * a cluster.
 *
 * Java's \p{Punct} in OpenRefine is ASCII punctuation; here punctuation is Unicode's (\p{P}) plus the
 * ASCII symbols \p{Punct} includes ($+<=>^`|~), which only helps the peer on Chinese text (，。).
 */

const PUNCT_CTRL = /[\p{P}$+<=>^`|~\p{Cc}]/gu;
const MARKS = /[\u0300-\u036f]/g;

export function fingerprintKey(value: string): string {
  const s = value.trim().toLowerCase().replace(PUNCT_CTRL, '').normalize('NFD').replace(MARKS, '');
  const tokens = s.split(/\s+/).filter((t) => t.length > 0);
  return Array.from(new Set(tokens)).sort().join(' ');
}

/** Clusters (two or more rows, 0-based indices ascending) of rows whose values share a non-empty key. */
export function fingerprintClusters(values: ReadonlyArray<string>): number[][] {
  const byKey = new Map<string, number[]>();
  values.forEach((v, i) => {
    const key = fingerprintKey(v);
    if (key === '') return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const clusters: number[][] = [];
  for (const list of byKey.values()) if (list.length >= 2) clusters.push(list);
  clusters.sort((a, b) => (a[0] as number) - (b[0] as number));
  return clusters;
}

export interface PairScore {
  /** Pairs of rows put together by the method. */
  predictedPairs: number;
  /** Pairs of rows that are truly the same client. */
  truePairs: number;
  /** Pairs in both. */
  correctPairs: number;
  precision: number;
  recall: number;
}

/**
 * Pairwise precision and recall of predicted clusters against the truth (counted with n·(n-1)/2 per
 * group, so a key shared by thousands of rows costs no more than a map lookup per row).
 */
export function scorePairs(predicted: ReadonlyArray<ReadonlyArray<number>>, truth: ReadonlyArray<ReadonlyArray<number>>): PairScore {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const truthOf = new Map<number, number>();
  truth.forEach((c, id) => c.forEach((row) => truthOf.set(row, id)));
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const cluster of predicted) {
    predictedPairs += pairs(cluster.length);
    const counts = new Map<number, number>();
    for (const row of cluster) {
      const id = truthOf.get(row);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const n of counts.values()) correctPairs += pairs(n);
  }
  let truePairs = 0;
  for (const c of truth) truePairs += pairs(c.length);
  return {
    predictedPairs, truePairs, correctPairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}
