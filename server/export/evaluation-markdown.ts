import { decimal, type EvaluationReport, type EvaluationTrendReport, textBar } from './evaluation-model.js';
import { md } from './markdown.js';

/** The evaluation section of a session's Markdown report. `H`: its heading's hashes. */
export function evaluationMarkdown(r: EvaluationReport, H: string): string[] {
  const { l } = r;
  const max = Math.max(...r.ratings.distribution);
  const lines = [`${H} ${l.evaluation}`, ''];
  if (r.open) lines.push(`*${l.stillOpen}*`, '');
  lines.push(
    `**${l.responses}:** ${r.ratings.count} · **${l.average}:** ${decimal(r.ratings.average, r.language)} ${l.outOf}`,
    '',
    `**${l.distribution}** — ${md(r.questions.rating)}`,
    '',
    ...r.ratings.distribution.map((n, i) => `- ${i + 1}: ${n} ${textBar(n, max)}`),
    '',
  );
  for (const key of ['takeBack', 'change'] as const) {
    lines.push(`${H}# ${md(r.questions[key])}`, '', `**${l.themes}**`, '');
    if (r.themes[key].length) lines.push(...r.themes[key].map((t) => `- ${md(t.label)} (${t.count})`), '');
    else lines.push(`*${l.noThemes}*`, '');
    if (r.answers[key].length) lines.push(`**${l.allAnswers}**`, '', ...r.answers[key].map((a) => `- ${md(a)}`), '');
  }
  lines.push(`*${l.note}*`, '');
  return lines;
}

/** The programme's trend: a table, average per session in date order. */
export function evaluationTrendMarkdown(r: EvaluationTrendReport, H: string): string[] {
  const { l } = r;
  return [
    `${H} ${l.trend}`,
    '',
    `*${l.trendNote}*`,
    '',
    `| ${l.date} | ${l.session} | ${l.responses} | ${l.average} | |`,
    '|---|---|---:|---:|---|',
    ...r.points.map((p) => `| ${p.date} | ${md(p.title)} | ${p.count} | ${decimal(p.average, r.language)} | ${textBar(p.average ?? 0, 5)} |`),
    '',
  ];
}
