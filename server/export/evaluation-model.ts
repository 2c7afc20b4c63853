import { evaluationThemes } from '../../shared/domain/decide/evaluation.js';
import {
  type EvaluationTrendPoint,
  evaluationTrend,
  openAnswers,
  QUESTION_KEYS,
  type QuestionKey,
  questionText,
  type RatingSummary,
  ratingSummary,
  themeCounts,
} from '../../shared/domain/evaluation.js';
import type { Language } from '../../shared/schemas/primitives.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { EVALUATION_LABELS, type EvaluationLabels } from './evaluation-i18n.js';

type OpenKey = Exclude<QuestionKey, 'rating'>;

/** A session's evaluation as the reports show it: no author anywhere (the model never reads who answered). */
export interface EvaluationReport {
  l: EvaluationLabels;
  language: Language;
  open: boolean;
  questions: Record<QuestionKey, string>;
  ratings: RatingSummary;
  themes: Record<OpenKey, { label: string; count: number }[]>;
  answers: Record<OpenKey, string[]>;
}

export interface EvaluationTrendReport {
  l: EvaluationLabels;
  language: Language;
  points: EvaluationTrendPoint[];
}

/**
 * Null when the session had no evaluation. Themes are the ones made on closing; a report made while it is still
 * open (or closed when the engine could not run) groups the answers here, with the same engine.
 */
export function evaluationReport(s: SessionState): EvaluationReport | null {
  const e = s.evaluation;
  if (!e) return null;
  const themes = e.themes ?? evaluationThemes(Object.values(e.responses), e.questions, s.language);
  return {
    l: EVALUATION_LABELS[s.language],
    language: s.language,
    // A session closed with its evaluation still open took no more answers: not "still open" then.
    open: e.open && s.phase !== 'closed',
    questions: Object.fromEntries(QUESTION_KEYS.map((k) => [k, questionText(e.questions, k, s.language)])) as Record<QuestionKey, string>,
    ratings: ratingSummary(e),
    themes: { takeBack: themeCounts(themes.takeBack), change: themeCounts(themes.change) },
    answers: { takeBack: openAnswers(e, 'takeBack').map((a) => a.text), change: openAnswers(e, 'change').map((a) => a.text) },
  };
}

/** The programme's trend: average per session in date order; null when no session had an evaluation. */
export function evaluationTrendReport(states: SessionState[], language: Language): EvaluationTrendReport | null {
  const points = evaluationTrend(states);
  return points.length ? { l: EVALUATION_LABELS[language], language, points } : null;
}

/** "4.2" in the report's language ("4,2" in Dutch, French and Danish). */
export function decimal(n: number | null, language: Language): string {
  if (n === null) return '—';
  const s = n.toFixed(1);
  return language === 'en' ? s : s.replace('.', ',');
}

/** A text bar for Markdown and Word: one block per tenth of the largest count. */
export function textBar(count: number, max: number, width = 10): string {
  const n = max ? Math.round((count / max) * width) : 0;
  return '█'.repeat(n) || (count ? '▏' : '');
}
