import { attendanceList, organisationKey, type AttendanceCounts, type AttendanceEntry } from '../../shared/domain/attendance.js';
import type { PartnerSettings } from '../../shared/schemas/attendance.js';
import type { Language } from '../../shared/schemas/primitives.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { ATTENDANCE_LABELS, type AttendanceLabels } from './attendance-i18n.js';

/**
 * In the room, each listed person signs next to their name; online, the organiser signs one declaration
 * (what Erasmus+ asks of multiplier events and meetings).
 */
export type AttendanceMode = 'room' | 'online';

/** The attendance list of one session as every format prints it: built once, in the session's language. */
export interface AttendanceReport {
  sessionId: string;
  language: Language;
  l: AttendanceLabels;
  title: string;
  date: string;
  place: string | null;
  programme: string | null;
  mode: AttendanceMode;
  /** Only people who consented to be named. */
  listed: AttendanceEntry[];
  unlisted: number;
  counts: AttendanceCounts;
  /** The sending organisations' addresses, by organisation key, from the programme's partner list; empty when none is known. */
  addresses: Map<string, string>;
}

export function attendanceReport(
  s: SessionState,
  settings: PartnerSettings,
  opts: { mode: AttendanceMode; place: string | null; programme: string | null },
): AttendanceReport {
  const list = attendanceList(s, settings);
  const listed = list.entries.filter((e) => e.listed).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', s.language));
  return {
    sessionId: s.id,
    language: s.language,
    l: ATTENDANCE_LABELS[s.language],
    title: s.title,
    date: s.date ?? new Date(s.createdAt).toISOString().slice(0, 10),
    place: opts.place,
    programme: opts.programme,
    mode: opts.mode,
    listed,
    unlisted: list.entries.length - listed.length,
    counts: list.counts,
    addresses: partnerAddresses(settings),
  };
}

/**
 * A partner's address under its name's key: a matched participant's organisation carries the partner's key
 * (attendance.ts), whichever spelling they typed.
 */
function partnerAddresses(settings: PartnerSettings): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of settings.partners) if (p.address) out.set(organisationKey(p.name), p.address);
  return out;
}

/** The address of a listed person's organisation, when the partner list gives one. */
export const addressOf = (r: AttendanceReport, e: AttendanceEntry) => (e.organisationKey ? (r.addresses.get(e.organisationKey) ?? null) : null);

/** Whether the list has an address column: only when some listed organisation's address is known (Erasmus+ asks for it). */
export const showsAddresses = (r: AttendanceReport) => r.listed.some((e) => addressOf(r, e) !== null);

/** The words of one listed row, shared by every format. The partner/external tag is always the last cell. */
export function rowCells(r: AttendanceReport, e: AttendanceEntry, i: number): string[] {
  const address = showsAddresses(r) ? [addressOf(r, e) ?? ''] : [];
  return [
    String(i + 1),
    e.name ?? '',
    e.organisation ?? '',
    ...address,
    e.organisationType ? r.l.types[e.organisationType] : '',
    e.country ?? '',
    e.tag ? r.l[e.tag] : '',
  ];
}

export const headerCells = (r: AttendanceReport) => [
  r.l.number,
  r.l.name,
  r.l.organisation,
  ...(showsAddresses(r) ? [r.l.organisationAddress] : []),
  r.l.type,
  r.l.country,
  r.l.partnerOrExternal,
];
