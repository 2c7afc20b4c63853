import type { Vector } from './features.js';

export interface ClusterItem {
  vector: Vector;
  groupId: string;
}

/**
 * Why these numbers:
 * - LINK: the similarity is a weighted sum of cosines (features.ts), where one shared concept alone is worth
 *   about 0.25; two answers (or, on average, two clusters) belong together from 0.2 up, i.e. when they share
 *   about a concept or several content words, not just a few letters;
 * - SAME_GROUP: a group rarely writes the same idea twice to one prompt, so similarity between two answers of
 *   the same group counts for 60%;
 */
const LINK = 0.2;
const SAME_GROUP = 0.6;

/**
 * Average-linkage clustering over the candidate pairs that share a feature (an inverted index), never all
 * pairs: two clusters merge when the mean similarity over all their cross pairs (0 for pairs that share
 * nothing) reaches LINK. Pairs are visited best first; each merge costs |A|·|B| lookups.
 */
export function cluster(items: ClusterItem[]): number[][] {
  const sims = similarities(items);
  const parent = items.map((_, i) => i);
  const members = items.map((_, i) => [i]);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const edges = [...sims.entries()].map(([key, sim]) => ({ a: Math.floor(key / items.length), b: key % items.length, sim }));
  edges.sort((x, y) => y.sim - x.sim);
  for (const { a, b, sim } of edges) {
    if (sim < LINK) break;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if (averageLink(members[ra], members[rb], sims, items.length) < LINK) continue;
    parent[rb] = ra;
    members[ra].push(...members[rb]);
    members[rb] = [];
  }
  return members.filter((m, i) => m.length > 0 && find(i) === i);
}

/**
 * Candidate pairs come from an inverted index over words and concepts (not letter grams, which every answer
 * shares with many others). Each answer looks at its rarest features first and keeps at most CANDIDATES
 * partners, so the work grows with n·CANDIDATES, not n².
 */
const CANDIDATES = 60;

function similarities(items: ClusterItem[]): Map<number, number> {
  const n = items.length;
  const postings = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const f of it.vector.keys()) {
      if (f[0] === 'g') continue;
      const list = postings.get(f) ?? [];
      list.push(i);
      postings.set(f, list);
    }
  });
  const sims = new Map<number, number>();
  items.forEach((it, i) => {
    const features = [...it.vector.keys()].filter((f) => f[0] !== 'g').sort((x, y) => (postings.get(x)?.length ?? 0) - (postings.get(y)?.length ?? 0));
    const partners = new Set<number>();
    for (const f of features) {
      for (const j of postings.get(f) ?? []) {
        if (j !== i) partners.add(j);
        if (partners.size >= CANDIDATES) break;
      }
      if (partners.size >= CANDIDATES) break;
    }
    for (const j of partners) {
      const key = i < j ? i * n + j : j * n + i;
      if (!sims.has(key)) sims.set(key, similarity(items[i], items[j]));
    }
  });
  return sims;
}

function similarity(a: ClusterItem, b: ClusterItem): number {
  const [small, large] = a.vector.size < b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [f, w] of small) dot += w * (large.get(f) ?? 0);
  return a.groupId === b.groupId ? dot * SAME_GROUP : dot;
}

/** Mean similarity over cross pairs; big clusters are sampled evenly so a merge never costs more than ~3,600 lookups. */
function averageLink(a: number[], b: number[], sims: Map<number, number>, n: number): number {
  const sa = sample(a, 60);
  const sb = sample(b, 60);
  let total = 0;
  for (const i of sa) for (const j of sb) total += sims.get(i < j ? i * n + j : j * n + i) ?? 0;
  return total / (sa.length * sb.length);
}

function sample(xs: number[], max: number): number[] {
  if (xs.length <= max) return xs;
  const step = xs.length / max;
  return Array.from({ length: max }, (_, k) => xs[Math.floor(k * step)]);
}
