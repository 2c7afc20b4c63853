import type { Language } from '../../shared/schemas/primitives.js';
import type { Group, SessionState } from '../../shared/schemas/session.js';
import { HEADINGS, type Headings } from './i18n.js';
import { sessionSections, type SectionOptions, type SessionSections } from './report-sections.js';

/** Everything a report shows, built once from the session so no format derives it again. */
export interface SessionReport extends SessionSections {
  sessionId: string;
  language: Language;
  h: Headings;
  title: string;
  description: string | null;
  date: string | null;
  programme: string | null;
  people: number;
  organisations: { name: string; count: number }[];
  countries: { name: string; count: number }[];
  synthesisPublished: boolean;
  prompts: {
    id: string;
    text: string;
    summary: string | null;
    themes: { label: string; groups: number; groupsAnswering: number; consensus: boolean; votes: number; answers: string[] }[];
    otherIdeas: string[];
    groups: {
      name: string;
      answers: {
        text: string;
        author: string | null;
        /** The author's organisation and country: which organisations raised what (left empty in an anonymous session unless names were asked for). */
        organisation: string | null;
        country: string | null;
        round: number;
        theme: string | null;
        consensus: boolean;
        votes: number;
      }[];
    }[];
  }[];
}

/** `partners` and `sections`: the attendance and indicators sections (issue 16), see report-sections.ts. */
export interface ReportOptions extends SectionOptions {
  /** Names are left out unless the person exporting asks for them. */
  names: boolean;
  programme?: string | null;
}

const counted = (values: (string | null)[]) => {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};

const groupLabel = (h: Headings, g: Group) => `${h.group} ${g.mergedFrom.length ? g.mergedFrom.join(' + ') : g.number}`;

export function sessionReport(s: SessionState, opts: ReportOptions): SessionReport {
  const h = HEADINGS[s.language];
  const people = Object.values(s.participants);
  const doc = s.synthesis;
  const votesFor = (themeId: string) =>
    doc
      ? Object.values(doc.votes)
          .flat()
          .filter((id) => id === themeId).length
      : 0;
  const themeOf = new Map<string, { label: string; consensus: boolean; votes: number }>();
  for (const p of doc?.prompts ?? [])
    for (const t of p.themes) if (!t.hidden) for (const id of t.answerIds) themeOf.set(id, { label: t.label, consensus: t.consensus, votes: votesFor(t.id) });
  const groups = Object.values(s.groups).sort((a, b) => Number(a.archived) - Number(b.archived) || a.number - b.number);
  return {
    sessionId: s.id,
    language: s.language,
    h,
    title: s.title,
    description: s.description,
    date: s.date ?? new Date(s.createdAt).toISOString().slice(0, 10),
    programme: opts.programme ?? null,
    people: people.length,
    organisations: counted(people.map((p) => p.organisation)),
    countries: counted(people.map((p) => p.country)),
    synthesisPublished: !!doc?.published,
    ...sessionSections(s, opts),
    prompts: s.prompts.map((prompt) => {
      const syn = doc?.prompts.find((p) => p.promptId === prompt.id);
      const answers = Object.values(s.answers)
        .filter((a) => a.promptId === prompt.id)
        .sort((a, b) => a.createdAt - b.createdAt);
      return {
        id: prompt.id,
        text: prompt.text,
        summary: syn?.summary ?? null,
        themes: (syn?.themes ?? [])
          .filter((t) => !t.hidden)
          .map((t) => ({
            label: t.label,
            groups: t.groupIds.length,
            groupsAnswering: syn!.groupsAnswering,
            consensus: t.consensus,
            votes: votesFor(t.id),
            answers: t.answerIds.map((id) => doc!.answers[id]?.text ?? ''),
          })),
        otherIdeas: (syn?.otherAnswerIds ?? []).map((id) => doc!.answers[id]?.text ?? ''),
        groups: groups
          .map((g) => ({
            name: groupLabel(h, g),
            answers: answers
              .filter((a) => a.groupId === g.id)
              .map((a) => ({
                text: a.text,
                author: opts.names && a.authorId ? (s.participants[a.authorId]?.name ?? null) : null,
                ...whereFrom(s, a.authorId, opts.names),
                round: a.round,
                theme: themeOf.get(a.id)?.label ?? null,
                consensus: themeOf.get(a.id)?.consensus ?? false,
                votes: themeOf.get(a.id)?.votes ?? 0,
              })),
          }))
          .filter((g) => g.answers.length > 0),
      };
    }),
  };
}

/** The author's organisation and country, unless that would tell who wrote an answer in an anonymous session. */
function whereFrom(s: SessionState, authorId: string | null, names: boolean): { organisation: string | null; country: string | null } {
  const p = authorId && (names || !s.anonymous) ? s.participants[authorId] : undefined;
  return { organisation: p?.organisation ?? null, country: p?.country ?? null };
}
