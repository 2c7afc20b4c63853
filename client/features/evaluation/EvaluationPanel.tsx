import { useEffect, useState } from 'react';
import { type EvaluationQuestions, openAnswers, QUESTION_KEYS, type QuestionKey, questionText } from '../../../shared/domain/evaluation.js';
import { fetchProgrammeQuestions } from './programme-questions.js';
import { send, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { EvaluationResults } from './EvaluationResults.js';
import { QuestionText } from './QuestionText.js';
import './evaluation.css';

type Drafts = Record<QuestionKey, string>;

/**
 * The facilitator's evaluation round: the questions (editable until someone answers), open and close, the live
 * aggregate, the themes once closed, and the open answers as a list without names.
 */
export function EvaluationPanel() {
  const t = useT();
  const view = useStore((s) => s.view);
  const evaluation = view?.evaluation ?? null;
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const sessionId = useStore((s) => s.sessionId);
  const programme = useProgrammeQuestions(sessionId, !evaluation);
  if (!view) return null;
  const closed = view.phase === 'closed';
  // A session closed with its evaluation open takes no more answers: it reads as closed.
  const isOpen = !!evaluation?.open && !closed;
  const answered = evaluation ? Object.keys(evaluation.responses).length > 0 : false;
  // Before the first opening, the programme's questions (set by its coordinator); then the ones asked.
  const asked = evaluation?.questions ?? programme;
  const shown: Drafts = drafts ?? { rating: asked?.rating ?? '', takeBack: asked?.takeBack ?? '', change: asked?.change ?? '' };
  const open = () => {
    const questions = answered ? undefined : { rating: shown.rating, takeBack: shown.takeBack, change: shown.change };
    void send('evaluation.open', questions ? { questions } : {}).then((ack) => ack.ok && setDrafts(null));
  };
  return (
    <section className="panel evaluation-panel" aria-labelledby="evaluation-title" data-testid="evaluation-panel">
      <h2 id="evaluation-title">{t('evaluation')}</h2>
      {!evaluation && <p className="muted">{t('evaluationHint')}</p>}
      {evaluation && !isOpen && <p className="muted">{t('evaluationIsClosed')}</p>}
      {!isOpen && !closed && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            open();
          }}
        >
          {!answered && (
            <fieldset className="evaluation-questions">
              <legend className="field-label">{t('evaluationQuestionsLegend')}</legend>
              {QUESTION_KEYS.map((key) => (
                <label key={key}>
                  <span className="visually-hidden">{questionText({ rating: null, takeBack: null, change: null }, key, view.language)}</span>
                  <input
                    type="text"
                    maxLength={300}
                    lang={view.language}
                    value={shown[key]}
                    placeholder={questionText({ rating: null, takeBack: null, change: null }, key, view.language)}
                    onChange={(e) => setDrafts({ ...shown, [key]: e.target.value })}
                    data-testid={`evaluation-question-${key}`}
                  />
                </label>
              ))}
            </fieldset>
          )}
          <button className="btn btn-primary" type="submit" data-testid="evaluation-open">
            {evaluation ? t('evaluationReopen') : t('evaluationOpen')}
          </button>
        </form>
      )}
      {isOpen && (
        <div className="row-wrap">
          <p className="muted" role="status">
            {t('evaluationIsOpen')}
          </p>
          <button className="btn btn-secondary" type="button" onClick={() => void send('evaluation.close')} data-testid="evaluation-close">
            {t('evaluationClose')}
          </button>
        </div>
      )}
      {evaluation && (
        <>
          <EvaluationResults evaluation={evaluation} language={view.language} />
          {isOpen && answered && <p className="muted">{t('evaluationThemesLater')}</p>}
          <OpenAnswers />
        </>
      )}
    </section>
  );
}

/** The questions of the session's programme, for a first opening; null outside a programme or when unreachable. */
function useProgrammeQuestions(sessionId: string | null, wanted: boolean): EvaluationQuestions | null {
  const [questions, setQuestions] = useState<EvaluationQuestions | null>(null);
  useEffect(() => {
    if (!wanted || !sessionId) return;
    let live = true;
    void fetchProgrammeQuestions(sessionId).then((q) => live && q && setQuestions(q));
    return () => {
      live = false;
    };
  }, [sessionId, wanted]);
  return questions;
}

/** The open answers as they come in, without names (the view holds none), newest last. */
function OpenAnswers() {
  const t = useT();
  const evaluation = useStore((s) => s.view?.evaluation ?? null);
  if (!evaluation) return null;
  const lists = (['takeBack', 'change'] as const).map((key) => ({ key, answers: openAnswers(evaluation, key) })).filter((l) => l.answers.length);
  if (!lists.length) return null;
  return (
    <details className="evaluation-answers" data-testid="evaluation-answers">
      <summary>{t('evaluationAnswers')}</summary>
      {lists.map(({ key, answers }) => (
        <section key={key}>
          <h3>
            <QuestionText evaluation={evaluation} questionKey={key} />
          </h3>
          <ul>
            {answers.map((a) => (
              <li key={a.id} lang={a.language}>
                {a.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
