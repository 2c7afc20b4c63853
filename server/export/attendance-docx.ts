import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeightRule } from 'docx';
import type { AttendanceCounts } from '../../shared/domain/attendance.js';
import { INDICATOR_KEYS, type Indicators, type ProgrammeIndicators } from '../../shared/domain/indicators.js';
import { fill, unlistedNote, type AttendanceLabels } from './attendance-i18n.js';
import { headerCells, rowCells, type AttendanceReport } from './attendance-model.js';

type Block = Paragraph | Table;
type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** A table whose rows are tall enough to sign in when `tall`; the header repeats on every page. */
function table(header: string[], rows: string[][], tall = false): Table {
  const row = (cells: string[], isHeader = false) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      ...(tall && !isHeader ? { height: { value: 560, rule: HeightRule.ATLEAST } } : {}),
      children: cells.map((c) => new TableCell({ children: [p(c, { bold: isHeader })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r))] });
}

export function countsDocx(l: AttendanceLabels, c: AttendanceCounts, level: Level = HeadingLevel.HEADING_2): Block[] {
  return [
    new Paragraph({ text: l.attendanceCounts, heading: level }),
    p(`${l.participants}: ${c.participants} (${c.listed} ${l.listedByName})`),
    p(l.byTag, { bold: true }),
    bullet(`${l.partner}: ${c.byTag.partner}`),
    bullet(`${l.external}: ${c.byTag.external}`),
    ...(c.byTag.unknown ? [bullet(`${l.noOrganisation}: ${c.byTag.unknown}`)] : []),
    p(''),
    table(
      [l.organisation, l.partnerOrExternal, '#'],
      c.byOrganisation.map((o) => [o.name, l[o.tag], String(o.count)]),
    ),
    p(''),
    table(
      [l.type, '#'],
      c.byType.map((t) => [l.types[t.key], String(t.count)]),
    ),
    p(''),
    table(
      [l.country, '#'],
      c.byCountry.map((t) => [t.name, String(t.count)]),
    ),
  ];
}

export function sessionIndicatorsDocx(l: AttendanceLabels, i: Indicators, level: Level = HeadingLevel.HEADING_2): Block[] {
  return [
    new Paragraph({ text: l.indicators, heading: level }),
    table(
      [l.indicators, '#'],
      INDICATOR_KEYS.map((k) => [l[k], String(i[k])]),
    ),
  ];
}

export function programmeIndicatorsDocx(l: AttendanceLabels, pi: ProgrammeIndicators, level: Level = HeadingLevel.HEADING_2): Block[] {
  const rows = [
    ...pi.sessions.map((s) => [`${s.date ?? ''} ${s.title}`.trim(), ...INDICATOR_KEYS.map((k) => String(s[k]))]),
    [l.programmeTotal, ...INDICATOR_KEYS.map((k) => String(pi.total[k]))],
  ];
  return [new Paragraph({ text: l.indicators, heading: level }), table([l.session, ...INDICATOR_KEYS.map((k) => l[k])], rows)];
}

/** The attendance list as a Word document: landscape, so the signature column has room. */
export async function attendanceDocx(r: AttendanceReport): Promise<Buffer> {
  const { l } = r;
  const room = r.mode === 'room';
  const header = room ? [...headerCells(r), l.signature] : headerCells(r);
  const rows = r.listed.map((e, i) => (room ? [...rowCells(r, e, i), ''] : rowCells(r, e, i)));
  if (room) for (let i = 0; i < Math.min(r.unlisted, 100); i++) rows.push(header.map(() => ''));
  const blocks: Block[] = [
    new Paragraph({ text: l.attendanceList, heading: HeadingLevel.HEADING_1 }),
    p(`${l.event}: ${r.title}`),
    ...(r.programme ? [p(`${l.programme}: ${r.programme}`)] : []),
    p(`${l.date}: ${r.date}`),
    p(`${l.place}: ${room ? (r.place ?? '') : l.online}`),
    new Paragraph({ text: l.participants, heading: HeadingLevel.HEADING_2 }),
    table(header, rows, room),
  ];
  if (r.unlisted) blocks.push(p(unlistedNote(l, r.unlisted), { italics: true }));
  if (!room) {
    blocks.push(
      new Paragraph({ text: l.declarationTitle, heading: HeadingLevel.HEADING_2 }),
      p(fill(l.declaration, { event: r.title, date: r.date })),
      ...[l.organiserName, l.organiserOrganisation, l.placeAndDate, l.signature].flatMap((label) => [
        p(label),
        p('______________________________________________'),
        p(''),
      ]),
    );
  }
  blocks.push(...countsDocx(l, r.counts));
  const doc = new Document({
    creator: 'Peer-learning live',
    title: `${l.attendanceList} — ${r.title}`,
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: blocks }],
  });
  return Packer.toBuffer(doc);
}
