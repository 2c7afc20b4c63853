import type { Vector } from './features.js';
import { type Bag, softSimilarity, type WordSpace } from './soft-similarity.js';

export interface ClusterItem {
  vector: Vector;
  groupId: string;
  /** The answer's words, for the knowledge-based similarity (soft-similarity.ts). */
  bag?: Bag;
  /** A semantic vector from the operator's embedding server, L2-normalised; absent for lexical-only runs. */
  embedding?: Float32Array;
}

export interface ClusterParams {
  /** Two clusters merge when the mean similarity over all their cross pairs reaches this. */
  link: number;
  /** An answer left alone joins the theme it is closest to when its mean similarity to the theme reaches this. */
  attach: number;
}

/**
 * Why these numbers:
 * - link 0.04 and attach 0.004: chosen with each labelled session left out in turn (scripts/evaluate-synthesis.ts),
 *   by the sum of the two targets, ARI and consensus F1: for nearly every one of the eleven files, the best
 *   thresholds on the other ten were these. The similarity is the cosine of the answers' feature vectors
 *   (features.ts), in which the related-words block (words of the definitions) spreads each word over its
 *   semantic field, so two answers on one idea in other words come to about 0.05 to 0.2;
 * - attach far below link: after clustering, a lone answer that shares anything with a theme is more likely part
 *   of it than an idea of its own (facilitators leave few answers in "other ideas": about one in ten here);
 * - SAME_GROUP 0: a group rarely writes the same idea twice to one prompt: in the labelled sessions, two answers
 *   of one group share a theme about a third as often as two answers of different groups (5 to 7 % against 15 %),
 *   so two answers of one group do not pull each other into a theme (they can still meet in one through answers
 *   of other groups). Only when several groups answered: in a jigsaw one group alone may have had the prompt;
 * - SOFT 0.2: the word-to-word soft similarity (soft-similarity.ts: each word's best match in the other answer, by
 *   stem, translation, WordNet sense or thesaurus synonym) is what sees "funding" and "financing" as one; at 0.2 it
 *   adds that without drowning the related-words block (pairwise average precision 0.331 without it, 0.339 at 0.2,
 *   0.332 at 0.4; with broader senses in it, as before, it made the ranking worse);
 * - SEMANTIC: with embeddings, the cosine of two answers' embeddings is half of their similarity.
 */
export const DEFAULT_CLUSTER_PARAMS: ClusterParams = { link: 0.04, attach: 0.004 };
const SAME_GROUP = 0;
const SEMANTIC = 0.5;
/** The knowledge-based similarity of the words is this share of the lexical similarity; the vectors' cosine the rest. */
const SOFT = 0.2;
/** All pairs are compared only with embeddings and up to this many answers per prompt (n² dot products). */
const MAX_DENSE = 2000;

/**
 * Average-linkage clustering. A room's prompt (up to EXACT answers) gets the exact algorithm (averageLinkage).
 * Above that, over the candidate pairs that share a feature (an inverted index), never all pairs: pairs are visited best first (ties by index, so the result does not depend on the order of a Map), and
 * two clusters merge when the mean similarity over all their cross pairs (0 for pairs that share nothing)
 * reaches `link`. Each cluster keeps the sums of similarities to its neighbouring clusters, merged small-into-large,
 * so a merge decision costs one lookup. Then each answer left alone joins its closest theme if close enough.
 * Callers sort the items (by answer id) first: the same answers then give the same themes in any order.
 */
export function cluster(items: ClusterItem[], params: ClusterParams = DEFAULT_CLUSTER_PARAMS, space?: WordSpace): number[][] {
  const n = items.length;
  const sims = similarities(items, space);
  if (n <= EXACT) return averageLinkage(n, sims, params);
  const parent = items.map((_, i) => i);
  const members = items.map((_, i) => [i]);
  const links = items.map(() => new Map<number, number>());
  for (const [key, sim] of sims) {
    const a = Math.floor(key / n);
    const b = key % n;
    links[a].set(b, sim);
    links[b].set(a, sim);
  }
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const edges = [...sims.entries()].filter(([, sim]) => sim >= params.link).map(([key, sim]) => ({ key, sim }));
  edges.sort((x, y) => y.sim - x.sim || x.key - y.key);
  for (const { key } of edges) {
    let ra = find(Math.floor(key / n));
    let rb = find(key % n);
    if (ra === rb) continue;
    const average = (links[ra].get(rb) ?? 0) / (members[ra].length * members[rb].length);
    if (average < params.link) continue;
    if (links[ra].size < links[rb].size || (links[ra].size === links[rb].size && rb < ra)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    for (const m of members[rb]) members[ra].push(m);
    members[rb] = [];
    // Fold rb's links into ra's, and point rb's neighbours at ra.
    links[ra].delete(rb);
    for (const [other, sum] of links[rb]) {
      if (other === ra) continue;
      links[ra].set(other, (links[ra].get(other) ?? 0) + sum);
      const back = links[other];
      back.set(ra, (back.get(ra) ?? 0) + (back.get(rb) ?? 0));
      back.delete(rb);
    }
    links[rb].clear();
  }
  attachLeftovers(members, links, find, params.attach);
  return members.filter((m) => m.length > 0).map((m) => m.sort((a, b) => a - b));
}

/**
 * Exact average linkage (UPGMA) for a room's prompt: the two clusters with the highest mean similarity over all
 * their cross pairs merge, again and again, while that mean reaches `link`. Ties go to the lowest indices, so the
 * result depends only on the answers (callers sort them by id). Then lone answers join their closest theme (attachLeftovers).
 */
function averageLinkage(n: number, sims: Map<number, number>, params: ClusterParams): number[][] {
  const sum = new Float64Array(n * n);
  for (const [key, sim] of sims) {
    const a = Math.floor(key / n);
    const b = key % n;
    sum[a * n + b] = sim;
    sum[b * n + a] = sim;
  }
  const members = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Set(members.keys());
  while (alive.size > 1) {
    let best = -1;
    let bestA = -1;
    let bestB = -1;
    const list = [...alive];
    for (let x = 0; x < list.length; x++) {
      const a = list[x];
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y];
        const mean = sum[a * n + b] / (members[a].length * members[b].length);
        if (mean > best + 1e-12) {
          best = mean;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0 || best < params.link) break;
    for (const m of members[bestB]) members[bestA].push(m);
    members[bestB] = [];
    alive.delete(bestB);
    for (const c of alive) {
      if (c === bestA) continue;
      const v = sum[bestA * n + c] + sum[bestB * n + c];
      sum[bestA * n + c] = v;
      sum[c * n + bestA] = v;
    }
  }
  const links = members.map(() => new Map<number, number>());
  for (const a of alive) {
    if (members[a].length !== 1) continue;
    for (const c of alive) if (c !== a && sum[a * n + c] > 0) links[a].set(c, sum[a * n + c]);
  }
  attachLeftovers(members, links, (i) => i, params.attach);
  return members.filter((m) => m.length > 0).map((m) => m.sort((a, b) => a - b));
}

/** Every lone answer joins the theme with the highest mean similarity to it, decided on the themes as clustered. */
function attachLeftovers(members: number[][], links: Map<number, number>[], find: (i: number) => number, attach: number): void {
  const moves: [number, number][] = [];
  members.forEach((m, i) => {
    if (m.length !== 1 || find(i) !== i) return;
    let best = -1;
    let bestMean = attach;
    for (const [other, sum] of links[i]) {
      const size = members[other].length;
      if (size < 2) continue;
      const mean = sum / size;
      if (mean > bestMean || (mean === bestMean && best !== -1 && other < best)) {
        best = other;
        bestMean = mean;
      }
    }
    if (best !== -1) moves.push([i, best]);
  });
  for (const [i, to] of moves) {
    members[to].push(i);
    members[i] = [];
  }
}

/**
 * Candidate pairs come from an inverted index over words and concepts (not letter grams, which every answer
 * shares with many others). In a prompt of up to EXACT answers every pair that shares a feature is compared
 * (a room's prompt: exact and still fast); above that each answer looks at its rarest features first and keeps at
 * most CANDIDATES partners, so the work grows with n·CANDIDATES, not n².
 */
const EXACT = 300;
const CANDIDATES = 10;

/** A vector as parallel arrays sorted by feature number: a dot product is a linear merge, no hashing. */
interface Packed {
  ids: Int32Array;
  ws: Float64Array;
}

/**
 * Numbers features from the rarest to the most common, so each packed vector lists its rarest features first
 * and finding candidates needs no sorting per answer.
 */
function pack(items: ClusterItem[]): { packed: Packed[]; candidate: Uint8Array; postings: Int32Array[] } {
  const df = new Map<string, number>();
  for (const it of items) for (const f of it.vector.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  // Sorted once as entries (a stable sort: ties stay in first-seen order, which follows the answers' ids).
  const entries = [...df].sort((x, y) => x[1] - y[1]);
  const number = new Map<string, number>();
  entries.forEach(([f], i) => number.set(f, i));
  const candidate = Uint8Array.from(entries, ([f]) => (f[0] === 'g' ? 0 : 1));
  // Each vector's weights go to a scratch array by feature number, so sorting the numbers (a typed-array sort,
  // no comparator) is enough to line the weights up.
  const scratch = new Float64Array(entries.length);
  const packed = items.map((it) => {
    const ids = new Int32Array(it.vector.size);
    let k = 0;
    for (const [f, w] of it.vector) {
      const id = number.get(f)!;
      ids[k++] = id;
      scratch[id] = w;
    }
    ids.sort();
    const ws = new Float64Array(ids.length);
    for (let x = 0; x < ids.length; x++) ws[x] = scratch[ids[x]];
    return { ids, ws };
  });
  const fill = new Int32Array(entries.length);
  const postings = entries.map(([, count], id) => new Int32Array(candidate[id] ? count : 0));
  packed.forEach((p, i) => p.ids.forEach((id) => candidate[id] && (postings[id][fill[id]++] = i)));
  return { packed, candidate, postings };
}

/** The similarity of every candidate pair, keyed i * n + j (i < j); for the clustering and for evaluation scripts. */
export function similarities(items: ClusterItem[], space?: WordSpace): Map<number, number> {
  const n = items.length;
  const { packed, candidate, postings } = pack(items);
  const sims = new Map<number, number>();
  const stamp = new Int32Array(n).fill(-1);
  const limit = n <= EXACT ? n : CANDIDATES;
  packed.forEach((p, i) => {
    let found = 0;
    for (let k = 0; k < p.ids.length && found < limit; k++) {
      const f = p.ids[k];
      if (!candidate[f]) continue;
      const list = postings[f];
      for (let x = 0; x < list.length && found < limit; x++) {
        const j = list[x];
        if (j === i || stamp[j] === i) continue;
        stamp[j] = i;
        found++;
        const key = i < j ? i * n + j : j * n + i;
        if (sims.has(key)) continue;
        sims.set(key, pairSimilarity(items, packed, i, j, space));
      }
    }
  });
  // Paraphrases that share no word at all are found only through their embeddings: compare every pair then.
  if (n <= MAX_DENSE && items.every((it) => it.embedding)) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (!sims.has(i * n + j)) sims.set(i * n + j, pairSimilarity(items, packed, i, j, space));
  }
  return sims;
}

const groupCounts = new WeakMap<ClusterItem[], boolean>();
/** Whether the answers come from more than one group (computed once per clustering). */
function severalGroups(items: ClusterItem[]): boolean {
  let several = groupCounts.get(items);
  if (several === undefined) groupCounts.set(items, (several = items.some((it) => it.groupId !== items[0].groupId)));
  return several;
}

function pairSimilarity(items: ClusterItem[], packed: Packed[], i: number, j: number, space?: WordSpace): number {
  const bagA = items[i].bag;
  const bagB = items[j].bag;
  const vectors = packedDot(packed[i], packed[j]);
  const lexical = SOFT > 0 && space && bagA && bagB ? SOFT * softSimilarity(bagA, bagB, space) + (1 - SOFT) * vectors : vectors;
  const a = items[i].embedding;
  const b = items[j].embedding;
  const sim = a && b ? (1 - SEMANTIC) * lexical + SEMANTIC * Math.max(0, denseDot(a, b)) : lexical;
  return items[i].groupId === items[j].groupId && severalGroups(items) ? sim * SAME_GROUP : sim;
}

function denseDot(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let k = 0; k < a.length && k < b.length; k++) dot += a[k] * b[k];
  return dot;
}

function packedDot(a: Packed, b: Packed): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) dot += a.ws[i++] * b.ws[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}
