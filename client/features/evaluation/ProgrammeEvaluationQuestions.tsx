import './evaluation.css';
import { useEffect, useState } from 'react';
import { DEFAULT_QUESTIONS, EvaluationQuestions, QUESTION_KEYS, type QuestionKey } from '../../../shared/domain/evaluation.js';
import type { Language } from '../../../shared/schemas/primitives.js';
import { describeError, httpError } from '../../errors.js';
import { useLanguage, useT } from '../../useT.js';

type Drafts = Record<QuestionKey, string>;

/**
 * The programme's own evaluation questions (issue 16, item 2), for its coordinator: every session's console opens
 * its evaluation with them. An empty question asks the default one, in each participant's language.
 */
export function ProgrammeEvaluationQuestions({ programmeId, keyValue, language }: { programmeId: string; keyValue: string; language: Language }) {
  const t = useT();
  const lang = useLanguage();
  const [drafts, setDrafts] = useState<Drafts>({ rating: '', takeBack: '', change: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/programmes/${programmeId}/evaluation`;

  useEffect(() => {
    void (async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${keyValue}` } }).catch(() => null);
      const parsed = EvaluationQuestions.safeParse(res?.ok ? (await res.json()).questions : null);
      if (parsed.success) setDrafts({ rating: parsed.data.rating ?? '', takeBack: parsed.data.takeBack ?? '', change: parsed.data.change ?? '' });
    })();
  }, [url, keyValue]);

  async function save() {
    setError(null);
    setStatus(null);
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyValue}` },
      body: JSON.stringify({ questions: drafts }),
    });
    const json = await res.json();
    if (!res.ok) return setError(describeError(lang, httpError(res, json)));
    setStatus(t('evaluationProgrammeSaved'));
  }

  return (
    <form
      className="form evaluation-programme"
      data-testid="programme-evaluation"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="evaluation-questions">
        <legend className="field-label">{t('evaluationProgrammeTitle')}</legend>
        <p className="muted small">{t('evaluationProgrammeHint')}</p>
        {QUESTION_KEYS.map((key) => (
          <label key={key}>
            <span className="visually-hidden">{DEFAULT_QUESTIONS[language][key]}</span>
            <input
              type="text"
              maxLength={300}
              lang={language}
              value={drafts[key]}
              placeholder={DEFAULT_QUESTIONS[language][key]}
              onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })}
              data-testid={`programme-question-${key}`}
            />
          </label>
        ))}
      </fieldset>
      <div className="row-wrap">
        <button type="submit" className="btn btn-secondary small">
          {t('evaluationProgrammeSave')}
        </button>
        {status && <span role="status">{status}</span>}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
