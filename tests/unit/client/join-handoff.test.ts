import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Handoff, listenEarly, offerHandoff, takeHandoff } from '../../../client/join-handoff.js';
import type { AppClientSocket } from '../../../client/socket.js';
import type { EventEnvelope } from '../../../shared/protocol/events.js';

/** Just what the handoff uses of a Socket.IO client socket: its events, whether it is connected, close. */
class FakeSocket extends EventEmitter {
  connected = true;
  closed = false;
  close(): void {
    this.closed = true;
    this.connected = false;
  }
}

const envelope = (seq: number) => ({ seq, at: seq, event: { type: 'round.ended' } }) as unknown as EventEnvelope;
const attached = { seq: 3, result: { role: 'participant', participantId: 'p1', catchUp: { kind: 'events', events: [] }, serverNow: 0 } } as Handoff['attached'];

function joined(sessionId: string, token: string) {
  const fake = new FakeSocket();
  const socket = fake as unknown as AppClientSocket;
  const listening = listenEarly(socket);
  return {
    fake,
    socket,
    listening,
    offer: () => offerHandoff(sessionId, token, { socket, attached, sentAt: 0, answeredAt: 0, early: listening.early }, listening),
  };
}

afterEach(() => vi.useRealTimers());

describe("a join's socket handed to the session's page (client/join-handoff.ts)", () => {
  it('keeps what the socket heard meanwhile, in order, and hands it over once, to the same person only', () => {
    const j = joined('s1', 'token-a');
    j.fake.emit('event', envelope(4));
    j.offer();
    j.fake.emit('slice', { seq: 5 });
    j.fake.emit('event', envelope(6));
    expect(takeHandoff('s1', 'token-b')).toBeNull();
    const h = takeHandoff('s1', 'token-a');
    expect(h?.socket).toBe(j.socket);
    expect(h?.early.map((m) => (m.kind === 'event' ? m.envelope.seq : m.slice.seq))).toEqual([4, 5, 6]);
    // Taken: the page listens itself from now on, and nobody else gets it.
    expect(j.fake.listenerCount('event')).toBe(0);
    expect(takeHandoff('s1', 'token-a')).toBeNull();
    expect(j.fake.closed).toBe(false);
  });

  it('a socket that dropped in between is not handed over: it is closed, and the page attaches on its own', () => {
    const j = joined('s2', 'token');
    j.offer();
    j.fake.emit('disconnect');
    // Socket.IO reconnects by itself, but into no room: what it heard has a gap.
    j.fake.connected = true;
    expect(takeHandoff('s2', 'token')).toBeNull();
    expect(j.fake.closed).toBe(true);
  });

  it('a socket nobody takes is closed after a while, and a newer join replaces an older one', () => {
    vi.useFakeTimers();
    const older = joined('s3', 'token');
    older.offer();
    const newer = joined('s3', 'token');
    newer.offer();
    expect(older.fake.closed).toBe(true);
    vi.advanceTimersByTime(31_000);
    expect(newer.fake.closed).toBe(true);
    expect(takeHandoff('s3', 'token')).toBeNull();
  });
});
