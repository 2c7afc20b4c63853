import { z } from 'zod';
import { attendanceList, type AttendanceCounts } from '../../shared/domain/attendance.js';
import { programmeIndicators, sessionIndicators, type ProgrammeIndicators, type SessionIndicators } from '../../shared/domain/indicators.js';
import { NO_PARTNERS, type PartnerSettings } from '../../shared/schemas/attendance.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { ATTENDANCE_LABELS, type AttendanceLabels } from './attendance-i18n.js';
import { planReport, type PlanReport } from './plan-model.js';
import { evaluationReport, type EvaluationReport, evaluationTrendReport, type EvaluationTrendReport } from './evaluation-model.js';

/** The report sections issue 16 adds; each one can be left out when exporting (`?omit=attendance,indicators`). */
export const OPTIONAL_SECTIONS = ['attendance', 'indicators', 'plan', 'evaluation'] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];
export type ReportSections = Record<OptionalSection, boolean>;
export const ALL_SECTIONS = Object.fromEntries(OPTIONAL_SECTIONS.map((k) => [k, true])) as ReportSections;

/** `omit`: a comma-separated list of sections to leave out; an unknown name is an error, not silently ignored. */
export const OmitQuery = z
  .string()
  .max(200)
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [],
  )
  .pipe(z.array(z.enum(OPTIONAL_SECTIONS)));

export function sectionsWithout(omit: OptionalSection[]): ReportSections {
  return Object.fromEntries(OPTIONAL_SECTIONS.map((k) => [k, !omit.includes(k)])) as ReportSections;
}

/** What the sections need beyond the session: the programme's partners and which sections to print. */
export interface SectionOptions {
  partners?: PartnerSettings;
  sections?: ReportSections;
}

export interface SessionSections {
  attendance?: { l: AttendanceLabels; counts: AttendanceCounts } | null;
  indicators?: (SessionIndicators & { l: AttendanceLabels }) | null;
  /** The agenda as planned and as run (issue 16, item 4); null without a plan or when left out. */
  plan?: PlanReport | null;
  /** The evaluation round (issue 16, item 2); null without one or when left out. */
  evaluation?: EvaluationReport | null;
}

export function sessionSections(s: SessionState, opts: SectionOptions): SessionSections {
  const sections = opts.sections ?? ALL_SECTIONS;
  const partners = opts.partners ?? NO_PARTNERS;
  const l = ATTENDANCE_LABELS[s.language];
  return {
    attendance: sections.attendance ? { l, counts: attendanceList(s, partners).counts } : null,
    indicators: sections.indicators ? { l, ...sessionIndicators(s, partners) } : null,
    plan: sections.plan ? planReport(s) : null,
    evaluation: sections.evaluation ? evaluationReport(s) : null,
  };
}

export function programmeSections(
  states: SessionState[],
  language: keyof typeof ATTENDANCE_LABELS,
  opts: SectionOptions,
): { indicators: (ProgrammeIndicators & { l: AttendanceLabels }) | null; evaluationTrend: EvaluationTrendReport | null } {
  const sections = opts.sections ?? ALL_SECTIONS;
  return {
    indicators: sections.indicators ? { l: ATTENDANCE_LABELS[language], ...programmeIndicators(states, opts.partners ?? NO_PARTNERS) } : null,
    evaluationTrend: sections.evaluation ? evaluationTrendReport(states, language) : null,
  };
}
