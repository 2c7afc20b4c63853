import { type EvaluationState, ratingSummary, RATINGS, themeCounts } from '../../../shared/domain/evaluation.js';
import type { Language } from '../../../shared/schemas/primitives.js';
import { useT } from '../../useT.js';
import { QuestionText } from './QuestionText.js';

/**
 * The aggregate everyone at the front may see: how many answered, the average and the distribution as bars, and
 * (once closed) the themes of the open answers. Never who answered: the view holds no such thing.
 */
export function EvaluationResults({ evaluation, language, large = false }: { evaluation: EvaluationState; language: Language; large?: boolean }) {
  const t = useT();
  const r = ratingSummary(evaluation);
  const max = Math.max(1, ...r.distribution);
  return (
    <div className={`evaluation-results${large ? ' large' : ''}`}>
      <p className="evaluation-headline" data-testid="evaluation-count" aria-live="polite">
        <strong>{t('evaluationResponses', { n: r.count })}</strong>
        {r.average !== null && (
          <span className="evaluation-average" data-testid="evaluation-average">
            {' · '}
            {t('evaluationAverage', { avg: r.average })}
          </span>
        )}
      </p>
      <ul className="evaluation-bars" data-testid="evaluation-distribution">
        {[...RATINGS].reverse().map((rating) => {
          const n = r.distribution[rating - 1];
          return (
            <li key={rating} aria-label={t('evaluationRatingBar', { rating, n })}>
              <span className="evaluation-bar-label" aria-hidden="true">
                {rating}
              </span>
              <span className="evaluation-bar-track" aria-hidden="true">
                <span className="evaluation-bar" style={{ width: `${(n / max) * 100}%` }} data-value={n} />
              </span>
              <span className="evaluation-bar-count" aria-hidden="true">
                {n}
              </span>
            </li>
          );
        })}
      </ul>
      {evaluation.themes && <EvaluationThemesList evaluation={evaluation} language={language} />}
    </div>
  );
}

function EvaluationThemesList({ evaluation, language }: { evaluation: EvaluationState; language: Language }) {
  const t = useT();
  const themes = evaluation.themes!;
  return (
    <div className="evaluation-themes" data-testid="evaluation-themes">
      {(['takeBack', 'change'] as const).map((key) => {
        const list = themeCounts(themes[key]);
        return (
          <section key={key}>
            <h3>
              <QuestionText evaluation={evaluation} questionKey={key} />
            </h3>
            {list.length ? (
              <ul>
                {list.map((th) => (
                  <li key={th.label} lang={language}>
                    {th.label} <span className="muted">({th.count})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('evaluationNoThemes')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
