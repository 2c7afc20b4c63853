import { useEffect, useState } from 'react';
import { ExportButtons } from '../../components/ExportButtons.js';
import { TopBar } from '../../components/TopBar.js';
import { ProgrammeAttendance } from './ProgrammeAttendance.js';
import { ProgrammeEvaluationQuestions } from '../evaluation/ProgrammeEvaluationQuestions.js';
import { BarChart } from './BarChart.js';
import { fragmentKey, navigate } from '../../router.js';
import { storage } from '../../storage.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError, httpError } from '../../errors.js';
import type { Language } from '../../../shared/schemas/primitives.js';

export interface DashboardData {
  programme: { name: string; description: string | null; organisers: string[]; languages?: Language[] };
  sessions: {
    sessionId: string;
    title: string;
    date: string | null;
    language?: Language;
    status: string;
    facilitators: number;
    participants: number;
    byOrganisation: Record<string, number>;
    byCountry: Record<string, number>;
    groups: number;
    answers: number;
    /** The session's evaluation round: responses and average rating; null when none was opened. */
    evaluation?: { responses: number; average: number | null } | null;
  }[];
  recurringThemes: { label: string; sessions: { title: string; label: string }[] }[];
}

/** The coordinator's view of a programme: its sessions, who took part, themes that came back, exports. */
export function Dashboard({ programmeId }: { programmeId: string }) {
  const t = useT();
  const lang = useLanguage();
  const key = fragmentKey() ?? storage.facilitatorKey(`programme:${programmeId}`);
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const load = async () => {
    const res = await fetch(`/api/programmes/${programmeId}`, { headers: { authorization: `Bearer ${key}` } });
    const json = await res.json();
    if (!res.ok) return setError(describeError(lang, httpError(res, json)));
    setData(json);
  };
  useEffect(() => {
    if (!key) return;
    storage.setFacilitatorKey(`programme:${programmeId}`, key);
    void load();
  }, [programmeId, key]);
  if (!key) return <p className="banner banner-error">{t('sessionKeyMissing')}</p>;
  return (
    <>
      <TopBar />
      <main className="narrow wide" id="main">
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        {data && (
          <>
            <h1>{data.programme.name}</h1>
            {data.programme.description && <p className="muted">{data.programme.description}</p>}
            <section className="panel">
              <h2>{t('exportTitle')}</h2>
              <ExportButtons path={`/api/programmes/${programmeId}`} keyValue={key} />
            </section>
            <section className="panel">
              <h2>{t('sessionsTitle')}</h2>
              <table className="sessions-table">
                <thead>
                  <tr>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('inTheRoom')}</th>
                    <th scope="col">{t('organisation')}</th>
                    <th scope="col">{t('country')}</th>
                    <th scope="col">{t('groupsAndAnswers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sessions.map((s) => (
                    <tr key={s.sessionId}>
                      <td>{s.date ?? '—'}</td>
                      <td>{s.title}</td>
                      <td>{t(`phase_${s.status as 'lobby'}`)}</td>
                      <td>{s.participants}</td>
                      <td>
                        {Object.entries(s.byOrganisation)
                          .map(([k, v]) => `${k} (${v})`)
                          .join(', ')}
                      </td>
                      <td>
                        {Object.entries(s.byCountry)
                          .map(([k, v]) => `${k} (${v})`)
                          .join(', ')}
                      </td>
                      <td>
                        {s.groups} / {s.answers}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <form
                className="row"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const res = await fetch('/api/sessions', {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
                    body: JSON.stringify({
                      template: 'core-drives',
                      programmeId,
                      language: programmeLanguage(data, lang),
                      ...(title.trim() ? { title: title.trim() } : {}),
                    }),
                  });
                  const json = await res.json();
                  if (!res.ok) return setError(describeError(lang, httpError(res, json)));
                  storage.setFacilitatorKey(json.sessionId, json.facilitatorKey);
                  navigate(`/facilitate/${json.sessionId}#key=${json.facilitatorKey}`);
                }}
              >
                <label>
                  <span className="field-label">{t('title')}</span>
                  <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
                </label>
                <button className="btn btn-primary" type="submit">
                  {t('newSessionInProgramme')}
                </button>
              </form>
            </section>
            <ProgrammeAttendance programmeId={programmeId} keyValue={key} sessions={data.sessions} />
            <section className="panel" aria-labelledby="programme-evaluation-title">
              <h2 id="programme-evaluation-title">{t('sectionEvaluation')}</h2>
              <EvaluationAverages sessions={data.sessions} />
              <ProgrammeEvaluationQuestions programmeId={programmeId} keyValue={key} language={programmeLanguage(data, lang)} />
            </section>
            {data.recurringThemes.length > 0 && (
              <section className="panel">
                <h2>{t('recurringThemes')}</h2>
                <ul>
                  {data.recurringThemes.map((th) => (
                    <li key={th.label}>
                      <strong>{th.label}</strong> — {th.sessions.map((s) => s.title).join('; ')}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}

/**
 * A new session in a programme speaks the programme's language (its first), else that of its latest session;
 * only a programme with neither takes the coordinator's interface language.
 */
export function programmeLanguage(data: DashboardData, fallback: Language): Language {
  return data.programme.languages?.[0] ?? data.sessions.at(-1)?.language ?? fallback;
}

/** Each evaluated session's average rating, on the scale of 1 to 5 (issue 16, item 3: the coordinator would rather look). */
export function EvaluationAverages({ sessions }: { sessions: DashboardData['sessions'] }) {
  const t = useT();
  const rated = sessions.filter((s) => s.evaluation && s.evaluation.responses > 0 && s.evaluation.average !== null);
  if (rated.length === 0) return null;
  return (
    <BarChart
      testId="chart-evaluation"
      title={t('evaluationAverages')}
      scale={5}
      series={[{ key: 'average', label: t('evaluationAverages'), colour: '#1f6f8b' }]}
      rows={rated.map((s) => ({ label: `${s.date ?? ''} ${s.title}`.trim(), values: { average: Math.round(s.evaluation!.average! * 10) / 10 } }))}
    />
  );
}
