import type { CommandOf } from '../../protocol/commands.js';
import type { Language } from '../../schemas/primitives.js';
import type { SessionState } from '../../schemas/session.js';
import { type PromptSynthesis, type SynthesisInput, synthesize } from '../../synthesis/index.js';
import type { MachineSynthesis } from '../curation/generate.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import {
  DEFAULT_QUESTIONS_SETTING,
  type EvaluationQuestions,
  type EvaluationResponse,
  type EvaluationState,
  type EvaluationThemes,
  hasAnswered,
  questionText,
} from '../evaluation.js';
import { own } from '../permissions.js';

/**
 * Opening (or opening again after closing: the responses stay). The questions may change until someone has
 * answered; after that a change would put earlier answers under a question they were not asked.
 */
export function decideEvaluationOpen(s: SessionState, c: CommandOf<'evaluation.open'>): Decision {
  const current = s.evaluation;
  const questions: EvaluationQuestions = c.questions ?? current?.questions ?? DEFAULT_QUESTIONS_SETTING;
  if (current?.open && sameQuestions(current.questions, questions)) return { events: [] };
  if (current && Object.keys(current.responses).length > 0 && !sameQuestions(current.questions, questions))
    reject('conflict', 'People have answered these questions already: they cannot change now');
  return { events: [{ type: 'evaluation.opened', questions }] };
}

/** Refuses a close that cannot happen (cheap: the server asks before it spends the engine on it). */
export function checkEvaluationClose(s: SessionState): EvaluationState {
  return s.evaluation?.open ? s.evaluation : reject('conflict', 'The evaluation is not open');
}

/**
 * Closing groups the open answers into themes with the synthesis engine, once, for every later reader.
 * `machine`: the engine's result on evaluationInput, computed by the server off its event loop; without it the
 * engine runs here (unit tests); null: it could not be computed, and the evaluation closes without themes.
 */
export function decideEvaluationClose(s: SessionState, machine?: MachineSynthesis | null): Decision {
  checkEvaluationClose(s);
  const input = evaluationInput(s);
  const themes = input.answers.length === 0 ? NO_THEMES : machine === null ? null : themesOf((machine ?? synthesize(input)).prompts);
  return { events: [{ type: 'evaluation.closed', themes }] };
}

/**
 * One response per participant, without an author: the response and the fact that this participant answered are
 * two events, and only the second names them (and reaches nobody but them).
 */
export function decideEvaluationRespond(s: SessionState, c: CommandOf<'evaluation.respond'>, ctx: DomainContext): Decision {
  if (ctx.actor.role !== 'participant') return reject('forbidden', 'Only participants answer the evaluation');
  const participantId = ctx.actor.participantId;
  if (!own(s.participants, participantId)) reject('not_found', 'No such participant');
  if (!s.evaluation?.open) reject('conflict', 'The evaluation is not open');
  if (hasAnswered(s.evaluation, participantId)) reject('conflict', 'You have already answered the evaluation');
  const response: EvaluationResponse = {
    id: ctx.newId(),
    rating: c.rating,
    takeBack: c.takeBack,
    change: c.change,
    ...(c.language ? { language: c.language } : {}),
  };
  return {
    events: [
      { type: 'evaluation.responded', response },
      { type: 'evaluation.respondentRecorded', participantId },
    ],
  };
}

/**
 * The themes of both open questions, by the session synthesis engine. Each response stands for a "group" of its
 * own (consensus means nothing here); the question's words are given as the prompt, so "organisation" in every
 * answer to "What will you take back to your organisation?" does not become a theme. Deterministic: the same
 * responses give the same themes. Answers left alone by the engine are not a theme and are not listed here.
 */
export function evaluationThemes(responses: EvaluationResponse[], questions: EvaluationQuestions, language: Language): EvaluationThemes {
  const input = themesInput(responses, questions, language);
  return input.answers.length === 0 ? NO_THEMES : themesOf(synthesize(input).prompts);
}

/** The engine's input for a session's evaluation (the server sends it to its synthesis worker). */
export function evaluationInput(s: SessionState): SynthesisInput {
  const e = s.evaluation;
  return themesInput(Object.values(e?.responses ?? {}), e?.questions ?? DEFAULT_QUESTIONS_SETTING, s.language);
}

const OPEN_KEYS = ['takeBack', 'change'] as const;
const NO_THEMES: EvaluationThemes = { takeBack: [], change: [] };

function themesInput(responses: EvaluationResponse[], questions: EvaluationQuestions, language: Language): SynthesisInput {
  const answers = responses.flatMap((r) =>
    OPEN_KEYS.flatMap((key) => {
      const text = r[key];
      return text ? [{ id: `${key}.${r.id}`, promptId: key, groupId: r.id, text, ...(r.language ? { language: r.language } : {}) }] : [];
    }),
  );
  return { language, prompts: OPEN_KEYS.map((key) => ({ id: key, text: questionText(questions, key, language) })), answers };
}

function themesOf(prompts: PromptSynthesis[]): EvaluationThemes {
  const of = (key: (typeof OPEN_KEYS)[number]) =>
    (prompts.find((p) => p.promptId === key)?.themes ?? []).map((t) => ({
      label: t.label,
      responseIds: t.answerIds.filter((id) => id.startsWith(`${key}.`)).map((id) => id.slice(key.length + 1)),
    }));
  return { takeBack: of('takeBack'), change: of('change') };
}

function sameQuestions(a: EvaluationQuestions, b: EvaluationQuestions): boolean {
  return a.rating === b.rating && a.takeBack === b.takeBack && a.change === b.change;
}
