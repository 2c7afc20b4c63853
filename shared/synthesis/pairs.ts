import { GRAM } from './feature-ids.js';
import { type Bag, softSimilarity, type WordSpace } from './soft-similarity.js';
import type { Vector } from './vectors.js';

export interface ClusterItem {
  vector: Vector;
  groupId: string;
  /** The answer's words, for the knowledge-based similarity (soft-similarity.ts). */
  bag?: Bag;
  /** A semantic vector from the operator's embedding server, L2-normalised; absent for lexical-only runs. */
  embedding?: Float32Array;
}

/** Two clusters' answers of one group do not pull them together (cluster.ts says why). */
const SAME_GROUP = 0;
/** With embeddings, the cosine of two answers' embeddings is this share of their similarity. */
const SEMANTIC = 0.5;
/** The knowledge-based similarity of the words is this share of the lexical similarity; the vectors' cosine the rest. */
const SOFT = 0.2;
/** All pairs are compared only with embeddings and up to this many answers per prompt (n² dot products). */
const MAX_DENSE = 2000;

/**
 * Candidate pairs come from an inverted index over words and concepts (not letter grams, which every answer
 * shares with many others). In a prompt of up to EXACT answers every pair that shares a feature is compared
 * (a room's prompt: exact and still fast); above that each answer looks at its rarest features first and keeps at
 * most CANDIDATES partners, so the work grows with n·CANDIDATES, not n².
 */
export const EXACT = 300;
const CANDIDATES = 10;

/** The compared pairs: pair p joins answers a[p] < b[p], with similarity sim[p]; in the order they were compared. */
export interface Pairs {
  a: number[];
  b: number[];
  sim: number[];
}

/**
 * Every answer's vector as parallel arrays sorted by feature number, all in one buffer (answer i at
 * start[i] to start[i + 1]): a dot product is a linear pass, no hashing, and packing allocates no array per answer.
 * Features are numbered from the rarest to the most common, so each answer lists its rarest features first.
 * `postings` (by feature number, from postStart) lists the answers that have each feature, in the answers' order;
 * `candidate` says which features may make two answers candidates (not letter grams).
 */
interface Packed {
  start: Int32Array;
  ids: Int32Array;
  ws: Float64Array;
  candidate: Uint8Array;
  postStart: Int32Array;
  postings: Int32Array;
}

function pack(items: ClusterItem[]): Packed {
  const n = items.length;
  const names = n ? items[0].vector.names : null;
  const df = new Int32Array(names?.size ?? 0);
  const seen: number[] = [];
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const { ids } = items[i].vector;
    for (let k = 0; k < ids.length; k++) if (df[ids[k]]++ === 0) seen.push(ids[k]);
    start[i + 1] = start[i] + ids.length;
  }
  const features = seen.length;
  // Numbered by how many answers have the feature, ties in the order first seen (which follows the answers' ids):
  // a counting sort, stable as the sort of a Map's entries was.
  const from = new Int32Array(n + 2);
  for (const f of seen) from[df[f] + 1]++;
  for (let c = 1; c < from.length; c++) from[c] += from[c - 1];
  const number = new Int32Array(df.length);
  const postStart = new Int32Array(features + 1);
  const candidate = new Uint8Array(features);
  for (const f of seen) {
    const id = from[df[f]]++;
    number[f] = id;
    postStart[id + 1] = df[f];
    candidate[id] = names!.kind(f) === GRAM ? 0 : 1;
  }
  for (let id = 0; id < features; id++) postStart[id + 1] += postStart[id];
  // The postings, with each answer's weight; read back feature by feature, in increasing number, they give every
  // answer its features already sorted by number (no sort per answer).
  const total = start[n];
  const postings = new Int32Array(total);
  const weights = new Float64Array(total);
  const fill = postStart.slice(0, features);
  for (let i = 0; i < n; i++) {
    const { ids, ws } = items[i].vector;
    for (let k = 0; k < ids.length; k++) {
      const at = fill[number[ids[k]]]++;
      postings[at] = i;
      weights[at] = ws[k];
    }
  }
  const ids = new Int32Array(total);
  const ws = new Float64Array(total);
  const next = start.slice(0, n);
  for (let id = 0; id < features; id++) {
    for (let x = postStart[id]; x < postStart[id + 1]; x++) {
      const at = next[postings[x]]++;
      ids[at] = id;
      ws[at] = weights[x];
    }
  }
  return { start, ids, ws, candidate, postStart, postings };
}

/** The similarity of every candidate pair (see EXACT). */
export function candidatePairs(items: ClusterItem[], space?: WordSpace): Pairs {
  const n = items.length;
  const packed = pack(items);
  const { start, ids, candidate, postStart, postings } = packed;
  const several = items.some((it) => it.groupId !== items[0].groupId);
  const pairs: Pairs = { a: [], b: [], sim: [] };
  const stamp = new Int32Array(n).fill(-1);
  // The pairs an answer was found in by an earlier answer, linked through `next`, so it does not compare them again.
  const first = new Int32Array(n).fill(-1);
  const next: number[] = [];
  const compared = new Int32Array(n).fill(-1);
  const limit = n <= EXACT ? n : CANDIDATES;
  const { ws } = packed;
  // Answer i's weights spread out by feature number (0 elsewhere): its dot product with a candidate is then a pass
  // over the candidate's features alone (see scatteredDot).
  const spread = new Float64Array(packed.candidate.length);
  for (let i = 0; i < n; i++) {
    for (let p = first[i]; p >= 0; p = next[p]) compared[pairs.a[p]] = i;
    for (let k = start[i]; k < start[i + 1]; k++) spread[ids[k]] = ws[k];
    let found = 0;
    for (let k = start[i]; k < start[i + 1] && found < limit; k++) {
      const f = ids[k];
      if (!candidate[f]) continue;
      for (let x = postStart[f]; x < postStart[f + 1] && found < limit; x++) {
        const j = postings[x];
        if (j === i || stamp[j] === i) continue;
        stamp[j] = i;
        found++;
        if (j < i && compared[j] === i) continue;
        const p = pairs.a.length;
        pairs.a.push(Math.min(i, j));
        pairs.b.push(Math.max(i, j));
        pairs.sim.push(pairSimilarity(items, i, j, scatteredDot(packed, spread, j), several, space));
        next.push(-1);
        if (j > i) {
          next[p] = first[j];
          first[j] = p;
        }
      }
    }
    for (let k = start[i]; k < start[i + 1]; k++) spread[ids[k]] = 0;
  }
  // Paraphrases that share no word at all are found only through their embeddings: compare every pair then.
  if (n <= MAX_DENSE && items.every((it) => it.embedding)) {
    const done = new Uint8Array(n * n);
    for (let p = 0; p < pairs.a.length; p++) done[pairs.a[p] * n + pairs.b[p]] = 1;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (done[i * n + j]) continue;
        pairs.a.push(i);
        pairs.b.push(j);
        pairs.sim.push(pairSimilarity(items, i, j, packedDot(packed, i, j), several, space));
      }
    }
  }
  return pairs;
}

/** The similarity of every candidate pair, keyed i * n + j (i < j); for evaluation scripts. */
export function similarities(items: ClusterItem[], space?: WordSpace): Map<number, number> {
  const n = items.length;
  const pairs = candidatePairs(items, space);
  const sims = new Map<number, number>();
  for (let p = 0; p < pairs.a.length; p++) sims.set(pairs.a[p] * n + pairs.b[p], pairs.sim[p]);
  return sims;
}

/**
 * The pairs whose similarity reaches `link`, best first, ties by the pair's key a * n + b (by a, then b): the
 * order a sort by (similarity descending, key ascending) gives, without a comparator called for every comparison
 * (a third of a 10,000-answer run went to one). Stable counting sorts, least significant key first: by b, by a,
 * then by the similarity's bytes from the last to the first (two doubles >= 0 compare as their bit patterns do).
 */
export function bestFirst(pairs: Pairs, n: number, link: number): Int32Array {
  const { a, b, sim } = pairs;
  let count = 0;
  for (let p = 0; p < sim.length; p++) if (sim[p] >= link) count++;
  const edges = new Int32Array(count);
  for (let p = 0, e = 0; p < sim.length; p++) if (sim[p] >= link) edges[e++] = p;
  // Similarities are never below 0 (cosines of weights >= 0, embeddings' cosines floored at 0); if one were, the sort.
  if (edges.some((p) => sim[p] < 0)) return edges.sort((x, y) => sim[y] - sim[x] || a[x] - a[y] || b[x] - b[y]);
  // The similarities' bytes by pair number, inverted so that ascending digits mean descending similarities.
  const value = new Float64Array(1);
  const bytes = new Uint8Array(value.buffer);
  const digits = [0, 1, 2, 3, 4, 5, 6, 7].map(() => new Uint8Array(sim.length));
  for (const p of edges) {
    // +0 for -0: they are equal.
    value[0] = sim[p] === 0 ? 0 : sim[p];
    for (let d = 0; d < 8; d++) digits[d][p] = 0xff - bytes[LITTLE_ENDIAN ? d : 7 - d];
  }
  let order = countingSort(countingSort(edges, b, n), a, n);
  for (const digit of digits) order = countingSort(order, digit, 0x100);
  return order;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `items` (pair numbers) stably ordered by `key[item]` (whole numbers from 0 to below `range`). */
function countingSort(items: Int32Array, key: ArrayLike<number>, range: number): Int32Array {
  const from = new Int32Array(range + 1);
  for (let k = 0; k < items.length; k++) from[key[items[k]] + 1]++;
  // All keys alike (the similarities' leading bytes often are): the order stays as it is.
  if (items.length === 0 || from[key[items[0]] + 1] === items.length) return items;
  for (let c = 1; c <= range; c++) from[c] += from[c - 1];
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[from[key[items[k]]]++] = items[k];
  return out;
}

/** `vectors`: the dot product of the two answers' vectors. */
function pairSimilarity(items: ClusterItem[], i: number, j: number, vectors: number, severalGroups: boolean, space?: WordSpace): number {
  const bagA = items[i].bag;
  const bagB = items[j].bag;
  const lexical = SOFT > 0 && space && bagA && bagB ? SOFT * softSimilarity(bagA, bagB, space) + (1 - SOFT) * vectors : vectors;
  const a = items[i].embedding;
  const b = items[j].embedding;
  const sim = a && b ? (1 - SEMANTIC) * lexical + SEMANTIC * Math.max(0, denseDot(a, b)) : lexical;
  return items[i].groupId === items[j].groupId && severalGroups ? sim * SAME_GROUP : sim;
}

function denseDot(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let k = 0; k < a.length && k < b.length; k++) dot += a[k] * b[k];
  return dot;
}

function packedDot({ start, ids, ws }: Packed, a: number, b: number): number {
  let i = start[a];
  let j = start[b];
  const endA = start[a + 1];
  const endB = start[b + 1];
  let dot = 0;
  while (i < endA && j < endB) {
    const x = ids[i];
    const y = ids[j];
    if (x === y) dot += ws[i++] * ws[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/**
 * packedDot(a, b), with a's weights spread out by feature number: b's features in increasing number, each adding
 * a's weight (0 when a lacks the feature) times its own. The products a's and b's shared features give, summed in
 * the same order as the merge sums them; the others add +0, which leaves a sum unchanged, so the result is the
 * same to the last bit.
 */
function scatteredDot({ start, ids, ws }: Packed, spread: Float64Array, b: number): number {
  let dot = 0;
  for (let k = start[b]; k < start[b + 1]; k++) dot += spread[ids[k]] * ws[k];
  return dot;
}
