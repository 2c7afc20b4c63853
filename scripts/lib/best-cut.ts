import { similarities } from '../../shared/synthesis/cluster.js';
import { SHARE } from '../../shared/synthesis/features.js';
import { prepare } from '../../shared/synthesis/index.js';
import type { Lexicon } from '../../shared/synthesis/lexicon.js';
import { adjustedRand } from './adjusted-rand.js';
import { goldLabel, type LabelledSession } from './synthesis-score.js';

/**
 * The most any threshold could get out of the engine's similarity on one labelled session: per prompt, the
 * answers are merged by exact average linkage one pair of clusters at a time, every partition on the way is scored
 * against the facilitators' (ARI), and the best is kept; the mean over prompts, as scoreSession averages.
 *
 * It reads the labels to choose the cut, so it is no score of the engine: it bounds what any link threshold of
 * average linkage could reach on these similarities, even one chosen per prompt. (The engine's last step, lone
 * answers joining their nearest theme, can add a little on top: 0.45 against 0.43 on reseaux.fr.) Where it is
 * low, no threshold can help, and the similarity itself is what misses (BENCHMARKS.md, quality of the synthesis).
 */
export function bestCutAri(session: LabelledSession, lexicon: Lexicon): number {
  const gold = new Map(session.answers.map((a) => [a.id, goldLabel(a)]));
  const scores = session.prompts.map((prompt) => {
    const { answers, items, space } = prepare(
      prompt,
      session.answers.filter((a) => a.promptId === prompt.id),
      { language: session.session.language, lexicon, share: SHARE },
    );
    const n = answers.length;
    const sim = new Float64Array(n * n);
    for (const [key, value] of similarities(items, space)) {
      const a = Math.floor(key / n);
      const b = key % n;
      sim[a * n + b] = value;
      sim[b * n + a] = value;
    }
    return bestPartition(
      n,
      sim,
      answers.map((a) => gold.get(a.id)!),
    );
  });
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}

/** Average linkage down to one cluster, scoring the partition after every merge (and before the first). */
function bestPartition(n: number, sim: Float64Array, gold: string[]): number {
  const sum = Float64Array.from(sim);
  const label = Array.from({ length: n }, (_, i) => i);
  const members = label.map((i) => [i]);
  const alive = new Set(label);
  const score = () => adjustedRand(gold, label.map(String));
  let best = score();
  while (alive.size > 1) {
    let top = -Infinity;
    let into = -1;
    let from = -1;
    for (const a of alive)
      for (const b of alive) {
        if (b <= a) continue;
        const mean = sum[a * n + b] / (members[a].length * members[b].length);
        if (mean > top) [top, into, from] = [mean, a, b];
      }
    for (const m of members[from]) label[m] = into;
    members[into].push(...members[from]);
    alive.delete(from);
    for (const c of alive) {
      const v = sum[into * n + c] + sum[from * n + c];
      sum[into * n + c] = v;
      sum[c * n + into] = v;
    }
    best = Math.max(best, score());
  }
  return best;
}
