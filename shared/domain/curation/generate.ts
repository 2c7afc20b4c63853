import type { SessionState } from '../../schemas/session.js';
import type { PromptSynthesis, SynthesisDocOnWire, SynthesisEngine, SynthesisTheme } from '../../schemas/synthesis.js';
import { synthesize, type SynthesisInput } from '../../synthesis/index.js';
import { type DerivableDoc, derive } from './derive.js';
import { withoutTexts } from './texts.js';

export const DEFAULT_CONSENSUS_THRESHOLD = 0.5;

/** What the engine proposes for a session, and which engine it was; the server computes it off the event loop. */
export interface MachineSynthesis {
  prompts: ReturnType<typeof synthesize>['prompts'];
  engine?: SynthesisEngine;
  /** The draft already merged off the event loop, against the session as it was at `seq` (see draftSynthesis). */
  merged?: { seq: number; threshold: number; synthesis: SynthesisDocOnWire };
}

/** What a new draft is merged against: the session's prompts, language and answers (their texts are not needed). */
export interface SynthesisBasis {
  language: SessionState['language'];
  prompts: { id: string }[];
  answers: Record<string, { id: string; promptId: string; groupId: string }>;
}

/** The engine's input for a session: every answer, with the language it was written in when known. */
export function synthesisInput(s: SessionState, threshold: number): SynthesisInput {
  return { ...synthesisFrame(s, threshold), answers: Object.values(s.answers).map(engineAnswer) };
}

/** The engine's input but its answers: language, prompts (with the groups that had each) and threshold. */
export function synthesisFrame(s: SessionState, threshold: number): Omit<SynthesisInput, 'answers'> {
  return {
    language: s.language,
    // In a jigsaw each group has some prompts only: consensus is counted over the groups that had the prompt.
    prompts: s.prompts.map((p) => ({ id: p.id, text: p.text, groupIds: s.groupOrder.filter((g) => hadPrompt(s, g, p.id)) })),
    consensusThreshold: threshold,
  };
}

/** One answer as the engine takes it; without a spread: this runs on the event loop for every answer before each run. */
export function engineAnswer(a: SessionState['answers'][string]): SynthesisInput['answers'][number] {
  const out: SynthesisInput['answers'][number] = { id: a.id, promptId: a.promptId, groupId: a.groupId, text: a.text };
  if (a.language) out.language = a.language;
  return out;
}

const hadPrompt = (s: SessionState, groupId: string, promptId: string) => {
  const dealt = s.groups[groupId]?.promptIds;
  return dealt === null || dealt === undefined || dealt.includes(promptId);
};

/** The threshold a run uses: the one asked for, else the one the facilitator chose before. */
export const thresholdFor = (previous: SynthesisDocOnWire | null, asked?: number) => asked ?? previous?.threshold ?? DEFAULT_CONSENSUS_THRESHOLD;

/** The pure path (unit tests, scripts): the engine runs right here. */
export function runEngine(s: SessionState, threshold: number): MachineSynthesis {
  return { ...synthesize(synthesisInput(s, threshold)), engine: { kind: 'lexical' } };
}

/** The session as the engine's input describes it: what the worker merges a draft against. */
export function basisOf(input: SynthesisInput): SynthesisBasis {
  return { language: input.language, prompts: input.prompts, answers: Object.fromEntries(input.answers.map((a) => [a.id, a])) };
}

/**
 * The new draft a run commits. The server's synthesis worker merges it already, against the session as the run read
 * it: when nothing was committed since (the same seq), that is the draft, and the event loop only stamps the time
 * (the merge is ~10 ms at 10,000 answers, on the loop every room shares). When answers or curation arrived
 * meanwhile, the merge is done again here, against the session as it is now.
 */
export function draftSynthesis(s: SessionState, now: number, threshold: number, machine?: MachineSynthesis): SynthesisDocOnWire {
  const merged = machine?.merged;
  if (merged && merged.seq === s.seq && merged.threshold === threshold) return { ...merged.synthesis, generatedAt: now };
  return generateSynthesis(s, s.synthesis, now, threshold, machine ?? runEngine(s, threshold));
}

/**
 * Merges the engine's result with the previous, curated synthesis, keeping every manual decision:
 * - curated themes keep their id, label, visibility, consensus mark and answers (deleted answers drop out);
 * - answers a facilitator placed (in a curated theme or in "other ideas") stay where they were put;
 * - a fresh machine theme that mostly overlaps a curated theme brings its new answers into it;
 * - other machine themes keep the id (and so the votes) of the previous theme they overlap most.
 * `machine` may have been computed from an earlier state (on a worker while the room went on): answers deleted
 * since drop out, and answers added since, which it has never seen, join "other ideas" until the next run.
 */
export function generateSynthesis(
  s: SynthesisBasis,
  previous: SynthesisDocOnWire | null,
  now: number,
  threshold: number,
  machine: MachineSynthesis,
): SynthesisDocOnWire {
  const seen = new Set(machine.prompts.flatMap((m) => [...m.themes.flatMap((t) => t.answerIds), ...m.otherAnswerIds]));
  // One pass over the answers, not one per prompt: this runs on the server's event loop.
  const unseen = new Map<string, string[]>(s.prompts.map((p) => [p.id, []]));
  const groupsOf = new Map<string, Set<string>>(s.prompts.map((p) => [p.id, new Set()]));
  for (const a of Object.values(s.answers)) {
    groupsOf.get(a.promptId)?.add(a.groupId);
    if (!seen.has(a.id)) unseen.get(a.promptId)?.push(a.id);
  }
  const doc: DerivableDoc = {
    generatedAt: now,
    threshold,
    published: previous?.published ?? false,
    votesPerParticipant: previous?.votesPerParticipant ?? 0,
    votes: previous?.votes ?? {},
    // Read in place, not copied: derive only looks up groups, and the draft leaves the texts out (withoutTexts).
    answers: s.answers,
    prompts: s.prompts.map((prompt) => {
      const m = machine.prompts.find((p) => p.promptId === prompt.id) ?? emptyPrompt(prompt.id);
      const before = previous?.prompts.find((p) => p.promptId === prompt.id) ?? null;
      return mergePrompt(m, before, s.answers, unseen.get(prompt.id) ?? [], groupsOf.get(prompt.id)?.size ?? 0);
    }),
    ...(machine.engine ? { engine: machine.engine } : {}),
  };
  return withoutTexts(derive(pruneVotes(doc), s.language, 'rank'));
}

type MachinePrompt = MachineSynthesis['prompts'][number];

const emptyPrompt = (promptId: string): MachinePrompt => ({ promptId, themes: [], otherAnswerIds: [], groupsAnswering: 0, summary: '' });

function mergePrompt(
  m: MachinePrompt,
  before: PromptSynthesis | null,
  answers: SynthesisBasis['answers'],
  unseen: string[],
  answering: number,
): PromptSynthesis {
  const exists = (id: string) => id in answers;
  const curated = (before?.themes ?? []).filter((t) => t.curated).map((t) => ({ ...t, answerIds: t.answerIds.filter(exists) }));
  const pinnedOther = (before?.pinnedOther ?? []).filter(exists);
  const placed = new Set([...curated.flatMap((t) => t.answerIds), ...pinnedOther]);
  const previousMachine = (before?.themes ?? []).filter((t) => !t.curated);
  // Which previous theme held each answer: a new theme finds its heir through its own answers, not by comparing it
  // with every previous theme (hundreds of each at 10,000 answers, on the server's event loop).
  const previousThemeOf = new Map<string, string>();
  for (const t of previousMachine) for (const id of t.answerIds) previousThemeOf.set(id, t.id);
  const themes: SynthesisTheme[] = [...curated];
  const usedIds = new Set(curated.map((t) => t.id));

  for (const machineTheme of m.themes) {
    const mt = { ...machineTheme, answerIds: machineTheme.answerIds.filter(exists) };
    if (mt.answerIds.length === 0) continue;
    const host = curated.find((c) => overlap(mt.answerIds, c.answerIds) * 2 > mt.answerIds.length);
    const fresh = mt.answerIds.filter((id) => !placed.has(id));
    if (host) {
      host.answerIds.push(...fresh);
      fresh.forEach((id) => placed.add(id));
      continue;
    }
    if (fresh.length === 0) continue;
    const heir = bestMatch(
      fresh,
      previousMachine.filter((t) => !usedIds.has(t.id)),
      previousThemeOf,
    );
    const id = heir?.id ?? mt.id;
    usedIds.add(id);
    fresh.forEach((a) => placed.add(a));
    themes.push({
      id,
      label: mt.label,
      answerIds: fresh,
      groupIds: [],
      representativeAnswerId: fresh.includes(mt.representativeAnswerId) ? mt.representativeAnswerId : fresh[0],
      consensus: false,
      consensusManual: false,
      hidden: heir?.hidden ?? false,
      curated: false,
    });
  }
  const otherAnswerIds = [...pinnedOther, ...[...m.otherAnswerIds, ...unseen].filter((id) => exists(id) && !placed.has(id))];
  // The engine counted the groups that had the prompt; answers it has not seen may add a group.
  const groupsAnswering = Math.max(answering, m.groupsAnswering);
  return {
    promptId: m.promptId,
    themes,
    otherAnswerIds,
    pinnedOther,
    groupsAnswering,
    summary: before?.summaryEdited ? before.summary : m.summary,
    summaryEdited: before?.summaryEdited ?? false,
  };
}

const overlap = (a: string[], b: string[]) => {
  const set = new Set(b);
  return a.filter((id) => set.has(id)).length;
};

/** The previous theme sharing at least half of its answers with these (Jaccard ≥ 0.5), best first. */
function bestMatch(answerIds: string[], candidates: SynthesisTheme[], previousThemeOf: Map<string, string>): SynthesisTheme | null {
  const sharedWith = new Map<string, number>();
  for (const id of answerIds) {
    const themeId = previousThemeOf.get(id);
    if (themeId !== undefined) sharedWith.set(themeId, (sharedWith.get(themeId) ?? 0) + 1);
  }
  let best: SynthesisTheme | null = null;
  let bestScore = 0.5;
  for (const c of candidates) {
    const shared = sharedWith.get(c.id) ?? 0;
    if (shared === 0) continue;
    const score = shared / (answerIds.length + c.answerIds.length - shared);
    if (score >= bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Dots on themes that no longer exist are handed back. */
function pruneVotes(doc: DerivableDoc): DerivableDoc {
  const ids = new Set(doc.prompts.flatMap((p) => p.themes.map((t) => t.id)));
  const votes = Object.fromEntries(Object.entries(doc.votes).map(([pid, themeIds]) => [pid, themeIds.filter((id) => ids.has(id))]));
  return { ...doc, votes };
}
