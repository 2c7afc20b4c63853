import type { AttendanceCounts } from '../../shared/domain/attendance.js';
import { INDICATOR_KEYS, type Indicators, type ProgrammeIndicators } from '../../shared/domain/indicators.js';
import type { AttendanceLabels } from './attendance-i18n.js';
import { md } from './markdown.js';

/** The attendance counts section of a Markdown report. `H`: its heading's hashes. */
export function countsMarkdown(l: AttendanceLabels, c: AttendanceCounts, H: string): string[] {
  const tags = [`${l.partner} ${c.byTag.partner}`, `${l.external} ${c.byTag.external}`, ...(c.byTag.unknown ? [`${l.noOrganisation} ${c.byTag.unknown}`] : [])];
  const lines = [
    `${H} ${l.attendanceCounts}`,
    '',
    `**${l.participants}:** ${c.participants} (${c.listed} ${l.listedByName})`,
    '',
    `**${l.byTag}:** ${tags.join(', ')}`,
    '',
  ];
  if (c.byOrganisation.length) lines.push(`**${l.byOrganisation}:** ${c.byOrganisation.map((o) => `${md(o.name)} (${l[o.tag]}, ${o.count})`).join(', ')}`, '');
  lines.push(`**${l.byType}:** ${c.byType.map((t) => `${l.types[t.key]} (${t.count})`).join(', ')}`, '');
  if (c.byCountry.length) lines.push(`**${l.byCountry}:** ${c.byCountry.map((o) => `${md(o.name)} (${o.count})`).join(', ')}`, '');
  return lines;
}

export function sessionIndicatorsMarkdown(l: AttendanceLabels, i: Indicators, H: string): string[] {
  return [`${H} ${l.indicators}`, '', `| ${l.indicators} | # |`, '|---|---:|', ...INDICATOR_KEYS.map((k) => `| ${l[k]} | ${i[k]} |`), ''];
}

export function programmeIndicatorsMarkdown(l: AttendanceLabels, p: ProgrammeIndicators, H: string): string[] {
  const row = (name: string, i: Indicators) => `| ${name} | ${INDICATOR_KEYS.map((k) => i[k]).join(' | ')} |`;
  return [
    `${H} ${l.indicators}`,
    '',
    `| ${l.session} | ${INDICATOR_KEYS.map((k) => l[k]).join(' | ')} |`,
    `|---|${INDICATOR_KEYS.map(() => '---:').join('|')}|`,
    ...p.sessions.map((s) => row(md(`${s.date ?? ''} ${s.title}`.trim()), s)),
    row(`**${l.programmeTotal}**`, p.total),
    '',
  ];
}
