import { cell } from './csv.js';
import type { AttendanceReport } from './attendance-model.js';

/**
 * One row per person who consented to be named, with stable English column keys (so a spreadsheet formula keeps
 * working across languages) and the values in the session's language; the ones not named are a count, never rows.
 */
const HEADER = ['session', 'date', 'place', 'number', 'name', 'organisation', 'organisation_type', 'country', 'partner_or_external'];

export function attendanceCsv(r: AttendanceReport): string {
  const place = r.mode === 'online' ? r.l.online : r.place;
  const rows = r.listed.map((e, i) =>
    [r.title, r.date, place, i + 1, e.name, e.organisation, e.organisationType ? r.l.types[e.organisationType] : null, e.country, e.tag ? r.l[e.tag] : null]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
