import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, SessionEvent } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { Ownership } from '../../../shared/domain/ownership.js';
import { seededRandom } from '../../../shared/domain/random.js';
import { EMPTY_STATE, applyAll, applyOwned } from '../../../shared/domain/reducer.js';
import { frozenCopy } from '../../../server/sessions/frozen-copy.js';
import { participantJoined } from '../../support/sample-events.js';
import { DomainHarness, FAC, asP } from '../domain/harness.js';

/** A room in a round, grouped and voting, as the domain makes it; its log to build on. */
function room(): { log: EventEnvelope[]; groupIds: string[]; people: string[] } {
  const h = new DomainHarness();
  const people = Array.from({ length: 24 }, (_, i) => `p${i}`);
  for (const id of people) h.join(id, `org${people.indexOf(id) % 5}`);
  h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 4 } });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  for (const p of people.slice(0, 8)) h.run(asP(p), { type: 'answer.add', promptId: 'p1', text: `idea of ${p}` });
  h.run(FAC, { type: 'round.end' });
  h.run(FAC, { type: 'synthesis.publish', published: true });
  h.run(FAC, { type: 'votes.open', votesPerParticipant: 3 });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  return { log: h.log, groupIds: h.state.groupOrder, people };
}

describe('frozenCopy', () => {
  it('is exactly the state at its seq, though events went on being applied in place while it was made', async () => {
    const { log, groupIds, people } = room();
    const rnd = seededRandom(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const answerIds: string[] = [];
    const event = (): SessionEvent => {
      const r = rnd();
      if (r < 0.5 || answerIds.length === 0) {
        const id = `a${log.length}`;
        answerIds.push(id);
        return {
          type: 'answer.added',
          answer: { id, promptId: 'p1', groupId: pick(groupIds), authorId: null, text: id, round: 2, createdAt: 0, updatedAt: 0 },
        };
      }
      if (r < 0.65) return { type: 'answer.edited', answerId: pick(answerIds), groupId: groupIds[0], text: `edited ${log.length}` };
      if (r < 0.75) {
        const [id] = answerIds.splice(Math.floor(rnd() * answerIds.length), 1);
        return { type: 'answer.deleted', answerId: id, groupId: groupIds[0] };
      }
      if (r < 0.85) return { type: 'participant.moved', participantId: pick(people), groupId: pick(groupIds) };
      if (r < 0.9) return participantJoined(`late${log.length}`);
      return { type: 'group.signalled', groupId: pick(groupIds), help: rnd() < 0.5 };
    };
    const owner = new Ownership();
    let live: SessionState = EMPTY_STATE;
    for (const e of log) live = applyOwned(live, e, owner);
    const more = (n: number) => {
      for (let i = 0; i < n; i++) {
        const e = { seq: log.length + 1, at: log.length, event: event() };
        log.push(e);
        live = applyOwned(live, e, owner);
      }
    };
    // Big enough that copying takes several turns of the loop.
    more(60_000);

    const seqAtStart = live.seq;
    let writing = true;
    let turnsWritten = 0;
    const writer = (async () => {
      while (writing) {
        more(5);
        turnsWritten++;
        await nextTurn();
      }
    })();
    const frozen = await frozenCopy(() => live);
    writing = false;
    await writer;

    expect(frozen).not.toBeNull();
    // Events were applied in place while the copy was made, before and after its seq.
    expect(turnsWritten).toBeGreaterThan(2);
    expect(frozen!.seq).toBeGreaterThan(seqAtStart);
    const truth = applyAll(EMPTY_STATE, log.slice(0, frozen!.seq));
    expect(frozen).toEqual(truth);
    // And nothing applied later reaches it.
    more(500);
    expect(frozen).toEqual(truth);
  }, 120_000);
});
