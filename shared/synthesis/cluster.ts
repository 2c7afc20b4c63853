import type { Vector } from './features.js';

export interface ClusterItem {
  vector: Vector;
  groupId: string;
}

/**
 * Why these numbers:
 * - LINK: the similarity is a weighted sum of cosines (features.ts), where one concept shared by two answers
 *   that each name two is worth about 0.25; a cluster takes an answer (or another cluster) when the mean over
 *   all cross pairs reaches 0.15, i.e. when the newcomer shares a concept or a few content words with most of
 *   the cluster, not just letters with one member. Quality is best and flat around 0.14–0.16 on every labelled
 *   session we have (English, Dutch, French, Danish) and falls on both sides: 0.15 is the middle, not a peak;
 * - SAME_GROUP: a group rarely writes the same idea twice to one prompt, so similarity between two answers of
 *   the same group counts for 60%;
 */
const LINK = 0.15;
const SAME_GROUP = 0.6;

/**
 * Average-linkage clustering over the candidate pairs that share a feature (an inverted index), never all
 * pairs: pairs are visited best first, and two clusters merge when the mean similarity over all their cross
 * pairs (0 for pairs that share nothing) reaches LINK. Each cluster keeps the sums of similarities to its
 * neighbouring clusters, merged small-into-large, so a merge decision costs one lookup.
 */
export function cluster(items: ClusterItem[]): number[][] {
  const n = items.length;
  const sims = similarities(items);
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
  const edges = [...sims.entries()].filter(([, sim]) => sim >= LINK).map(([key, sim]) => ({ a: Math.floor(key / n), b: key % n, sim }));
  edges.sort((x, y) => y.sim - x.sim);
  for (const { a, b } of edges) {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    const average = (links[ra].get(rb) ?? 0) / (members[ra].length * members[rb].length);
    if (average < LINK) continue;
    if (links[ra].size < links[rb].size) [ra, rb] = [rb, ra];
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
  return members.filter((m, i) => m.length > 0 && find(i) === i);
}

/**
 * Candidate pairs come from an inverted index over words and concepts (not letter grams, which every answer
 * shares with many others). Each answer looks at its rarest features first and keeps at most CANDIDATES
 * partners, so the work grows with n·CANDIDATES, not n².
 */
const CANDIDATES = 30;

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
    const entries = [...it.vector].map(([f, w]) => [number.get(f)!, w] as const).sort((x, y) => x[0] - y[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), ws: Float64Array.from(entries, (e) => e[1]) };
  });
  const fill = new Int32Array(order.length);
  const postings = order.map((f) => new Int32Array(candidate[number.get(f)!] ? df.get(f)! : 0));
  packed.forEach((p, i) => p.ids.forEach((id) => candidate[id] && (postings[id][fill[id]++] = i)));
  return { packed, candidate, postings };
}

function similarities(items: ClusterItem[]): Map<number, number> {
  const n = items.length;
  const { packed, candidate, postings } = pack(items);
  const sims = new Map<number, number>();
  const stamp = new Int32Array(n).fill(-1);
  packed.forEach((p, i) => {
    let found = 0;
    for (let k = 0; k < p.ids.length && found < CANDIDATES; k++) {
      const f = p.ids[k];
      if (!candidate[f]) continue;
      const list = postings[f];
      for (let x = 0; x < list.length && found < CANDIDATES; x++) {
        const j = list[x];
        if (j === i || stamp[j] === i) continue;
        stamp[j] = i;
        found++;
        const key = i < j ? i * n + j : j * n + i;
        if (sims.has(key)) continue;
        const dot = packedDot(p, packed[j]);
        sims.set(key, items[i].groupId === items[j].groupId ? dot * SAME_GROUP : dot);
      }
    }
  });
  return sims;
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
