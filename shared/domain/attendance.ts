import type { OrganisationType, PartnerSettings, PartnerTag } from '../schemas/attendance.js';
import type { Participant, SessionState } from '../schemas/session.js';

/*
 * Attendance (issue 16, item 1): who took part, which organisations they came from, and whether each organisation
 * is one of the programme's partners. Pure: the same list feeds the exports, the reports and the indicators.
 */

/** "and" in the four languages: "Steden & Gemeenten" and "Steden en Gemeenten" are one name. */
const CONJUNCTIONS = new Set(['and', 'en', 'et', 'og']);

/**
 * The key two spellings of one organisation share: accents folded, case and punctuation ignored, "&" and "and"
 * left out. "Stad Gent", "stad  gent." and "STAD-GENT" are one organisation; "Gent" is another (an alias joins them).
 */
export function organisationKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !CONJUNCTIONS.has(w))
    .join(' ');
}

/** What the partner list says about one organisation name. */
export interface OrganisationTag {
  key: string;
  /** The partner's own name when it matched one, else the name as typed. */
  display: string;
  tag: PartnerTag;
  /** True when the coordinator's correction decided the tag. */
  corrected: boolean;
}

/** Matches names to partners once per settings, so a room of thousands costs one lookup per person. */
export function partnerMatcher(settings: PartnerSettings): (organisation: string) => OrganisationTag {
  const partnerOf = new Map<string, string>();
  for (const p of settings.partners)
    for (const spelling of [p.name, ...p.aliases]) {
      const key = organisationKey(spelling);
      if (key && !partnerOf.has(key)) partnerOf.set(key, p.name);
    }
  const corrected = new Map<string, PartnerTag>();
  for (const c of settings.corrections) corrected.set(organisationKey(c.organisation), c.tag);
  return (organisation) => {
    const typedKey = organisationKey(organisation);
    const partner = partnerOf.get(typedKey);
    // A matched partner is counted under its own name, so its spelling variants become one organisation.
    const key = partner ? organisationKey(partner) : typedKey;
    const correction = corrected.get(typedKey) ?? corrected.get(key);
    return { key, display: partner ?? organisation, tag: correction ?? (partner ? 'partner' : 'external'), corrected: correction !== undefined };
  };
}

/** One participant on the attendance list. Name is null for someone who did not consent: counted, never named. */
export interface AttendanceEntry {
  participantId: string;
  name: string | null;
  organisation: string | null;
  organisationKey: string | null;
  organisationType: OrganisationType | null;
  country: string | null;
  /** Null when no organisation was given. */
  tag: PartnerTag | null;
  listed: boolean;
}

export interface Count<K extends string = string> {
  key: K;
  name: string;
  count: number;
}

export interface AttendanceCounts {
  participants: number;
  /** Consented to be named. */
  listed: number;
  byOrganisation: (Count & { tag: PartnerTag })[];
  byType: Count<OrganisationType | 'unknown'>[];
  byCountry: Count[];
  /** Participants by their organisation's tag; `unknown`: no organisation given. */
  byTag: { partner: number; external: number; unknown: number };
}

export interface AttendanceList {
  /** Everyone, in join order; only `listed` entries carry a name. */
  entries: AttendanceEntry[];
  counts: AttendanceCounts;
}

/** A country's key: the same folding as organisations ("Danmark", "danmark " are one). */
export const countryKey = organisationKey;

export function attendanceEntries(participants: Participant[], settings: PartnerSettings): AttendanceEntry[] {
  const match = partnerMatcher(settings);
  return [...participants]
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((p) => {
      const org = p.organisation && organisationKey(p.organisation) ? match(p.organisation) : null;
      const listed = p.attendanceConsent === true;
      return {
        participantId: p.id,
        name: listed ? p.name : null,
        organisation: org?.display ?? null,
        organisationKey: org?.key ?? null,
        organisationType: p.organisationType ?? null,
        country: p.country && countryKey(p.country) ? p.country : null,
        tag: org?.tag ?? null,
        listed,
      };
    });
}

/** Counts keyed by a folded key, named by the first spelling seen; largest first, then by name. */
function countBy<K extends string>(items: { key: K; name: string }[]): Count<K>[] {
  const m = new Map<K, Count<K>>();
  for (const it of items) {
    const c = m.get(it.key);
    if (c) c.count += 1;
    else m.set(it.key, { key: it.key, name: it.name, count: 1 });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function attendanceCounts(entries: AttendanceEntry[]): AttendanceCounts {
  const withOrg = entries.filter((e) => e.organisationKey !== null);
  const tags = new Map(withOrg.map((e) => [e.organisationKey!, e.tag!]));
  return {
    participants: entries.length,
    listed: entries.filter((e) => e.listed).length,
    byOrganisation: countBy(withOrg.map((e) => ({ key: e.organisationKey!, name: e.organisation! }))).map((c) => ({ ...c, tag: tags.get(c.key)! })),
    byType: countBy(entries.map((e) => ({ key: e.organisationType ?? ('unknown' as const), name: e.organisationType ?? 'unknown' }))),
    byCountry: countBy(entries.filter((e) => e.country !== null).map((e) => ({ key: countryKey(e.country!), name: e.country! }))),
    byTag: {
      partner: entries.filter((e) => e.tag === 'partner').length,
      external: entries.filter((e) => e.tag === 'external').length,
      unknown: entries.filter((e) => e.tag === null).length,
    },
  };
}

/** The attendance list of a session, tagged with its programme's partners (none for a session outside a programme). */
export function attendanceList(s: SessionState, settings: PartnerSettings): AttendanceList {
  const entries = attendanceEntries(Object.values(s.participants), settings);
  return { entries, counts: attendanceCounts(entries) };
}
