import { cell } from './csv.js';
import { addressOf, showsAddresses, type AttendanceReport } from './attendance-model.js';

/**
 * One row per person who consented to be named, with stable English column keys (so a spreadsheet formula keeps
 * working across languages) and the values in the session's language; the ones not named are a count, never rows.
 */
const HEADER = ['session', 'date', 'place', 'number', 'name', 'organisation', 'organisation_type', 'country', 'partner_or_external'];

export function attendanceCsv(r: AttendanceReport): string {
  const place = r.mode === 'online' ? r.l.online : r.place;
  // The address column comes last, and only when an address is known: the other columns keep their places.
  const addresses = showsAddresses(r);
  const rows = r.listed.map((e, i) =>
    [
      r.title,
      r.date,
      place,
      i + 1,
      e.name,
      e.organisation,
      e.organisationType ? r.l.types[e.organisationType] : null,
      e.country,
      e.tag ? r.l[e.tag] : null,
      ...(addresses ? [addressOf(r, e)] : []),
    ]
      .map(cell)
      .join(','),
  );
  const header = addresses ? [...HEADER, 'organisation_address'] : HEADER;
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
