import { type HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { planHeader, type PlanReport, planRows } from './plan-model.js';

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });

/** The agenda section of a Word report: a heading, a table with one row per block run, and how it was counted. */
export function planDocx(r: PlanReport, level: Level): (Paragraph | Table)[] {
  const row = (cells: string[], header = false) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((c) => new TableCell({ children: [p(c, { bold: header })] })) });
  return [
    new Paragraph({ text: r.l.agenda, heading: level }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(planHeader(r.l), true), ...planRows(r).map((cells) => row(cells))] }),
    p(r.l.note, { italics: true }),
  ];
}
