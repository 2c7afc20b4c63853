import { type HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { decimal, type EvaluationReport, type EvaluationTrendReport, textBar } from './evaluation-model.js';

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const table = (header: string[], rows: string[][]) => {
  const row = (cells: string[], head = false) =>
    new TableRow({ tableHeader: head, cantSplit: true, children: cells.map((c) => new TableCell({ children: [p(c, { bold: head })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r))] });
};

/** The evaluation section of a Word report. `level`/`sub`: the section's heading level and its questions'. */
export function evaluationDocx(r: EvaluationReport, level: Level, sub: Level): (Paragraph | Table)[] {
  const { l } = r;
  const max = Math.max(...r.ratings.distribution);
  const out: (Paragraph | Table)[] = [new Paragraph({ text: l.evaluation, heading: level })];
  if (r.open) out.push(p(l.stillOpen, { italics: true }));
  out.push(
    p(`${l.responses}: ${r.ratings.count} · ${l.average}: ${decimal(r.ratings.average, r.language)} ${l.outOf}`),
    p(`${l.distribution} — ${r.questions.rating}`, { bold: true }),
    table(
      ['', l.responses, ''],
      r.ratings.distribution.map((n, i) => [String(i + 1), String(n), textBar(n, max)]),
    ),
  );
  for (const key of ['takeBack', 'change'] as const) {
    out.push(new Paragraph({ text: r.questions[key], heading: sub }), p(l.themes, { bold: true }));
    if (r.themes[key].length) out.push(...r.themes[key].map((t) => bullet(`${t.label} (${t.count})`)));
    else out.push(p(l.noThemes, { italics: true }));
    if (r.answers[key].length) out.push(p(l.allAnswers, { bold: true }), ...r.answers[key].map(bullet));
  }
  out.push(p(l.note, { italics: true }));
  return out;
}

export function evaluationTrendDocx(r: EvaluationTrendReport, level: Level): (Paragraph | Table)[] {
  const { l } = r;
  return [
    new Paragraph({ text: l.trend, heading: level }),
    p(l.trendNote, { italics: true }),
    table(
      [l.date, l.session, l.responses, l.average, ''],
      r.points.map((pt) => [pt.date, pt.title, String(pt.count), decimal(pt.average, r.language), textBar(pt.average ?? 0, 5)]),
    ),
  ];
}
