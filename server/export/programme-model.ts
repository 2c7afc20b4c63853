import type { Language } from '../../shared/schemas/primitives.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { synthesize } from '../../shared/synthesis/index.js';
import type { ProgrammeRow } from '../store/types.js';
import { HEADINGS, type Headings } from './i18n.js';
import { sessionReport, type SessionReport } from './report-model.js';
import { programmeSections, type SectionOptions } from './report-sections.js';

export interface RecurringTheme {
  label: string;
  sessions: { sessionId: string; title: string; label: string }[];
}

export interface ProgrammeReport {
  programmeId: string;
  name: string;
  description: string | null;
  language: Language;
  h: Headings;
  sessions: SessionReport[];
  recurring: RecurringTheme[];
  /** Issue 16: indicators over the programme (null when left out). */
  indicators?: ReturnType<typeof programmeSections>['indicators'];
  /** Issue 16: the average rating per session, in date order (null when left out or never evaluated). */
  evaluationTrend?: ReturnType<typeof programmeSections>['evaluationTrend'];
}

/**
 * Themes that came back across sessions: every session's theme labels go through the same synthesis engine,
 * each session standing for a "group", so a theme raised in two sessions or more is one that came back.
 */
export function recurringThemes(states: SessionState[], language: Language): RecurringTheme[] {
  const labels: { id: string; sessionId: string; title: string; label: string }[] = [];
  for (const s of states)
    for (const p of s.synthesis?.prompts ?? [])
      for (const t of p.themes) if (!t.hidden) labels.push({ id: `${s.id}:${t.id}`, sessionId: s.id, title: s.title, label: t.label });
  if (labels.length === 0) return [];
  const out = synthesize({
    language,
    prompts: [{ id: 'all', text: '' }],
    answers: labels.map((l) => ({ id: l.id, promptId: 'all', groupId: l.sessionId, text: l.label })),
  });
  const byId = new Map(labels.map((l) => [l.id, l]));
  return out.prompts[0].themes
    .filter((t) => t.groupIds.length >= 2)
    .map((t) => ({ label: t.label, sessions: t.answerIds.map((id) => byId.get(id)!).map(({ sessionId, title, label }) => ({ sessionId, title, label })) }));
}

export function programmeReport(row: ProgrammeRow, states: SessionState[], names: boolean, sections: SectionOptions = {}): ProgrammeReport {
  const language = (row.languages[0] as Language | undefined) ?? states[0]?.language ?? 'en';
  return {
    programmeId: row.programmeId,
    name: row.name,
    description: row.description,
    language,
    h: HEADINGS[language],
    sessions: states.map((s) => sessionReport(s, { names, programme: row.name, ...sections })),
    recurring: recurringThemes(states, language),
    ...programmeSections(states, language, sections),
  };
}
