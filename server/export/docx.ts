import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ProgrammeReport } from './programme-model.js';
import type { SessionReport } from './report-model.js';
import { countsDocx, programmeIndicatorsDocx, sessionIndicatorsDocx } from './attendance-docx.js';
import { planDocx } from './plan-docx.js';
import { evaluationDocx, evaluationTrendDocx } from './evaluation-docx.js';

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold = false) => new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c, { bold })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r))] });
}

function sessionBlocks(r: SessionReport, top: boolean): (Paragraph | Table)[] {
  const { h } = r;
  const H1 = top ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
  const H2 = top ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  const H3 = top ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4;
  const out: (Paragraph | Table)[] = [heading(r.title, H1)];
  if (r.programme) out.push(p(`${h.programme}: ${r.programme}`, { italics: true }));
  if (r.description) out.push(p(r.description));
  out.push(p(`${h.date}: ${r.date ?? '—'} · ${r.people} ${h.people}`), heading(h.participants, H2));
  if (r.organisations.length)
    out.push(
      table(
        [h.organisations, '#'],
        r.organisations.map((o) => [o.name, String(o.count)]),
      ),
    );
  if (r.countries.length)
    out.push(
      p(''),
      table(
        [h.countries, '#'],
        r.countries.map((c) => [c.name, String(c.count)]),
      ),
    );
  if (r.attendance) out.push(...countsDocx(r.attendance.l, r.attendance.counts, H2));
  if (r.indicators) out.push(...sessionIndicatorsDocx(r.indicators.l, r.indicators, H2));
  if (r.plan) out.push(...planDocx(r.plan, H2));
  if (r.evaluation) out.push(...evaluationDocx(r.evaluation, H2, H3));
  out.push(heading(h.synthesis, H2));
  if (!r.synthesisPublished) out.push(p(h.draft, { italics: true }));
  for (const pr of r.prompts) {
    out.push(heading(pr.text, H3));
    if (pr.summary) out.push(p(pr.summary));
    if (pr.themes.length)
      out.push(
        table(
          [h.synthesis, h.groupsRaised, h.consensus, h.votes],
          pr.themes.map((t) => [t.label, `${t.groups}/${t.groupsAnswering}`, t.consensus ? '✓' : '', String(t.votes)]),
        ),
      );
    if (pr.otherIdeas.length) out.push(p(h.otherIdeas, { bold: true }), ...pr.otherIdeas.map(bullet));
  }
  out.push(new Paragraph({ text: h.appendix, heading: H2, pageBreakBefore: true }));
  for (const pr of r.prompts) {
    out.push(heading(pr.text, H3));
    for (const g of pr.groups) out.push(p(g.name, { bold: true }), ...g.answers.map((a) => bullet(a.author ? `${a.text} — ${a.author}` : a.text)));
  }
  return out;
}

/** A Word document with real headings and tables, made with the docx library. */
export async function sessionDocx(r: SessionReport): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: 'Peer-learning live', title: r.title, sections: [{ children: sessionBlocks(r, true) }] }));
}

export async function programmeDocx(r: ProgrammeReport): Promise<Buffer> {
  const head: (Paragraph | Table)[] = [heading(r.name, HeadingLevel.HEADING_1)];
  if (r.description) head.push(p(r.description));
  head.push(heading(r.h.sessions, HeadingLevel.HEADING_2), ...r.sessions.map((s) => bullet(`${s.date ?? ''} — ${s.title} (${s.people} ${r.h.people})`)));
  if (r.recurring.length)
    head.push(
      heading(r.h.recurring, HeadingLevel.HEADING_2),
      ...r.recurring.map((t) => bullet(`${t.label} — ${r.h.raisedIn} ${t.sessions.map((s) => s.title).join('; ')}`)),
    );
  if (r.indicators) head.push(...programmeIndicatorsDocx(r.indicators.l, r.indicators));
  if (r.evaluationTrend) head.push(...evaluationTrendDocx(r.evaluationTrend, HeadingLevel.HEADING_2));
  return Packer.toBuffer(
    new Document({ creator: 'Peer-learning live', title: r.name, sections: [{ children: [...head, ...r.sessions.flatMap((s) => sessionBlocks(s, false))] }] }),
  );
}
