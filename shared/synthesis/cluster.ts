import { bestFirst, candidatePairs, type ClusterItem, EXACT, type Pairs } from './pairs.js';
import type { WordSpace } from './soft-similarity.js';

export type { ClusterItem };
export { similarities } from './pairs.js';

export interface ClusterParams {
  /** Two clusters merge when the mean similarity over all their cross pairs reaches this. */
  link: number;
  /** An answer left alone joins the theme it is closest to when its mean similarity to the theme reaches this. */
  attach: number;
}

/**
 * Why these numbers (SAME_GROUP, SOFT and SEMANTIC are in pairs.ts, where the similarity of two answers is made):
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
  const pairs = candidatePairs(items, space);
  if (n <= EXACT) return averageLinkage(n, pairs, params);
  const parent = items.map((_, i) => i);
  const members = items.map((_, i) => [i]);
  const links = items.map(() => new Map<number, number>());
  const { a: pa, b: pb, sim } = pairs;
  for (let p = 0; p < pa.length; p++) {
    links[pa[p]].set(pb[p], sim[p]);
    links[pb[p]].set(pa[p], sim[p]);
  }
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Plain loops, no destructuring or entry iterators: the first runs of a worker execute this before it is
  // optimised, and there each [key, value] pair costs an allocation and an iterator protocol.
  const edges = bestFirst(pairs, n, params.link);
  for (let e = 0; e < edges.length; e++) {
    let ra = find(pa[edges[e]]);
    let rb = find(pb[edges[e]]);
    if (ra === rb) continue;
    const average = (links[ra].get(rb) ?? 0) / (members[ra].length * members[rb].length);
    if (average < params.link) continue;
    if (links[ra].size < links[rb].size || (links[ra].size === links[rb].size && rb < ra)) {
      const swap = ra;
      ra = rb;
      rb = swap;
    }
    parent[rb] = ra;
    const into = members[ra];
    const from = members[rb];
    for (let k = 0; k < from.length; k++) into.push(from[k]);
    members[rb] = [];
    fold(links, ra, rb);
  }
  attachLeftovers(members, links, find, params.attach);
  return members.filter((m) => m.length > 0).map((m) => m.sort((a, b) => a - b));
}

/** Folds rb's links into ra's, and points rb's neighbours at ra. */
function fold(links: Map<number, number>[], ra: number, rb: number): void {
  const into = links[ra];
  const from = links[rb];
  into.delete(rb);
  from.forEach((sum, other) => {
    if (other === ra) return;
    into.set(other, (into.get(other) ?? 0) + sum);
    const back = links[other];
    back.set(ra, (back.get(ra) ?? 0) + (back.get(rb) ?? 0));
    back.delete(rb);
  });
  from.clear();
}

/**
 * Exact average linkage (UPGMA) for a room's prompt: the two clusters with the highest mean similarity over all
 * their cross pairs merge, again and again, while that mean reaches `link`. Ties go to the lowest indices, so the
 * result depends only on the answers (callers sort them by id). Then lone answers join their closest theme (attachLeftovers).
 */
function averageLinkage(n: number, pairs: Pairs, params: ClusterParams): number[][] {
  const sum = new Float64Array(n * n);
  for (let p = 0; p < pairs.a.length; p++) {
    const a = pairs.a[p];
    const b = pairs.b[p];
    sum[a * n + b] = pairs.sim[p];
    sum[b * n + a] = pairs.sim[p];
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
  const moves: number[] = [];
  for (let i = 0; i < members.length; i++) {
    if (members[i].length !== 1 || find(i) !== i) continue;
    let best = -1;
    let bestMean = attach;
    links[i].forEach((sum, other) => {
      const size = members[other].length;
      if (size < 2) return;
      const mean = sum / size;
      if (mean > bestMean || (mean === bestMean && best !== -1 && other < best)) {
        best = other;
        bestMean = mean;
      }
    });
    if (best !== -1) moves.push(i, best);
  }
  for (let k = 0; k < moves.length; k += 2) {
    members[moves[k + 1]].push(moves[k]);
    members[moves[k]] = [];
  }
}
