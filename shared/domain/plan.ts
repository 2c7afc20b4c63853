import { z } from 'zod';
import type { GroupingMode } from '../protocol/commands.js';
import { Id, LIMITS, optionalText } from '../schemas/primitives.js';

/**
 * The session plan (issue 16, item 4): the blocks a facilitator lays out before the session, and when each one
 * actually ran. The plan is a script, not a lock: every block's action goes through the existing commands, and the
 * facilitator can still do anything by hand. What happened in a block (people, answers) is derived from the session
 * between its start and end, not copied here.
 */
export const PLAN_LIMITS = {
  blocks: 30,
  blockTitle: 120,
  /** Each step starts a run; a plan stepped back and forth hundreds of times is a script gone wrong, not a session. */
  runs: 200,
} as const;

export const BLOCK_KINDS = ['plenary', 'breakout', 'synthesis', 'voting', 'evaluation'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** The grouping modes of `groups.form`, plus `merge` (groups.merge: 1+2, 3+4…). Kept local: commands.ts imports this file. */
export const PLAN_GROUPINGS = ['random', 'mixed', 'new-faces', 'same', 'merge'] as const;
export type PlanGrouping = (typeof PLAN_GROUPINGS)[number];
// A grouping mode added to groups.form must be added here too (compile error otherwise).
const _sameModes: Exclude<PlanGrouping, 'merge'> extends GroupingMode ? (GroupingMode extends Exclude<PlanGrouping, 'merge'> ? true : never) : never = true;
void _sameModes;

const duration = z.number().int().min(LIMITS.roundSeconds.min).max(LIMITS.roundSeconds.max);
const sizing = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('count'), count: z.number().int().min(1).max(LIMITS.groupCount) }),
  z.strictObject({ by: z.literal('size'), size: z.number().int().min(1).max(1000) }),
]);

/**
 * The block kinds, one shape per kind, built twice: for commands (ids may be missing, titles are cleaned and
 * trimmed, unknown keys refused) and as stored in events and state (ids given, text as it was kept).
 */
function blockUnion<I extends z.ZodType, T extends z.ZodType>(id: I, title: T) {
  const base = { id, title, durationSeconds: duration };
  return z.discriminatedUnion('kind', [
    /** Welcome, presentation, plenary discussion: the room together. */
    z.strictObject({ kind: z.literal('plenary'), ...base }),
    /** A breakout round: how to group, which prompts, how long. */
    z.strictObject({
      kind: z.literal('breakout'),
      ...base,
      grouping: z.enum(PLAN_GROUPINGS),
      sizing: sizing.nullable(),
      /** The prompts every group works on; null: all of them. */
      promptIds: z.array(Id).min(1).max(LIMITS.prompts).nullable(),
      /** Deal those prompts out across the groups instead (one or a few per group). */
      jigsaw: z.boolean(),
    }),
    /** Run the synthesis, and show it to everyone if `publish`. */
    z.strictObject({ kind: z.literal('synthesis'), ...base, publish: z.boolean() }),
    /** Dot-voting on the published themes. */
    z.strictObject({ kind: z.literal('voting'), ...base, votesPerParticipant: z.number().int().min(1).max(LIMITS.votesPerParticipant) }),
    /** The evaluation round at the end. */
    z.strictObject({ kind: z.literal('evaluation'), ...base }),
  ]);
}

export const PlanBlockInput = blockUnion(Id.optional(), optionalText(PLAN_LIMITS.blockTitle));
export type PlanBlockInput = z.input<typeof PlanBlockInput>;
export const PlanBlock = blockUnion(Id, z.string().max(PLAN_LIMITS.blockTitle).nullable());
export type PlanBlock = z.infer<typeof PlanBlock>;
export type PlanBlockOf<K extends BlockKind> = Extract<PlanBlock, { kind: K }>;

/** One time a block ran: started by a step, ended by the next step (or by the step that ends the plan). */
export const PlanRun = z.object({ blockId: Id, startedAt: z.number(), endedAt: z.number().nullable() });
export type PlanRun = z.infer<typeof PlanRun>;

export const Plan = z.object({
  blocks: z.array(PlanBlock).max(PLAN_LIMITS.blocks),
  /** The block running now; null before the first step and after the last. */
  currentId: Id.nullable(),
  runs: z.array(PlanRun).max(PLAN_LIMITS.runs),
});
export type Plan = z.infer<typeof Plan>;

export const EMPTY_PLAN: Plan = { blocks: [], currentId: null, runs: [] };

/** The block running now, if any. */
export function currentBlock(plan: Plan | null | undefined): PlanBlock | null {
  return plan?.currentId ? (plan.blocks.find((b) => b.id === plan.currentId) ?? null) : null;
}

/**
 * The block the console offers next: the one after the current block, or, before the first step, the first block
 * that never ran. Null at the end of the plan.
 */
export function nextBlock(plan: Plan | null | undefined): PlanBlock | null {
  if (!plan || plan.blocks.length === 0) return null;
  if (plan.currentId) {
    const i = plan.blocks.findIndex((b) => b.id === plan.currentId);
    return plan.blocks[i + 1] ?? null;
  }
  const ran = new Set(plan.runs.map((r) => r.blockId));
  return plan.blocks.find((b) => !ran.has(b.id)) ?? null;
}

/** The plan after a step: the current run ends at `at`, the new block (if any) starts. */
export function stepPlan(plan: Plan, blockId: string | null, at: number): Plan {
  const runs = plan.runs.map((r) => (r.endedAt === null ? { ...r, endedAt: at } : r));
  if (blockId) runs.push({ blockId, startedAt: at, endedAt: null });
  return { ...plan, currentId: blockId, runs };
}

/** What a participant's view holds of the plan: nothing (see projection.ts). */
export function withoutPlan<S extends { plan?: Plan }>(s: S): Omit<S, 'plan'> {
  if (s.plan === undefined) return s;
  const { plan: _plan, ...rest } = s;
  return rest;
}
