import type { Language } from '../../schemas/primitives.js';
import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../schemas/synthesis.js';
import { reject } from '../context.js';
import { derive } from './derive.js';

/**
 * The facilitator's curation, as pure operations on the synthesis. Every theme an operation touches becomes
 * `curated`, so a later re-run keeps it as the facilitator left it.
 */
type Located = { prompt: PromptSynthesis; theme: SynthesisTheme };

function findTheme(doc: SynthesisDoc, themeId: string): Located {
  for (const prompt of doc.prompts) {
    const theme = prompt.themes.find((t) => t.id === themeId);
    if (theme) return { prompt, theme };
  }
  return reject('not_found', 'No such theme');
}

function replacePrompt(doc: SynthesisDoc, promptId: string, f: (p: PromptSynthesis) => PromptSynthesis): SynthesisDoc {
  return { ...doc, prompts: doc.prompts.map((p) => (p.promptId === promptId ? f(p) : p)) };
}

function updateTheme(doc: SynthesisDoc, themeId: string, f: (t: SynthesisTheme) => SynthesisTheme): SynthesisDoc {
  const { prompt } = findTheme(doc, themeId);
  return replacePrompt(doc, prompt.promptId, (p) => ({ ...p, themes: p.themes.map((t) => (t.id === themeId ? { ...f(t), curated: true } : t)) }));
}

export function renameTheme(doc: SynthesisDoc, language: Language, themeId: string, label: string): SynthesisDoc {
  return derive(
    updateTheme(doc, themeId, (t) => ({ ...t, label })),
    language,
  );
}

export function hideTheme(doc: SynthesisDoc, language: Language, themeId: string, hidden: boolean): SynthesisDoc {
  return derive(
    updateTheme(doc, themeId, (t) => ({ ...t, hidden })),
    language,
  );
}

/** null hands consensus back to the threshold. */
export function setConsensus(doc: SynthesisDoc, language: Language, themeId: string, consensus: boolean | null): SynthesisDoc {
  return derive(
    updateTheme(doc, themeId, (t) => ({ ...t, consensus: consensus ?? t.consensus, consensusManual: consensus !== null })),
    language,
  );
}

/** Merges into the first theme; all must answer the same prompt. */
export function mergeThemes(doc: SynthesisDoc, language: Language, themeIds: string[]): SynthesisDoc {
  const located = themeIds.map((id) => findTheme(doc, id));
  const promptId = located[0].prompt.promptId;
  if (located.some((l) => l.prompt.promptId !== promptId)) reject('invalid', 'Only themes of the same prompt can be merged');
  const [into, ...rest] = located.map((l) => l.theme);
  const restIds = new Set(rest.map((t) => t.id));
  const merged: SynthesisTheme = { ...into, answerIds: [...into.answerIds, ...rest.flatMap((t) => t.answerIds)], curated: true };
  const votes = Object.fromEntries(Object.entries(doc.votes).map(([pid, ids]) => [pid, ids.map((id) => (restIds.has(id) ? into.id : id))]));
  const next = replacePrompt({ ...doc, votes }, promptId, (p) => ({
    ...p,
    themes: p.themes.filter((t) => !restIds.has(t.id)).map((t) => (t.id === into.id ? merged : t)),
  }));
  return derive(next, language);
}

/** Moves one answer to another theme of its prompt, or to "other ideas" (themeId null). */
export function moveAnswer(doc: SynthesisDoc, language: Language, answerId: string, themeId: string | null): SynthesisDoc {
  const answer = doc.answers[answerId] ?? reject('not_found', 'No such answer in the synthesis');
  const target = themeId ? findTheme(doc, themeId) : null;
  if (target && target.prompt.promptId !== answer.promptId) reject('invalid', 'An answer can only move within its prompt');
  const next = replacePrompt(doc, answer.promptId, (p) => {
    const themes = p.themes.map((t) => {
      const had = t.answerIds.includes(answerId);
      const answerIds = t.answerIds.filter((id) => id !== answerId);
      if (t.id === themeId) return { ...t, answerIds: [...answerIds, answerId], curated: true };
      return had ? { ...t, answerIds, curated: true } : t;
    });
    const otherAnswerIds = p.otherAnswerIds.filter((id) => id !== answerId);
    const pinnedOther = p.pinnedOther.filter((id) => id !== answerId);
    return themeId
      ? { ...p, themes, otherAnswerIds, pinnedOther }
      : { ...p, themes, otherAnswerIds: [...otherAnswerIds, answerId], pinnedOther: [...pinnedOther, answerId] };
  });
  return derive(next, language);
}

/** Takes some answers out of a theme into a new one, labelled after its first answer until renamed. */
export function splitTheme(doc: SynthesisDoc, language: Language, themeId: string, answerIds: string[], newId: string): SynthesisDoc {
  const { prompt, theme } = findTheme(doc, themeId);
  const moving = new Set(answerIds);
  if (answerIds.some((id) => !theme.answerIds.includes(id))) reject('invalid', 'Split only answers of that theme');
  if (moving.size === 0 || moving.size === theme.answerIds.length) reject('invalid', 'Leave at least one answer on each side');
  const first = doc.answers[answerIds[0]]?.text ?? '';
  const label = first.length > 60 ? `${first.slice(0, 57)}…` : first;
  const split: SynthesisTheme = {
    ...theme,
    id: newId,
    label,
    answerIds: [...moving],
    representativeAnswerId: answerIds[0],
    consensusManual: false,
    hidden: false,
    curated: true,
  };
  const kept: SynthesisTheme = { ...theme, answerIds: theme.answerIds.filter((id) => !moving.has(id)), curated: true };
  return derive(
    replacePrompt(doc, prompt.promptId, (p) => ({ ...p, themes: [...p.themes.map((t) => (t.id === themeId ? kept : t)), split] })),
    language,
  );
}

/** null returns to the generated draft. */
export function editSummary(doc: SynthesisDoc, language: Language, promptId: string, summary: string | null): SynthesisDoc {
  if (!doc.prompts.some((p) => p.promptId === promptId)) reject('not_found', 'No such prompt in the synthesis');
  return derive(
    replacePrompt(doc, promptId, (p) => ({ ...p, summary: summary ?? p.summary, summaryEdited: summary !== null })),
    language,
  );
}
