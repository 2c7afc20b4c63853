import type { CommandOf } from '../../protocol/commands.js';
import type { EventOf } from '../../protocol/events.js';
import { sanitizeText } from '../../schemas/primitives.js';
import type { SessionState } from '../../schemas/session.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { EMPTY_PLAN, PLAN_LIMITS, type PlanBlock } from '../plan.js';

/**
 * `plan.set`: the whole list of blocks, in order (adding, removing, reordering and editing are all one command, so
 * two facilitators editing at once each send a complete plan and the later one wins as a whole). Blocks keep their
 * ids; a block that already ran cannot be removed, because the report shows what happened in it.
 */
export function decidePlanSet(s: SessionState, c: CommandOf<'plan.set'>, ctx: DomainContext): Decision {
  const plan = s.plan ?? EMPTY_PLAN;
  const known = new Set(plan.blocks.map((b) => b.id));
  const prompts = new Set(s.prompts.map((p) => p.id));
  const blocks: PlanBlock[] = c.blocks.map((input) => {
    if (input.id !== undefined && !known.has(input.id)) reject('not_found', `No block ${input.id} in this plan`);
    if (input.kind === 'breakout') for (const pid of input.promptIds ?? []) if (!prompts.has(pid)) reject('not_found', `No prompt ${pid} in this session`);
    return { ...input, id: input.id ?? ctx.newId() };
  });
  const ids = blocks.map((b) => b.id);
  if (new Set(ids).size !== ids.length) reject('invalid', 'A block appears twice in the plan');
  const kept = new Set(ids);
  for (const run of plan.runs) if (!kept.has(run.blockId)) reject('conflict', 'A block that already ran cannot be removed from the plan');
  return { events: [{ type: 'plan.set', blocks }], result: { blockIds: ids } };
}

/** `plan.step`: starts a block (ending the current one), or with null ends the current block and so the plan. */
export function decidePlanStep(s: SessionState, c: CommandOf<'plan.step'>): Decision {
  const plan = s.plan ?? reject('conflict', 'Lay out a plan first');
  if (c.blockId === plan.currentId) return { events: [] };
  if (c.blockId !== null && !plan.blocks.some((b) => b.id === c.blockId)) reject('not_found', `No block ${c.blockId} in this plan`);
  if (c.blockId !== null && plan.runs.length >= PLAN_LIMITS.runs) reject('conflict', `A plan can be stepped through at most ${PLAN_LIMITS.runs} times`);
  return { events: [{ type: 'plan.stepped', blockId: c.blockId }] };
}

/**
 * An imported plan event, checked as a live command would have been (see imported.ts, which calls this for
 * `plan.set` and `plan.stepped`): titles within limits and as the text rule keeps them, block ids unique, a block that
 * ran still in the plan, a step only to a known block.
 */
export function checkImportedPlanEvent(s: SessionState, e: EventOf<'plan.set' | 'plan.stepped'>): void {
  const plan = s.plan ?? EMPTY_PLAN;
  if (e.type === 'plan.set') {
    const ids = e.blocks.map((b) => b.id);
    if (new Set(ids).size !== ids.length) reject('invalid', 'a plan with a block twice');
    for (const b of e.blocks)
      if (b.title !== null && (b.title.trim() === '' || sanitizeText(b.title) !== b.title)) reject('invalid', 'a plan block title the app does not keep');
    for (const run of plan.runs) if (!ids.includes(run.blockId)) reject('invalid', 'a plan that dropped a block that ran');
    return;
  }
  if (!s.plan) reject('invalid', 'a plan step before any plan');
  if (e.blockId !== null && !plan.blocks.some((b) => b.id === e.blockId)) reject('invalid', `a step to unknown block ${e.blockId}`);
  if (e.blockId !== null && plan.runs.length >= PLAN_LIMITS.runs) reject('invalid', 'a plan stepped through too often');
}
