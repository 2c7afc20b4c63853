import type { PlanBlock } from '../../../shared/domain/plan.js';
import type { EvaluationQuestions } from '../../../shared/domain/evaluation.js';
import type { Ack } from '../../../shared/protocol/acks.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { blockStages, type CommandCall, endRound, type Stage } from './actions.js';

/** What running a block needs: a way to send a command, the session as this client holds it, and a wait for a seq. */
export interface PlanDriver {
  send(c: CommandCall): Promise<Ack>;
  state(): SessionState | null;
  /** Resolves once the client's state holds the event with this seq (the next stage must see what the last did). */
  waitForSeq(seq: number): Promise<void>;
  /** The programme's own evaluation questions, if any (an evaluation block opens with them). */
  evaluationQuestions?(): Promise<EvaluationQuestions | null>;
}

/**
 * Runs a block: ends a running round (so the answers of its last minute belong to the block before), marks the
 * step in the plan, then sends the block's commands one by one. Stops at the first refusal and answers it: the
 * block is marked started, and the facilitator finishes by hand (a missing split for "same as last round", say).
 * `actions: false` only marks the step (the facilitator already did it by hand, or wants to).
 */
export async function runBlock(block: PlanBlock | null, driver: PlanDriver, actions = true): Promise<Ack | null> {
  const context = block?.kind === 'evaluation' && actions ? { evaluationQuestions: await driver.evaluationQuestions?.() } : {};
  const stages: Stage[] = [
    ...(actions ? [endRound] : []),
    () => ({ type: 'plan.step', payload: { blockId: block?.id ?? null } }),
    ...(actions && block ? blockStages(block, context) : []),
  ];
  for (const stage of stages) {
    const s = driver.state();
    if (!s) return { ok: false, error: { code: 'unauthorised', message: 'not connected' } };
    const command = stage(s);
    if (!command) continue;
    const ack = await driver.send(command);
    if (!ack.ok) return ack;
    await driver.waitForSeq(ack.seq);
  }
  return null;
}
