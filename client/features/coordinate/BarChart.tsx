/**
 * Horizontal bars in plain SVG (no chart library): one row per session, one or more stacked series. The numbers
 * are printed on the bars, and the SVG carries a text description, so the chart is read as well as seen.
 */
export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

export interface BarRow {
  label: string;
  values: Record<string, number>;
}

const ROW = 26;
const LABEL = 170;
const WIDTH = 520;

/** `scale`: the value a full bar stands for (a rating out of 5); the largest row by default. */
export function BarChart({ title, series, rows, testId, scale }: { title: string; series: BarSeries[]; rows: BarRow[]; testId?: string; scale?: number }) {
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0));
  const max = scale ?? Math.max(1, ...totals);
  const span = WIDTH - LABEL - 40;
  const height = rows.length * ROW + 8;
  const description = rows
    .map((r, i) => `${r.label}: ${series.length > 1 ? series.map((s) => `${s.label} ${r.values[s.key] ?? 0}`).join(', ') : totals[i]}`)
    .join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        {series.length > 1 && (
          <span className="chart-legend">
            {series.map((s) => (
              <span key={s.key}>
                <svg width="12" height="12" aria-hidden="true">
                  <rect width="12" height="12" rx="2" fill={s.colour} />
                </svg>{' '}
                {s.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}. ${description}`}>
        {rows.map((r, i) => {
          let x = LABEL;
          const y = 4 + i * ROW;
          return (
            <g key={`${r.label}-${i}`}>
              <text x={LABEL - 8} y={y + 15} textAnchor="end" fontSize="12" fill="currentColor">
                {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              </text>
              {series.map((s) => {
                const v = r.values[s.key] ?? 0;
                const w = (v / max) * span;
                const bar = (
                  <rect key={s.key} x={x} y={y} width={Math.max(w, 0)} height={ROW - 8} rx="3" fill={s.colour} data-value={v}>
                    <title>{`${r.label} — ${s.label}: ${v}`}</title>
                  </rect>
                );
                x += w;
                return bar;
              })}
              <text x={x + 6} y={y + 15} fontSize="12" fill="currentColor" data-total>
                {totals[i]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
