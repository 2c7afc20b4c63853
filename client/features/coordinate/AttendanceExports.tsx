import { useState } from 'react';
import { useT } from '../../useT.js';
import { downloadWithKey, openForPrint } from './download.js';

/**
 * Each session's attendance list: in the room (a signature column) or online (the organiser's declaration), with
 * the place for the header; as CSV, Word, or a print-ready page to print or save as PDF. In the session's language.
 */
export function AttendanceExports({ sessions, keyValue }: { sessions: { sessionId: string; title: string; date: string | null }[]; keyValue: string }) {
  const t = useT();
  const [mode, setMode] = useState<'room' | 'online'>('room');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string | null>(null);
  const url = (sessionId: string, format: string) =>
    `/api/sessions/${sessionId}/attendance.${format}?${new URLSearchParams({ mode, ...(place.trim() && mode === 'room' ? { place: place.trim() } : {}) })}`;
  const run = async (work: Promise<string | null>) => setError(await work);
  return (
    <div className="attendance-exports" data-testid="attendance-exports">
      <fieldset className="row-wrap">
        <legend className="field-label">{t('attendanceMode')}</legend>
        <label className="check">
          <input type="radio" name="attendance-mode" checked={mode === 'room'} onChange={() => setMode('room')} />
          {t('attendanceRoom')}
        </label>
        <label className="check">
          <input type="radio" name="attendance-mode" checked={mode === 'online'} onChange={() => setMode('online')} />
          {t('attendanceOnline')}
        </label>
      </fieldset>
      {mode === 'room' && (
        <label>
          <span className="field-label">{t('attendancePlace')}</span>
          <input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} />
        </label>
      )}
      <ul className="plain-list">
        {sessions.map((s) => (
          <li key={s.sessionId} className="row-wrap">
            <span>{`${s.date ?? ''} ${s.title}`.trim()}</span>
            <button
              type="button"
              className="btn btn-secondary small"
              onClick={() => void run(openForPrint(url(s.sessionId, 'html'), keyValue))}
              data-testid={`attendance-print-${s.sessionId}`}
            >
              {t('attendancePrint')}
            </button>
            <button
              type="button"
              className="btn btn-secondary small"
              onClick={() => void run(downloadWithKey(url(s.sessionId, 'docx'), keyValue, 'attendance.docx'))}
            >
              {t('attendanceWord')}
            </button>
            <button
              type="button"
              className="btn btn-secondary small"
              onClick={() => void run(downloadWithKey(url(s.sessionId, 'csv'), keyValue, 'attendance.csv'))}
            >
              CSV
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
