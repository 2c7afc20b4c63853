import type { GroupSlice } from '../shared/domain/projection.js';
import type { EventEnvelope } from '../shared/protocol/events.js';
import type { JoinResult } from '../shared/protocol/socket-events.js';
import type { AppClientSocket } from './socket.js';

/** What a session's socket hears besides acks: committed events, and its group's slice after a regrouping. */
export type Incoming = { kind: 'event'; envelope: EventEnvelope } | { kind: 'slice'; slice: GroupSlice };

/**
 * A join answers with the person's first view and leaves its socket attached (server/socket/handlers/join.ts), so
 * the session's page takes that socket over instead of opening another and attaching again: one connection and
 * one round trip per person, not two of each. What the socket hears meanwhile is kept and replayed in order.
 */
export interface Handoff {
  socket: AppClientSocket;
  attached: NonNullable<JoinResult['attached']>;
  /** When the join was sent and answered: the clock estimate takes half the round trip, not the wait for the page. */
  sentAt: number;
  answeredAt: number;
  /** Events and slices heard since the join was sent, oldest first. */
  early: Incoming[];
}

/** A socket nobody takes within this time is closed; the page then opens its own and attaches. */
const UNCLAIMED_MS = 30_000;

interface Offered {
  handoff: Handoff;
  token: string;
  /** False once the socket dropped: a reconnected socket is in no room and its early events have a gap. */
  intact: () => boolean;
  stop: () => void;
  timer: ReturnType<typeof setTimeout>;
}

const offered = new Map<string, Offered>();

/** Starts keeping what a joining socket hears, before its join is sent. `stop` ends it (and forgets the socket's fate). */
export function listenEarly(socket: AppClientSocket): { early: Incoming[]; intact: () => boolean; stop: () => void } {
  const early: Incoming[] = [];
  let intact = true;
  const onEvent = (envelope: EventEnvelope) => early.push({ kind: 'event', envelope });
  const onSlice = (slice: GroupSlice) => early.push({ kind: 'slice', slice });
  const onDisconnect = () => (intact = false);
  socket.on('event', onEvent);
  socket.on('slice', onSlice);
  socket.on('disconnect', onDisconnect);
  return {
    early,
    intact: () => intact && socket.connected,
    stop: () => {
      socket.off('event', onEvent);
      socket.off('slice', onSlice);
      socket.off('disconnect', onDisconnect);
    },
  };
}

/** Offers a joined socket to the session's page, for the person holding `token`. */
export function offerHandoff(sessionId: string, token: string, handoff: Handoff, listening: ReturnType<typeof listenEarly>): void {
  drop(sessionId);
  const timer = setTimeout(() => drop(sessionId), UNCLAIMED_MS);
  offered.set(sessionId, { handoff, token, intact: listening.intact, stop: listening.stop, timer });
}

/** The joined socket for this session and person, if one is waiting and still attached; it is the caller's from now on. */
export function takeHandoff(sessionId: string, token: string): Handoff | null {
  const o = offered.get(sessionId);
  if (!o || o.token !== token) return null;
  offered.delete(sessionId);
  clearTimeout(o.timer);
  o.stop();
  if (o.intact()) return o.handoff;
  o.handoff.socket.close();
  return null;
}

function drop(sessionId: string): void {
  const o = offered.get(sessionId);
  if (!o) return;
  offered.delete(sessionId);
  clearTimeout(o.timer);
  o.stop();
  o.handoff.socket.close();
}
