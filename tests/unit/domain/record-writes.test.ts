import { describe, expect, it } from 'vitest';
import type { EventEnvelope, SessionEvent } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { decideJoinRequest } from '../../../shared/domain/decide/entry.js';
import { DomainError } from '../../../shared/domain/context.js';
import { Ownership } from '../../../shared/domain/ownership.js';
import { seededRandom } from '../../../shared/domain/random.js';
import { recordSize } from '../../../shared/domain/record-writes.js';
import { EMPTY_STATE, apply, applyOwned } from '../../../shared/domain/reducer.js';
import { participantJoined, sessionCreated } from '../../support/sample-events.js';
const added = (id: string): SessionEvent => ({
  type: 'answer.added',
  answer: { id, promptId: 'p1', groupId: 'g1', authorId: null, text: id, round: 1, createdAt: 0, updatedAt: 0 },
});

/** A random session: joins, answers, edits and deletions, some ids repeated (a replayed join replaces, adds nothing). */
function randomEvents(seed: number, n: number): SessionEvent[] {
  const rnd = seededRandom(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const events: SessionEvent[] = [sessionCreated];
  const live: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.3) events.push(participantJoined(`p${pick(n / 2)}`));
    else if (r < 0.7) {
      const id = `a${pick(n)}`;
      events.push(added(id));
      if (!live.includes(id)) live.push(id);
    } else if (r < 0.85 && live.length) events.push({ type: 'answer.edited', answerId: live[pick(live.length)], groupId: 'g1', text: 'edited' });
    else if (live.length) {
      const [id] = live.splice(pick(live.length), 1);
      events.push({ type: 'answer.deleted', answerId: id, groupId: 'g1' });
    }
  }
  return events;
}

const envelopes = (events: SessionEvent[]): EventEnvelope[] => events.map((event, i) => ({ seq: i + 1, at: 0, event }));

describe('recordSize: the number of entries of a session record, kept by the reducer', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`equals a count of the keys after every event, in place (with readers releasing) and pure (seed ${seed})`, () => {
      const rnd = seededRandom(seed * 7);
      const owner = new Ownership();
      let inPlace: SessionState = EMPTY_STATE;
      let pure: SessionState = EMPTY_STATE;
      for (const e of envelopes(randomEvents(seed, 400))) {
        inPlace = applyOwned(inPlace, e, owner);
        pure = apply(pure, e);
        // A reader now and then: the next write copies, and the copy's count must follow.
        if (rnd() < 0.1) owner.release();
        // Asked at random moments, so counts are known for some stretches and made afresh for others.
        if (rnd() < 0.5) {
          for (const s of [inPlace, pure]) {
            expect(recordSize(s.participants)).toBe(Object.keys(s.participants).length);
            expect(recordSize(s.answers)).toBe(Object.keys(s.answers).length);
          }
        }
      }
      expect(recordSize(inPlace.answers)).toBe(Object.keys(inPlace.answers).length);
      expect(recordSize(pure.participants)).toBe(Object.keys(pure.participants).length);
    });
  }

  it('a full session still refuses the next person, on a state written in place', () => {
    const owner = new Ownership();
    let s = applyOwned(EMPTY_STATE, { seq: 1, at: 0, event: sessionCreated }, owner);
    const ctx = { actor: { role: 'system' as const }, now: 0, newId: () => 'x', random: seededRandom(1) };
    const input = (id: string) => ({ participantId: id, name: id, organisation: 'o', country: 'c' });
    for (let i = 0; i < 3; i++) {
      const d = decideJoinRequest(s, input(`p${i}`), ctx, 3);
      s = applyOwned(s, { seq: s.seq + 1, at: 0, event: d.events[0] }, owner);
    }
    expect(() => decideJoinRequest(s, input('p3'), ctx, 3)).toThrow(DomainError);
    // Someone already in may come back (a retried join).
    expect(decideJoinRequest(s, input('p1'), ctx, 3).events).toEqual([]);
  });
});
