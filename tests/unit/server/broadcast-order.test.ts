import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { BroadcastOrder } from '../../../server/socket/broadcast-order.js';

const state = {} as SessionState;
const env = (seq: number): EventEnvelope => ({ seq, at: 0, event: { type: 'session.closed' } as EventEnvelope['event'] });

function setup(waitMs = 500) {
  const sent: number[] = [];
  const announced: number[] = [];
  const order = new BroadcastOrder(
    (_sid, envelopes) => sent.push(...envelopes.map((e) => e.seq)),
    (_sid, seq) => announced.push(seq),
    () => true,
    waitMs,
  );
  return { order, sent, announced };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BroadcastOrder', () => {
  it('sends at once when the seq before was sent here, and announces it', () => {
    const { order, sent, announced } = setup();
    order.committed('s', [env(1), env(2)], state);
    order.committed('s', [env(3)], state);
    expect(sent).toEqual([1, 2, 3]);
    expect(announced).toEqual([2, 3]);
  });

  it("holds a commit until another node announces its predecessor's broadcast", () => {
    const { order, sent } = setup();
    order.committed('s', [env(10)], state);
    order.committed('s', [env(13)], state); // 11 and 12 were committed by another node
    expect(sent).toEqual([10]);
    order.announced('s', 11);
    expect(sent).toEqual([10]);
    order.announced('s', 12);
    expect(sent).toEqual([10, 13]);
  });

  it('sends held commits in seq order, whatever order they committed in', () => {
    const { order, sent } = setup();
    order.committed('s', [env(1)], state);
    order.committed('s', [env(4)], state);
    order.committed('s', [env(3)], state);
    order.announced('s', 2);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('gives up waiting for a predecessor that never comes (its node died), still in order', () => {
    vi.useFakeTimers();
    const { order, sent } = setup(500);
    order.committed('s', [env(1)], state);
    order.committed('s', [env(3)], state);
    order.committed('s', [env(4)], state);
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('keeps sessions apart and sends what is held when a session unloads', () => {
    const { order, sent } = setup();
    order.committed('a', [env(1)], state);
    order.committed('a', [env(3)], state);
    order.committed('b', [env(7)], state);
    expect(sent).toEqual([1, 7]);
    order.forget('a');
    expect(sent).toEqual([1, 7, 3]);
    // Forgotten: its next commit goes at once, as for a session just loaded.
    order.committed('a', [env(9)], state);
    expect(sent).toEqual([1, 7, 3, 9]);
  });
});
