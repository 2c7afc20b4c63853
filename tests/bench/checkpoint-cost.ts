import { setImmediate as nextTurn } from 'node:timers/promises';
import { Ownership } from '../../shared/domain/ownership.js';
import { EMPTY_STATE, applyOwned } from '../../shared/domain/reducer.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { frozenCopy } from '../../server/sessions/frozen-copy.js';
import { sessionCreated } from '../support/sample-events.js';
import { now } from './stats.js';

export interface CheckpointCost {
  answers: number;
  /** The answer after the state was handed out (released): it copies the whole answers record. */
  afterReleaseMs: number;
  /** The longest loop turn while the checkpoint's copy is made, an answer applied in each turn. */
  longestTurnMs: number;
  /** The answer after the copy is made. */
  afterCopyMs: number;
}

/**
 * What a checkpoint costs the event loop at each session size: the answer right after the state is released (how
 * checkpoints worked before frozenCopy), against the longest turn while frozenCopy runs and the answer after it.
 */
export async function checkpointCost(sizes: number[]): Promise<CheckpointCost[]> {
  const out: CheckpointCost[] = [];
  for (const size of sizes) {
    const owner = new Ownership();
    let seq = 1;
    let live: SessionState = applyOwned(EMPTY_STATE, { seq, at: 0, event: sessionCreated }, owner);
    const add = () => {
      seq += 1;
      const answer = {
        id: `a${seq}`,
        promptId: 'p1',
        groupId: 'g1',
        authorId: null,
        text: 'An answer of a typical length, about one line.',
        round: 1,
        createdAt: seq,
        updatedAt: seq,
      };
      live = applyOwned(live, { seq, at: seq, event: { type: 'answer.added', answer } }, owner);
    };
    for (let i = 0; i < size; i++) add();
    let done = false;
    const copied = frozenCopy(() => live).then(() => (done = true));
    let longestTurnMs = 0;
    let t: number;
    while (!done) {
      t = now();
      add();
      await nextTurn();
      longestTurnMs = Math.max(longestTurnMs, now() - t);
    }
    await copied;
    t = now();
    add();
    const afterCopyMs = now() - t;
    owner.release();
    t = now();
    add();
    const afterReleaseMs = now() - t;
    out.push({ answers: size, afterReleaseMs, longestTurnMs, afterCopyMs });
  }
  return out;
}
