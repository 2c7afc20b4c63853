import type { PartnerSettings } from '../schemas/attendance.js';
import type { SessionState } from '../schemas/session.js';
import { attendanceEntries, countryKey, type AttendanceEntry } from './attendance.js';

/*
 * Programme indicators (issue 16, item 3), as Interreg and Erasmus+ reports ask for them: participants, distinct
 * organisations (partner and external), countries, and organisations from two or more countries that worked in
 * one group (cooperation across borders, RCO87; solutions developed jointly, RCO83/RCO116). Pure.
 */

export interface Indicators {
  participants: number;
  organisations: number;
  partnerOrganisations: number;
  externalOrganisations: number;
  countries: number;
  /** Groups that wrote at least one answer with members from organisations of two or more countries. */
  crossBorderGroups: number;
  /** Distinct organisations that worked in such a group. */
  crossBorderOrganisations: number;
}

export interface SessionIndicators extends Indicators {
  sessionId: string;
  title: string;
  date: string | null;
}

export interface ProgrammeIndicators {
  sessions: SessionIndicators[];
  /** Over the programme: organisations and countries met in several sessions count once; participants add up. */
  total: Indicators & { sessions: number };
}

/** What one session contributes: the sets, so a programme can take their union. */
interface SessionSets {
  participants: number;
  organisations: Map<string, 'partner' | 'external'>;
  countries: Set<string>;
  crossBorderGroups: number;
  crossBorderOrganisations: Set<string>;
}

function sessionSets(s: SessionState, settings: PartnerSettings): SessionSets {
  const entries = attendanceEntries(Object.values(s.participants), settings);
  const byId = new Map<string, AttendanceEntry>(entries.map((e) => [e.participantId, e]));
  const organisations = new Map<string, 'partner' | 'external'>();
  for (const e of entries) if (e.organisationKey && e.tag) organisations.set(e.organisationKey, e.tag);
  const countries = new Set(entries.filter((e) => e.country).map((e) => countryKey(e.country!)));
  const groupsThatWrote = new Set(Object.values(s.answers).map((a) => a.groupId));
  let crossBorderGroups = 0;
  const crossBorderOrganisations = new Set<string>();
  for (const g of Object.values(s.groups)) {
    if (!groupsThatWrote.has(g.id)) continue;
    // An organisation's country is its member's: only people who gave both tell where an organisation comes from.
    const members = g.memberIds.map((id) => byId.get(id)).filter((e): e is AttendanceEntry => !!e?.organisationKey && !!e.country);
    const memberCountries = new Set(members.map((e) => countryKey(e.country!)));
    if (memberCountries.size < 2) continue;
    crossBorderGroups += 1;
    for (const e of members) crossBorderOrganisations.add(e.organisationKey!);
  }
  return { participants: entries.length, organisations, countries, crossBorderGroups, crossBorderOrganisations };
}

function indicatorsOf(sets: SessionSets): Indicators {
  const tags = [...sets.organisations.values()];
  return {
    participants: sets.participants,
    organisations: sets.organisations.size,
    partnerOrganisations: tags.filter((t) => t === 'partner').length,
    externalOrganisations: tags.filter((t) => t === 'external').length,
    countries: sets.countries.size,
    crossBorderGroups: sets.crossBorderGroups,
    crossBorderOrganisations: sets.crossBorderOrganisations.size,
  };
}

const dateOf = (s: SessionState) => s.date ?? (s.createdAt ? new Date(s.createdAt).toISOString().slice(0, 10) : null);

export function sessionIndicators(s: SessionState, settings: PartnerSettings): SessionIndicators {
  return { sessionId: s.id, title: s.title, date: dateOf(s), ...indicatorsOf(sessionSets(s, settings)) };
}

export function programmeIndicators(states: SessionState[], settings: PartnerSettings): ProgrammeIndicators {
  const all: SessionSets = { participants: 0, organisations: new Map(), countries: new Set(), crossBorderGroups: 0, crossBorderOrganisations: new Set() };
  const sessions = states.map((s) => {
    const sets = sessionSets(s, settings);
    all.participants += sets.participants;
    for (const [k, t] of sets.organisations) all.organisations.set(k, t);
    for (const c of sets.countries) all.countries.add(c);
    all.crossBorderGroups += sets.crossBorderGroups;
    for (const o of sets.crossBorderOrganisations) all.crossBorderOrganisations.add(o);
    return { sessionId: s.id, title: s.title, date: dateOf(s), ...indicatorsOf(sets) };
  });
  return { sessions, total: { sessions: states.length, ...indicatorsOf(all) } };
}

/** The indicators in the order every report shows them. */
export const INDICATOR_KEYS = [
  'participants',
  'organisations',
  'partnerOrganisations',
  'externalOrganisations',
  'countries',
  'crossBorderGroups',
  'crossBorderOrganisations',
] as const satisfies readonly (keyof Indicators)[];
