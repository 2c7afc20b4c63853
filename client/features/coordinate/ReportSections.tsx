import { useState } from 'react';
import { useT } from '../../useT.js';
import { downloadWithKey } from './download.js';

const FORMATS = ['md', 'html', 'docx'] as const;

/** The programme report with or without the attendance and indicators sections (issue 16, item 5). */
export function ReportSections({ programmeId, keyValue }: { programmeId: string; keyValue: string }) {
  const t = useT();
  const [attendance, setAttendance] = useState(true);
  const [indicators, setIndicators] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const omit = [attendance ? null : 'attendance', indicators ? null : 'indicators'].filter(Boolean).join(',');
  return (
    <div className="report-sections">
      <fieldset className="row-wrap">
        <legend className="field-label">{t('reportSections')}</legend>
        <label className="check">
          <input type="checkbox" checked={attendance} onChange={(e) => setAttendance(e.target.checked)} />
          {t('sectionAttendance')}
        </label>
        <label className="check">
          <input type="checkbox" checked={indicators} onChange={(e) => setIndicators(e.target.checked)} />
          {t('sectionIndicators')}
        </label>
      </fieldset>
      <div className="row-wrap">
        {FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-secondary small"
            onClick={async () =>
              setError(await downloadWithKey(`/api/programmes/${programmeId}/export.${f}${omit ? `?omit=${omit}` : ''}`, keyValue, `report.${f}`))
            }
          >
            {t('reportAs', { format: f.toUpperCase() })}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
