import type { Language } from '../../shared/schemas/primitives.js';
import { contentStems } from '../../shared/synthesis/text.js';
import type { LabelledSession, PredictedPrompt } from './synthesis-score.js';

/**
 * The naive baseline BENCHMARKS.md compares the engine with: TF-IDF over the session language's stems, cosine
 * similarity, plain average linkage over all pairs down to `link`; consensus by half of the answering groups.
 * No language knowledge, no letter grams, no second pass: what the engine's knowledge must beat.
 */
export function naiveSynthesis(session: LabelledSession, link: number): PredictedPrompt[] {
  const lang: Language = session.session.language;
  return session.prompts.map((prompt) => {
    const answers = session.answers.filter((a) => a.promptId === prompt.id);
    const docs = answers.map((a) => contentStems(a.text, lang));
    const df = new Map<string, number>();
    for (const d of docs) for (const s of new Set(d)) df.set(s, (df.get(s) ?? 0) + 1);
    const vectors = docs.map((d) => {
      const v = new Map<string, number>();
      for (const s of d) v.set(s, (v.get(s) ?? 0) + Math.log(1 + docs.length / df.get(s)!));
      const norm = Math.sqrt([...v.values()].reduce((x, w) => x + w * w, 0)) || 1;
      for (const [s, w] of v) v.set(s, w / norm);
      return v;
    });
    const cos = (a: Map<string, number>, b: Map<string, number>) => [...a].reduce((x, [s, w]) => x + w * (b.get(s) ?? 0), 0);
    let clusters = answers.map((_, i) => [i]);
    for (;;) {
      let best: [number, number, number] | null = null;
      for (let x = 0; x < clusters.length; x++)
        for (let y = x + 1; y < clusters.length; y++) {
          let sum = 0;
          for (const i of clusters[x]) for (const j of clusters[y]) sum += cos(vectors[i], vectors[j]);
          const mean = sum / (clusters[x].length * clusters[y].length);
          if (mean >= link && (!best || mean > best[2])) best = [x, y, mean];
        }
      if (!best) break;
      clusters = [...clusters.filter((_, k) => k !== best![0] && k !== best![1]), [...clusters[best[0]], ...clusters[best[1]]]];
    }
    const groupsAnswering = new Set(answers.map((a) => a.groupId)).size;
    const themes = clusters
      .filter((c) => c.length >= 2)
      .map((c) => ({ answerIds: c.map((i) => answers[i].id), consensus: new Set(c.map((i) => answers[i].groupId)).size * 2 >= groupsAnswering }));
    return { promptId: prompt.id, themes };
  });
}
