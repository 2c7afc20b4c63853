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
 * - link 0.15 and attach 0.015: chosen with each labelled session left out in turn (scripts/evaluate-synthesis.ts,
 *   BENCHMARKS.md), by the sum of the two targets, ARI and consensus F1: for every one of the eleven files, the
 *   best thresholds on the other ten were these. The similarity mixes the knowledge-based word similarity (0 to 1:
 *   two answers with one rare word of three in common, or a synonym of it, come to about 0.3) with the vectors'
 *   cosine;
 * - attach far below link: after clustering, a lone answer that shares anything with a theme is more likely part
 *   of it than an idea of its own (facilitators leave few answers in "other ideas": about one in ten here);
 * - SAME_GROUP: a group rarely writes the same idea twice to one prompt, so similarity between two answers of
 *   the same group counts for 60%;
 * - SEMANTIC: with embeddings, the cosine of two answers' embeddings is half of their similarity.
 */
export const DEFAULT_CLUSTER_PARAMS: ClusterParams = { link: 0.15, attach: 0.015 };
const SAME_GROUP = 0.6;
/** The knowledge-based similarity of the words is this share of the lexical similarity; the vectors' cosine the rest. */
const SOFT = 0.7;
const SEMANTIC = 0.5;
/** All pairs are compared only with embeddings and up to this many answers per prompt (n² dot products). */
const MAX_DENSE = 2000;

/**
 * Average-linkage clustering over the candidate pairs that share a feature (an inverted index), never all
 * pairs: pairs are visited best first (ties by index, so the result does not depend on the order of a Map), and
 * two clusters merge when the mean similarity over all their cross pairs (0 for pairs that share nothing)
 * reaches `link`. Each cluster keeps the sums of similarities to its neighbouring clusters, merged small-into-large,
 * so a merge decision costs one lookup. Then each answer left alone joins its closest theme if close enough.
 * Callers sort the items (by answer id) first: the same answers then give the same themes in any order.
 */
export function cluster(items: ClusterItem[], params: ClusterParams = DEFAULT_CLUSTER_PARAMS, space?: WordSpace): number[][] {
  const n = items.length;
  const sims = similarities(items, space);
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
  const order = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)!);
  const number = new Map(order.map((f, i) => [f, i]));
  const candidate = Uint8Array.from(order, (f) => (f[0] === 'g' ? 0 : 1));
  const packed = items.map((it) => {
    const ids = new Int32Array(it.vector.size);
    let k = 0;
    for (const f of it.vector.keys()) ids[k++] = number.get(f)!;
    ids.sort();
    const ws = new Float64Array(ids.length);
    for (let x = 0; x < ids.length; x++) ws[x] = it.vector.get(order[ids[x]])!;
    return { ids, ws };
  });
  const fill = new Int32Array(order.length);
  const postings = order.map((f) => new Int32Array(candidate[number.get(f)!] ? df.get(f)! : 0));
  packed.forEach((p, i) => p.ids.forEach((id) => candidate[id] && (postings[id][fill[id]++] = i)));
  return { packed, candidate, postings };
}

function similarities(items: ClusterItem[], space?: WordSpace): Map<number, number> {
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

function pairSimilarity(items: ClusterItem[], packed: Packed[], i: number, j: number, space?: WordSpace): number {
  const bagA = items[i].bag;
  const bagB = items[j].bag;
  const vectors = packedDot(packed[i], packed[j]);
  const lexical = space && bagA && bagB ? SOFT * softSimilarity(bagA, bagB, space) + (1 - SOFT) * vectors : vectors;
  const a = items[i].embedding;
  const b = items[j].embedding;
  const sim = a && b ? (1 - SEMANTIC) * lexical + SEMANTIC * Math.max(0, denseDot(a, b)) : lexical;
  return items[i].groupId === items[j].groupId ? sim * SAME_GROUP : sim;
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
