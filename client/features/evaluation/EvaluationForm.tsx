import { useState } from 'react';
import { EVALUATION_LIMITS, hasAnswered, RATINGS } from '../../../shared/domain/evaluation.js';
import { send, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { QuestionText } from './QuestionText.js';
import './evaluation.css';

/**
 * The evaluation on a participant's phone while it is open: a rating from 1 to 5 (a radio group with a legend)
 * and two open questions, in their interface language; once sent, a thank-you. Anonymous: the response carries
 * no name, and only this phone learns that it was this person who answered.
 */
export function EvaluationForm() {
  const t = useT();
  const lang = useLanguage();
  const evaluation = useStore((s) => s.view?.evaluation ?? null);
  const phase = useStore((s) => s.view?.phase);
  const participantId = useStore((s) => s.participantId);
  const [rating, setRating] = useState<number | null>(null);
  const [takeBack, setTakeBack] = useState('');
  const [change, setChange] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  if (!evaluation?.open || phase === 'closed') return null;
  if (hasAnswered(evaluation, participantId))
    return (
      <section className="card evaluation-form" data-testid="evaluation-thanks">
        <p role="status">{t('evaluationThanks')}</p>
      </section>
    );
  return (
    <section className="card evaluation-form" aria-labelledby="evaluation-form-title" data-testid="evaluation-form">
      <h1 id="evaluation-form-title">{t('evaluationFormTitle')}</h1>
      <p className="muted">{t('evaluationAnonymous')}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (rating === null) return setMissing(true);
          setSending(true);
          void send('evaluation.respond', { rating, takeBack, change, language: lang }).finally(() => setSending(false));
        }}
      >
        <fieldset className="evaluation-rating" aria-describedby={missing ? 'evaluation-missing' : 'evaluation-scale'}>
          <legend className="field-label">
            <QuestionText evaluation={evaluation} questionKey="rating" />
          </legend>
          <p id="evaluation-scale" className="muted small">
            1 = {t('evaluationLow')} · 5 = {t('evaluationHigh')}
          </p>
          <div className="evaluation-scale">
            {RATINGS.map((n) => (
              <label key={n} className={`evaluation-choice${rating === n ? ' chosen' : ''}`}>
                <input
                  type="radio"
                  name="evaluation-rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => {
                    setRating(n);
                    setMissing(false);
                  }}
                  aria-label={t('evaluationRatingValue', { n })}
                  data-testid={`evaluation-rating-${n}`}
                />
                <span aria-hidden="true">{n}</span>
              </label>
            ))}
          </div>
          {missing && (
            <p id="evaluation-missing" className="evaluation-missing" role="alert">
              {t('evaluationPickRating')}
            </p>
          )}
        </fieldset>
        <label>
          <span className="field-label">
            <QuestionText evaluation={evaluation} questionKey="takeBack" />
          </span>
          <textarea
            rows={3}
            maxLength={EVALUATION_LIMITS.answer}
            value={takeBack}
            onChange={(e) => setTakeBack(e.target.value)}
            data-testid="evaluation-takeBack"
          />
        </label>
        <label>
          <span className="field-label">
            <QuestionText evaluation={evaluation} questionKey="change" />
          </span>
          <textarea rows={3} maxLength={EVALUATION_LIMITS.answer} value={change} onChange={(e) => setChange(e.target.value)} data-testid="evaluation-change" />
        </label>
        <button className="btn btn-primary" type="submit" disabled={sending} data-testid="evaluation-submit">
          {t('evaluationSubmit')}
        </button>
      </form>
    </section>
  );
}
