import type { Language } from '../../schemas/primitives.js';
import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../schemas/synthesis.js';
import { draftSummary } from '../../synthesis/summary.js';

/**
 * Recomputes what follows from the curated answers of each theme: groups, automatic consensus and the draft summary
 * (unless the facilitator wrote their own). Every curation operation ends here. Only a new draft (`order: 'rank'`)
 * puts the themes in order of reach; curation keeps them where they are, so a theme being renamed or edited does
 * not jump on the console, the phones or the projector.
 */
export function derive<D extends DerivableDoc>(doc: D, language: Language, order: 'keep' | 'rank' = 'keep'): D {
  return { ...doc, prompts: doc.prompts.map((p) => derivePrompt(p, doc, language, order)) };
}

/** What deriving reads of the answers: their groups (a new draft is derived before it has texts). */
export type DerivableDoc = Omit<SynthesisDoc, 'answers'> & { answers: Record<string, { groupId: string }> };

const byReach = (a: SynthesisTheme, b: SynthesisTheme) =>
  b.groupIds.length - a.groupIds.length || b.answerIds.length - a.answerIds.length || a.label.localeCompare(b.label);

function derivePrompt(p: PromptSynthesis, doc: DerivableDoc, language: Language, order: 'keep' | 'rank'): PromptSynthesis {
  const derived = p.themes.filter((t) => t.answerIds.length > 0).map((t) => deriveTheme(t, doc, p.groupsAnswering));
  const themes = order === 'rank' ? derived.sort(byReach) : derived;
  const next = { ...p, themes };
  return p.summaryEdited ? next : { ...next, summary: summaryOf(next, doc, language) };
}

function deriveTheme(t: SynthesisTheme, doc: DerivableDoc, groupsAnswering: number): SynthesisTheme {
  const groupIds = [...new Set(t.answerIds.map((id) => doc.answers[id]?.groupId).filter((g): g is string => !!g))];
  // As in the engine: never claimed from one group alone.
  const consensus = t.consensusManual ? t.consensus : groupIds.length >= 2 && groupIds.length >= doc.threshold * groupsAnswering;
  const representativeAnswerId =
    t.representativeAnswerId && t.answerIds.includes(t.representativeAnswerId) ? t.representativeAnswerId : (t.answerIds[0] ?? null);
  return { ...t, groupIds, consensus, representativeAnswerId };
}

function summaryOf(p: PromptSynthesis, doc: DerivableDoc, language: Language): string {
  const visible = p.themes.filter((t) => !t.hidden);
  return draftSummary({
    language,
    groupsAnswering: p.groupsAnswering,
    themes: visible.map((t) => ({ label: t.label, groupCount: t.groupIds.length, consensus: t.consensus, answerCount: t.answerIds.length })),
    otherIdeas: p.otherAnswerIds.filter((id) => id in doc.answers).length,
  });
}
