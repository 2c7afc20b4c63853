import type { AttendanceCounts } from '../../shared/domain/attendance.js';
import { INDICATOR_KEYS, type Indicators, type ProgrammeIndicators, type SessionIndicators } from '../../shared/domain/indicators.js';
import { esc } from './html.js';
import type { AttendanceLabels } from './attendance-i18n.js';
import { fill, unlistedNote } from './attendance-i18n.js';
import { headerCells, rowCells, type AttendanceReport } from './attendance-model.js';

/**
 * Print-ready: A4, a row never split over two pages, tall rows to sign in, the header repeated on every page.
 * Inline, so a saved file prints alike anywhere; also served as /api/attendance/print.css for the in-app print
 * view, whose strict CSP (style-src 'self') refuses inline styles.
 */
export const ATTENDANCE_STYLE = `
body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;color:#1c2430;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4;font-size:11pt}
h1{font-size:1.6rem;color:#1f4e5f;margin-bottom:.4rem}h2{font-size:1.15rem;color:#1f4e5f;margin-top:1.6rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #8a939e;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#eef4f6}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
.meta{width:auto}.meta td{border:none;padding:.1rem .8rem .1rem 0}.meta th{background:none;border:none;padding:.1rem .8rem .1rem 0}
.sign td{height:2.6rem}.sign td.signature{width:24%}.tag-partner{font-weight:600}
.note{color:#4b5563;font-style:italic}.declaration{margin-top:1.5rem;border:1px solid #8a939e;padding:1rem;break-inside:avoid}
.line{border-bottom:1px solid #1c2430;height:2.2rem;margin:.3rem 0 .8rem}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem;break-inside:avoid}
@page{size:A4;margin:14mm 12mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

const list = (items: { name: string; count: number; extra?: string }[]) =>
  `<ul>${items.map((i) => `<li>${esc(i.name)}${i.extra ? ` <em>(${esc(i.extra)})</em>` : ''}: ${i.count}</li>`).join('')}</ul>`;

/** The counts by organisation, type, country and partner/external: in the attendance list and in the reports. */
export function countsHtml(l: AttendanceLabels, c: AttendanceCounts, heading = 'h2'): string {
  const tagged = [
    { name: l.partner, count: c.byTag.partner },
    { name: l.external, count: c.byTag.external },
    ...(c.byTag.unknown ? [{ name: l.noOrganisation, count: c.byTag.unknown }] : []),
  ];
  return [
    `<${heading}>${esc(l.attendanceCounts)}</${heading}>`,
    `<p><strong>${esc(l.participants)}:</strong> <span data-count="participants">${c.participants}</span> (${c.listed} ${esc(l.listedByName)})</p>`,
    `<div class="counts">`,
    `<div><strong>${esc(l.byTag)}</strong>${list(tagged)}</div>`,
    `<div><strong>${esc(l.byOrganisation)}</strong>${list(c.byOrganisation.map((o) => ({ name: o.name, count: o.count, extra: l[o.tag] })))}</div>`,
    `<div><strong>${esc(l.byType)}</strong>${list(c.byType.map((t) => ({ name: l.types[t.key], count: t.count })))}</div>`,
    `<div><strong>${esc(l.byCountry)}</strong>${list(c.byCountry)}</div>`,
    `</div>`,
  ].join('\n');
}

/** One session's indicators as a two-column table. */
export function sessionIndicatorsHtml(l: AttendanceLabels, i: Indicators, heading = 'h2'): string {
  return `<${heading}>${esc(l.indicators)}</${heading}>\n<table class="indicators"><tbody>${INDICATOR_KEYS.map((k) => `<tr><th>${esc(l[k])}</th><td data-indicator="${k}">${i[k]}</td></tr>`).join('')}</tbody></table>`;
}

/** A programme's indicators: one row per session and the whole programme (distinct organisations and countries count once). */
export function programmeIndicatorsHtml(l: AttendanceLabels, p: ProgrammeIndicators, heading = 'h2'): string {
  const row = (name: string, i: Indicators) => `<tr><th>${esc(name)}</th>${INDICATOR_KEYS.map((k) => `<td>${i[k]}</td>`).join('')}</tr>`;
  const label = (s: SessionIndicators) => `${s.date ?? ''} ${s.title}`.trim();
  return [
    `<${heading}>${esc(l.indicators)}</${heading}>`,
    `<table class="indicators"><thead><tr><th>${esc(l.session)}</th>${INDICATOR_KEYS.map((k) => `<th>${esc(l[k])}</th>`).join('')}</tr></thead><tbody>`,
    ...p.sessions.map((s) => row(label(s), s)),
    `</tbody><tfoot>${row(l.programmeTotal, p.total)}</tfoot></table>`,
  ].join('\n');
}

export function attendanceHtml(r: AttendanceReport): string {
  const { l } = r;
  const room = r.mode === 'room';
  const head = headerCells(r);
  const rows = r.listed.map(
    (e, i) =>
      `<tr data-participant>${rowCells(r, e, i)
        .map((c, j) => `<td${j === head.length - 1 && e.tag ? ` class="tag-${e.tag}"` : ''}>${esc(c)}</td>`)
        .join('')}${room ? '<td class="signature"></td>' : ''}</tr>`,
  );
  // Blank rows so those who did not want to be printed can still sign in the room, by hand, if they wish.
  const blank = room
    ? Array.from({ length: Math.min(r.unlisted, 100) }, () => `<tr class="blank">${head.map(() => '<td></td>').join('')}<td class="signature"></td></tr>`)
    : [];
  const body = [
    `<h1>${esc(l.attendanceList)}</h1>`,
    `<table class="meta"><tbody>`,
    `<tr><th>${esc(l.event)}</th><td>${esc(r.title)}</td></tr>`,
    r.programme ? `<tr><th>${esc(l.programme)}</th><td>${esc(r.programme)}</td></tr>` : '',
    `<tr><th>${esc(l.date)}</th><td>${esc(r.date)}</td></tr>`,
    `<tr><th>${esc(l.place)}</th><td>${esc(room ? (r.place ?? '') : l.online)}</td></tr>`,
    `</tbody></table>`,
    `<h2>${esc(l.participants)}</h2>`,
    `<table class="${room ? 'sign' : 'list'}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}${room ? `<th>${esc(l.signature)}</th>` : ''}</tr></thead><tbody>`,
    ...rows,
    ...blank,
    `</tbody></table>`,
    r.unlisted ? `<p class="note" data-unlisted="${r.unlisted}">${esc(unlistedNote(l, r.unlisted))}</p>` : '',
    room ? '' : declarationHtml(r),
    countsHtml(l, r.counts),
  ];
  return `<!doctype html>\n<html lang="${r.language}"><head><meta charset="utf-8"><title>${esc(`${l.attendanceList} — ${r.title}`)}</title><style>${ATTENDANCE_STYLE}</style></head><body>\n${body.filter(Boolean).join('\n')}\n</body></html>\n`;
}

function declarationHtml(r: AttendanceReport): string {
  const { l } = r;
  return [
    `<section class="declaration">`,
    `<h2>${esc(l.declarationTitle)}</h2>`,
    `<p>${esc(fill(l.declaration, { event: r.title, date: r.date }))}${r.unlisted ? ` ${esc(unlistedNote(l, r.unlisted))}` : ''}</p>`,
    `<p>${esc(l.organiserName)}</p><div class="line"></div>`,
    `<p>${esc(l.organiserOrganisation)}</p><div class="line"></div>`,
    `<p>${esc(l.placeAndDate)}</p><div class="line"></div>`,
    `<p>${esc(l.signature)}</p><div class="line"></div>`,
    `</section>`,
  ].join('\n');
}
