import type { FeatureIds } from './feature-ids.js';
import { KINDS } from './feature-ids.js';
import { type Analysed, SHARE, type Share } from './features.js';
import { floatArray, intArray } from './slab.js';

/**
 * A sparse, L2-normalised vector: feature numbers (in `names`) and their weights, in the answer's order of its
 * features (the order its sums have always run in: changing it could flip a tie by a rounding).
 */
export interface Vector {
  ids: Int32Array;
  ws: Float64Array;
  names: FeatureIds;
}

/**
 * Each kind of feature gets its own idf-weighted, L2-normalised block, scaled by its share of the similarity,
 * so the many letter grams of a long answer cannot drown its few pivots. Idf is computed over the prompt's
 * answers: a word everybody used says little about which theme an answer belongs to.
 */
export function vectorise(docs: Analysed[], names: FeatureIds, share: Share = SHARE): Vector[] {
  const df = new Int32Array(names.size);
  for (const d of docs) for (let k = 0; k < d.ids.length; k++) df[d.ids[k]]++;
  const n = docs.length;
  // Filled on a feature's first use (an idf is never 0: log(1 + n / df) with df <= n).
  const idf = new Float64Array(names.size);
  const rootShare = KINDS.map((kind) => Math.sqrt(share[kind]));
  const squares = new Float64Array(KINDS.length);
  const rootSquares = new Float64Array(KINDS.length);
  let weights = new Float64Array(64);
  const kinds = names.kinds();
  return docs.map((d) => {
    // Two passes over the features: this runs for every answer of a 10,000-answer session.
    if (weights.length < d.ids.length) weights = new Float64Array(d.ids.length * 2);
    squares.fill(0);
    let kept = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const f = d.ids[k];
      const count = d.counts[k];
      if (idf[f] === 0) idf[f] = Math.log(1 + n / df[f]);
      // A count of 1 (most features) gives (1 + log 1) * idf, which is idf exactly: no logarithm needed.
      const w = count === 1 ? idf[f] : (count >= 1 ? 1 + Math.log(count) : count) * idf[f];
      weights[k] = w;
      const kind = kinds[f];
      squares[kind] = squares[kind] + w * w;
      // A feature of this answer alone counts in its norm but can meet no other answer: left out of the vector,
      // which keeps the dot products and the themes' centroids to what answers share (a third of the features).
      if (w !== 0 && df[f] > 1) kept++;
    }
    for (let kind = 0; kind < KINDS.length; kind++) rootSquares[kind] = Math.sqrt(squares[kind]);
    const ids = intArray(kept);
    const ws = floatArray(kept);
    let x = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const f = d.ids[k];
      const w = weights[k];
      if (w === 0 || df[f] <= 1) continue;
      const kind = kinds[f];
      ids[x] = f;
      ws[x++] = (w * rootShare[kind]) / rootSquares[kind];
    }
    return { ids, ws, names };
  });
}
