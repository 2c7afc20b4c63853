import { z } from 'zod';
import { Language } from '../../shared/schemas/primitives.js';
import { adjustedRand } from './adjusted-rand.js';

/** A labelled session (../shared/data/sessions, tests/fixtures/synthesis): answers carry the facilitators' theme. */
export const LabelledSession = z.object({
  session: z.object({ title: z.string().optional(), language: Language }),
  prompts: z.array(z.object({ id: z.string(), text: z.string() })),
  answers: z.array(
    z.object({ id: z.string(), promptId: z.string(), groupId: z.string(), text: z.string(), theme: z.string().optional(), language: Language.optional() }),
  ),
});
export type LabelledSession = z.infer<typeof LabelledSession>;

/** An answer's theme as the facilitators gave it: each of their "other" answers is a theme of its own. */
export const goldLabel = (a: LabelledSession['answers'][number]): string => (a.theme === 'other' ? `other:${a.id}` : String(a.theme));

export interface PredictedPrompt {
  promptId: string;
  themes: { answerIds: string[]; consensus: boolean }[];
}

export interface Score {
  ari: number;
  consensusF1: number;
  /** Of the answers the facilitators put in a theme, the share the engine left as "other ideas". */
  themedLeftAlone: number;
}

/**
 * The team's scoring (../shared/tools/score-synthesis.mjs), per prompt and averaged: Adjusted Rand Index of the
 * partition (gold "other" and unthemed answers are singletons), and F1 of the consensus themes (gold consensus:
 * raised by at least half of the groups that answered; a predicted one is right when its majority gold theme is one).
 */
export function scoreSession(gold: LabelledSession, predicted: PredictedPrompt[]): Score {
  const rows = gold.prompts.map((prompt) => {
    const answers = gold.answers.filter((a) => a.promptId === prompt.id);
    const pred = predicted.find((p) => p.promptId === prompt.id) ?? { promptId: prompt.id, themes: [] };
    const predOf = new Map<string, number>();
    pred.themes.forEach((t, i) => t.answerIds.forEach((id) => predOf.set(id, i)));
    const ari = adjustedRand(
      answers.map(goldLabel),
      answers.map((a) => (predOf.has(a.id) ? `t${predOf.get(a.id)}` : `single:${a.id}`)),
    );
    const groupsAnswering = new Set(answers.map((a) => a.groupId)).size;
    const groupsByTheme = new Map<string, Set<string>>();
    for (const a of answers) {
      if (a.theme === 'other' || !a.theme) continue;
      if (!groupsByTheme.has(a.theme)) groupsByTheme.set(a.theme, new Set());
      groupsByTheme.get(a.theme)!.add(a.groupId);
    }
    const goldConsensus = new Set([...groupsByTheme].filter(([, g]) => g.size * 2 >= groupsAnswering).map(([t]) => t));
    const themeOf = new Map(answers.map((a) => [a.id, a.theme]));
    const found = new Set<string>();
    let predictedConsensus = 0;
    let right = 0;
    for (const t of pred.themes) {
      if (!t.consensus) continue;
      predictedConsensus++;
      const votes = new Map<string, number>();
      for (const id of t.answerIds) {
        const g = themeOf.get(id);
        if (g && g !== 'other') votes.set(g, (votes.get(g) ?? 0) + 1);
      }
      const top = [...votes].sort((x, y) => y[1] - x[1])[0]?.[0];
      if (top && goldConsensus.has(top) && !found.has(top)) {
        found.add(top);
        right++;
      }
    }
    const precision = predictedConsensus ? right / predictedConsensus : 0;
    const recall = goldConsensus.size ? right / goldConsensus.size : 1;
    const consensusF1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const themed = answers.filter((a) => a.theme && a.theme !== 'other');
    const alone = themed.filter((a) => !predOf.has(a.id) || pred.themes[predOf.get(a.id)!].answerIds.length < 2).length;
    return { ari, consensusF1, alone, themed: themed.length };
  });
  const mean = (k: 'ari' | 'consensusF1') => rows.reduce((s, r) => s + r[k], 0) / rows.length;
  const themed = rows.reduce((s, r) => s + r.themed, 0);
  return { ari: mean('ari'), consensusF1: mean('consensusF1'), themedLeftAlone: themed ? rows.reduce((s, r) => s + r.alone, 0) / themed : 0 };
}
