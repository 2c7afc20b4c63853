import { decimal, type EvaluationReport, type EvaluationTrendReport } from './evaluation-model.js';
import { esc } from './html.js';

const bar = (value: number, max: number) =>
  `<span style="display:inline-block;height:.8em;width:${max ? Math.round((value / max) * 12 * 10) / 10 : 0}em;background:#1f4e5f;vertical-align:middle"></span>`;

/** The evaluation section of an HTML report. `tag`: its heading element (h2 in a session report, h3 inside a programme's). */
export function evaluationHtml(r: EvaluationReport, tag: string): string {
  const { l } = r;
  const sub = tag === 'h2' ? 'h3' : 'h4';
  const max = Math.max(...r.ratings.distribution);
  const parts = [`<section class="evaluation"><${tag}>${esc(l.evaluation)}</${tag}>`];
  if (r.open) parts.push(`<p class="meta"><em>${esc(l.stillOpen)}</em></p>`);
  parts.push(
    `<p><strong>${esc(l.responses)}:</strong> ${r.ratings.count} · <strong>${esc(l.average)}:</strong> ${decimal(r.ratings.average, r.language)} ${esc(l.outOf)}</p>`,
    `<table class="ratings"><caption>${esc(l.distribution)} — ${esc(r.questions.rating)}</caption><tbody>${r.ratings.distribution
      .map((n, i) => `<tr><th scope="row">${i + 1}</th><td>${n}</td><td>${bar(n, max)}</td></tr>`)
      .join('')}</tbody></table>`,
  );
  for (const key of ['takeBack', 'change'] as const) {
    parts.push(`<${sub}>${esc(r.questions[key])}</${sub}>`, `<p><strong>${esc(l.themes)}</strong></p>`);
    parts.push(
      r.themes[key].length
        ? `<ul>${r.themes[key].map((t) => `<li>${esc(t.label)} (${t.count})</li>`).join('')}</ul>`
        : `<p class="meta"><em>${esc(l.noThemes)}</em></p>`,
    );
    if (r.answers[key].length) parts.push(`<p><strong>${esc(l.allAnswers)}</strong></p><ul>${r.answers[key].map((a) => `<li>${esc(a)}</li>`).join('')}</ul>`);
  }
  parts.push(`<p class="meta"><em>${esc(l.note)}</em></p></section>`);
  return parts.join('\n');
}

/** The programme's trend: a bar per session (average out of 5) and the same figures as a table. */
export function evaluationTrendHtml(r: EvaluationTrendReport, tag = 'h2'): string {
  const { l } = r;
  const rows = r.points
    .map(
      (p) =>
        `<tr><td>${esc(p.date)}</td><td>${esc(p.title)}</td><td>${p.count}</td><td>${decimal(p.average, r.language)}</td><td>${bar(p.average ?? 0, 5)}</td></tr>`,
    )
    .join('');
  return [
    `<${tag}>${esc(l.trend)}</${tag}>`,
    `<p class="meta"><em>${esc(l.trendNote)}</em></p>`,
    `<table class="evaluation-trend"><thead><tr><th>${esc(l.date)}</th><th>${esc(l.session)}</th><th>${esc(l.responses)}</th><th>${esc(l.average)}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join('\n');
}
