import { useEffect, useState } from 'react';
import type { ProgrammeIndicators } from '../../../shared/domain/indicators.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError, httpError } from '../../errors.js';
import { AttendanceExports } from './AttendanceExports.js';
import { Indicators } from './Indicators.js';
import { PartnersPanel } from './PartnersPanel.js';
import { ReportSections } from './ReportSections.js';
import './attendance.css';

/** What the coordinator reports to funders (issue 16): indicators, partner organisations, attendance lists, reports. */
export function ProgrammeAttendance({
  programmeId,
  keyValue,
  sessions,
}: {
  programmeId: string;
  keyValue: string;
  sessions: { sessionId: string; title: string; date: string | null }[];
}) {
  const t = useT();
  const lang = useLanguage();
  const [indicators, setIndicators] = useState<ProgrammeIndicators | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const res = await fetch(`/api/programmes/${programmeId}/indicators`, { headers: { authorization: `Bearer ${keyValue}` } });
    const json = await res.json();
    if (!res.ok) return setError(describeError(lang, httpError(res, json)));
    setIndicators(json.indicators);
  };
  useEffect(() => {
    void load();
  }, [programmeId, keyValue, sessions.length]);
  return (
    <>
      <section className="panel" aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('indicatorsTitle')}</h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {indicators && <Indicators data={indicators} />}
        <ReportSections programmeId={programmeId} keyValue={keyValue} />
      </section>
      <section className="panel" aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('attendanceTitle')}</h2>
        <AttendanceExports sessions={sessions} keyValue={keyValue} />
        <PartnersPanel programmeId={programmeId} keyValue={keyValue} onSaved={() => void load()} />
      </section>
    </>
  );
}
