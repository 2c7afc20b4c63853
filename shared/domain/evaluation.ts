import { z } from 'zod';
import { Id, Language, optionalText } from '../schemas/primitives.js';

/**
 * The evaluation round (issue 16, item 2): a 1-to-5 rating and two open questions, asked live at the end of a
 * session. Anonymous by construction: a response carries no author; who has answered is a separate set (to allow
 * one response each) that no reader is ever shown, except each participant their own entry.
 */
export const EVALUATION_LIMITS = { question: 300, answer: 1000 } as const;

export const QUESTION_KEYS = ['rating', 'takeBack', 'change'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

/** A question's own wording, or null for the default one (shown in each reader's language). */
export const EvaluationQuestions = z.object({ rating: z.string().nullable(), takeBack: z.string().nullable(), change: z.string().nullable() });
export type EvaluationQuestions = z.infer<typeof EvaluationQuestions>;
/** As a facilitator (or a programme's coordinator) sends them: an empty or missing question means the default one. */
export const EvaluationQuestionsInput = z.strictObject({
  rating: optionalText(EVALUATION_LIMITS.question),
  takeBack: optionalText(EVALUATION_LIMITS.question),
  change: optionalText(EVALUATION_LIMITS.question),
});
export const DEFAULT_QUESTIONS_SETTING: EvaluationQuestions = { rating: null, takeBack: null, change: null };

export const RATINGS = [1, 2, 3, 4, 5] as const;
export const Rating = z.number().int().min(1).max(5);

/** One person's answers, without who gave them. */
export const EvaluationResponse = z.object({
  id: Id,
  rating: Rating,
  takeBack: z.string().nullable(),
  change: z.string().nullable(),
  /** The writer's interface language, for the synthesis; absent when the client did not say. */
  language: Language.optional(),
});
export type EvaluationResponse = z.infer<typeof EvaluationResponse>;

/** A theme of one open question's answers: its label and the responses in it. */
export const EvaluationTheme = z.object({ label: z.string(), responseIds: z.array(Id) });
export type EvaluationTheme = z.infer<typeof EvaluationTheme>;
export const EvaluationThemes = z.object({ takeBack: z.array(EvaluationTheme), change: z.array(EvaluationTheme) });
export type EvaluationThemes = z.infer<typeof EvaluationThemes>;

export const EvaluationState = z.object({
  open: z.boolean(),
  questions: EvaluationQuestions,
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  /** By response id (random, not derived from anyone): written in place, one entry per response. */
  responses: z.record(z.string(), EvaluationResponse),
  /**
   * Who has answered, to refuse a second response. Never shown to facilitators (viewFor, eventForFacilitators);
   * a participant's view holds only their own entry.
   */
  respondents: z.record(z.string(), z.literal(true)),
  /** Themes of the open answers, made by the synthesis engine when the evaluation closes; null while open. */
  themes: EvaluationThemes.nullable(),
});
export type EvaluationState = z.infer<typeof EvaluationState>;

/** The default questions, in the four languages (content: reports use the session's language, forms the reader's). */
export const DEFAULT_QUESTIONS: Record<Language, Record<QuestionKey, string>> = {
  en: {
    rating: 'How useful was this session for you?',
    takeBack: 'What will you take back to your organisation?',
    change: 'What should we change next time?',
  },
  nl: {
    rating: 'Hoe nuttig was deze sessie voor u?',
    takeBack: 'Wat neemt u mee terug naar uw organisatie?',
    change: 'Wat moeten we de volgende keer anders doen?',
  },
  fr: {
    rating: 'Dans quelle mesure cette session vous a-t-elle été utile ?',
    takeBack: 'Que rapporterez-vous à votre organisation ?',
    change: 'Que devrions-nous changer la prochaine fois ?',
  },
  da: {
    rating: 'Hvor nyttig var denne session for dig?',
    takeBack: 'Hvad tager du med tilbage til din organisation?',
    change: 'Hvad skal vi gøre anderledes næste gang?',
  },
};

/** The wording a reader sees: the facilitator's own, else the default in `language`. */
export function questionText(questions: EvaluationQuestions, key: QuestionKey, language: Language): string {
  return questions[key] ?? DEFAULT_QUESTIONS[language][key];
}

/** Facilitators' view: everything but who answered. O(1): the set is replaced, not filtered. */
export function withoutRespondents(e: EvaluationState): EvaluationState {
  for (const _ in e.respondents) return { ...e, respondents: {} };
  return e;
}

/** A participant's view: whether it is open, its questions, and whether they answered; no responses, no results. */
export function evaluationForParticipant(e: EvaluationState, participantId: string): EvaluationState {
  const answered = Object.hasOwn(e.respondents, participantId);
  return { ...e, responses: {}, respondents: answered ? { [participantId]: true } : {}, themes: null };
}

export function hasAnswered(e: EvaluationState | null | undefined, participantId: string | null): boolean {
  return !!e && participantId !== null && Object.hasOwn(e.respondents, participantId);
}

/** What the console, the projector and the reports show of the ratings. */
export interface RatingSummary {
  count: number;
  /** Mean rating, to one decimal; null with no response. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5 (index 0 is a rating of 1). */
  distribution: [number, number, number, number, number];
}

export function ratingSummary(e: EvaluationState | null | undefined): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const r of Object.values(e?.responses ?? {})) {
    distribution[r.rating - 1]++;
    sum += r.rating;
    count++;
  }
  return { count, average: count ? Math.round((sum / count) * 10) / 10 : null, distribution };
}

/** The open answers to one question, as a list without authors (responses are kept in arrival order). */
export function openAnswers(e: EvaluationState | null | undefined, key: Exclude<QuestionKey, 'rating'>): { id: string; text: string; language?: Language }[] {
  const out: { id: string; text: string; language?: Language }[] = [];
  for (const r of Object.values(e?.responses ?? {})) {
    const text = r[key];
    if (text) out.push({ id: r.id, text, language: r.language });
  }
  return out;
}

/** Themes with how many answers each, largest first: what a screen or a report lists. */
export function themeCounts(themes: EvaluationTheme[]): { label: string; count: number }[] {
  return themes.map((t) => ({ label: t.label, count: t.responseIds.length })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** One session's point on a programme's trend line. */
export interface EvaluationTrendPoint {
  sessionId: string;
  title: string;
  date: string;
  count: number;
  average: number | null;
}

/**
 * The average rating per session of a programme, in date order (sessions without a date by when they were
 * created); sessions with no evaluation are left out, so a line is not pulled to zero by a round never opened.
 */
export function evaluationTrend(
  sessions: { id: string; title: string; date: string | null; createdAt: number; evaluation?: EvaluationState | null }[],
): EvaluationTrendPoint[] {
  return sessions
    .filter((s) => s.evaluation)
    .map((s) => ({ s, date: s.date ?? new Date(s.createdAt).toISOString().slice(0, 10) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.s.createdAt - b.s.createdAt)
    .map(({ s, date }) => {
      const r = ratingSummary(s.evaluation);
      return { sessionId: s.id, title: s.title, date, count: r.count, average: r.average };
    });
}
