import { attendanceList, type AttendanceCounts, type AttendanceEntry } from '../../shared/domain/attendance.js';
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
  };
}

/** The words of one listed row, shared by every format. */
export function rowCells(r: AttendanceReport, e: AttendanceEntry, i: number): string[] {
  return [String(i + 1), e.name ?? '', e.organisation ?? '', e.organisationType ? r.l.types[e.organisationType] : '', e.country ?? '', e.tag ? r.l[e.tag] : ''];
}

export const headerCells = (r: AttendanceReport) => [r.l.number, r.l.name, r.l.organisation, r.l.type, r.l.country, r.l.partnerOrExternal];
