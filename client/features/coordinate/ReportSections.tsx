import { useState } from 'react';
import { useT } from '../../useT.js';
import { downloadWithKey } from './download.js';

const FORMATS = ['md', 'html', 'docx'] as const;
/** The report's sections a coordinator may leave out (server/export/report-sections.ts OPTIONAL_SECTIONS). */
const SECTIONS = [
  ['plan', 'sectionPlan'],
  ['attendance', 'sectionAttendance'],
  ['indicators', 'sectionIndicators'],
  ['evaluation', 'sectionEvaluation'],
] as const;
type Section = (typeof SECTIONS)[number][0];

/** The programme report with or without its agenda, attendance, indicators and evaluation sections (issue 16, item 5). */
export function ReportSections({ programmeId, keyValue }: { programmeId: string; keyValue: string }) {
  const t = useT();
  const [left, setLeft] = useState<ReadonlySet<Section>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const omit = SECTIONS.filter(([id]) => left.has(id))
    .map(([id]) => id)
    .join(',');
  const toggle = (id: Section, kept: boolean) =>
    setLeft((prev) => {
      const next = new Set(prev);
      if (kept) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="report-sections">
      <fieldset className="row-wrap">
        <legend className="field-label">{t('reportSections')}</legend>
        {SECTIONS.map(([id, label]) => (
          <label className="check" key={id}>
            <input type="checkbox" checked={!left.has(id)} onChange={(e) => toggle(id, e.target.checked)} />
            {t(label)}
          </label>
        ))}
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
