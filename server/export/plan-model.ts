import type { PlanBlock } from '../../shared/domain/plan.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { PLAN_LABELS, type PlanLabels } from './plan-i18n.js';

/** One time a block ran, with what happened in it. */
export interface PlanRunReport {
  /** HH:MM (UTC). */
  start: string;
  end: string | null;
  minutes: number | null;
  /** Participants who had joined by the end of the run (nobody leaves the log, so "present" is "had joined"). */
  people: number;
  /** Answers written between its start and end (and still there). */
  answers: number;
}

export interface PlanBlockReport {
  number: number;
  title: string;
  /** What was planned, in words: "Breakout round · 20 min · new faces". */
  planned: string;
  plannedMinutes: number;
  runs: PlanRunReport[];
}

export interface PlanReport {
  l: PlanLabels;
  blocks: PlanBlockReport[];
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const minutes = (seconds: number) => Math.round(seconds / 60);

/**
 * The agenda as planned and as run, derived from the plan's runs and the session: people and answers per run are
 * counted from the state at export time, between the run's start and end. Null without a plan.
 */
export function planReport(s: SessionState): PlanReport | null {
  const plan = s.plan;
  if (!plan || plan.blocks.length === 0) return null;
  const l = PLAN_LABELS[s.language];
  const people = Object.values(s.participants).map((p) => p.joinedAt);
  const answers = Object.values(s.answers).map((a) => a.createdAt);
  return {
    l,
    blocks: plan.blocks.map((block, i) => ({
      number: i + 1,
      title: block.title ?? l.kinds[block.kind],
      planned: plannedText(l, block),
      plannedMinutes: minutes(block.durationSeconds),
      runs: plan.runs
        .filter((r) => r.blockId === block.id)
        .map((r) => {
          const until = r.endedAt ?? Number.POSITIVE_INFINITY;
          return {
            start: hhmm(r.startedAt),
            end: r.endedAt === null ? null : hhmm(r.endedAt),
            minutes: r.endedAt === null ? null : Math.round((r.endedAt - r.startedAt) / 60_000),
            people: people.filter((at) => at <= until).length,
            answers: answers.filter((at) => at >= r.startedAt && at < until).length,
          };
        }),
    })),
  };
}

function plannedText(l: PlanLabels, b: PlanBlock): string {
  const parts = [l.kinds[b.kind], `${minutes(b.durationSeconds)} ${l.min}`];
  if (b.kind === 'breakout') parts.push(l.groupings[b.grouping], ...(b.jigsaw ? [l.jigsaw] : []));
  if (b.kind === 'voting') parts.push(`${b.votesPerParticipant} ${l.votes}`);
  if (b.kind === 'synthesis' && b.publish) parts.push(l.published);
  return parts.join(' · ');
}

/** The rows of the agenda table, one per run (a block never run is one row saying so): the same for every format. */
export function planRows(r: PlanReport): string[][] {
  const { l } = r;
  return r.blocks.flatMap((b) => {
    const head = [String(b.number), b.title, b.planned];
    if (b.runs.length === 0) return [[...head, l.notRun, '', '', '', '']];
    return b.runs.map((run, i) => [
      ...(i === 0 ? head : ['', '', '']),
      run.start,
      run.end ?? l.running,
      run.minutes === null ? '' : `${run.minutes} ${l.min}`,
      String(run.people),
      String(run.answers),
    ]);
  });
}

export const planHeader = (l: PlanLabels) => ['#', l.block, l.planned, l.start, l.end, l.duration, l.people, l.answers];
