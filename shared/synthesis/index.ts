import type { Language } from '../schemas/primitives.js';
import { cluster } from './cluster.js';
import { analyse, vectorise } from './features.js';
import { labelFrom, representative, themeId } from './label.js';
import { draftSummary } from './summary.js';

export type { Language };
export interface SynthesisInput {
  language: Language;
  prompts: { id: string; text: string }[];
  answers: { id: string; promptId: string; groupId: string; text: string }[];
  /** Share of the groups that answered a prompt that must raise a theme for consensus; default 0.5. */
  consensusThreshold?: number;
}
export interface Theme {
  id: string;
  label: string;
  representativeAnswerId: string;
  answerIds: string[];
  groupIds: string[];
  consensus: boolean;
}
export interface PromptSynthesis {
  promptId: string;
  themes: Theme[];
  otherAnswerIds: string[];
  groupsAnswering: number;
  summary: string;
}

/**
 * Per prompt: analyse each answer (words, concepts, letter grams), cluster with average linkage over an
 * inverted index, and turn clusters of two or more answers into themes; single answers stay as "other ideas".
 * Pure: no network, no model, no clock.
 */
export function synthesize(input: SynthesisInput): { prompts: PromptSynthesis[] } {
  const threshold = input.consensusThreshold ?? 0.5;
  return { prompts: input.prompts.map((p) => synthesizePrompt(p.id, input.answers.filter((a) => a.promptId === p.id), input.language, threshold)) };
}

function synthesizePrompt(promptId: string, answers: SynthesisInput['answers'], language: Language, threshold: number): PromptSynthesis {
  const groupsAnswering = new Set(answers.map((a) => a.groupId)).size;
  const vectors = vectorise(answers.map((a) => analyse(a.text, language)));
  const clusters = cluster(answers.map((a, i) => ({ vector: vectors[i], groupId: a.groupId })));
  const themes: Theme[] = [];
  const otherAnswerIds: string[] = [];
  for (const members of clusters) {
    if (members.length < 2) {
      otherAnswerIds.push(...members.map((i) => answers[i].id));
      continue;
    }
    const rep = representative(members, vectors);
    const answerIds = members.map((i) => answers[i].id);
    const groupIds = [...new Set(members.map((i) => answers[i].groupId))];
    themes.push({
      id: themeId(answerIds),
      label: labelFrom(answers[rep].text),
      representativeAnswerId: answers[rep].id,
      answerIds,
      groupIds,
      consensus: groupsAnswering > 0 && groupIds.length >= threshold * groupsAnswering,
    });
  }
  themes.sort((a, b) => b.groupIds.length - a.groupIds.length || b.answerIds.length - a.answerIds.length || a.label.localeCompare(b.label));
  const byId = new Map(answers.map((a) => [a.id, a.text]));
  const summary = draftSummary({
    language,
    groupsAnswering,
    themes: themes.map((t) => ({ label: t.label, groupCount: t.groupIds.length, consensus: t.consensus, answerCount: t.answerIds.length })),
    otherIdeas: otherAnswerIds.map((id) => byId.get(id) ?? ''),
  });
  return { promptId, themes, otherAnswerIds, groupsAnswering, summary };
}
