import type { EventEnvelope, SessionEvent } from '../../shared/protocol/events.js';
import type { SessionState } from '../../shared/schemas/session.js';
import {
  type Audience,
  audienceOf,
  eventForFacilitators,
  eventForParticipants,
  indexAnswers,
  readersWithOwnVersion,
  sliceFor,
  votesSeenBy,
} from '../../shared/domain/projection.js';
import type { AppServer } from './context.js';
import { facilitatorsRoom, groupRoom, participantRoom, sessionRoom } from './rooms.js';

type Regrouping = Extract<SessionEvent, { type: 'groups.formed' | 'groups.merged' | 'participant.moved' }>;

/** Sends committed events to the rooms that may see them (across nodes when a Redis adapter is set). */
export function createBroadcaster(io: AppServer) {
  const vacated = new VacatedRooms();
  return (sessionId: string, envelopes: EventEnvelope[], state: SessionState): void => {
    for (const envelope of envelopes) {
      const e = envelope.event;
      const regrouping = e.type === 'groups.formed' || e.type === 'groups.merged' || e.type === 'participant.moved';
      // Sockets change rooms before this event and every later one is sent, so the next answer in a new group
      // already reaches its new members and no longer reaches those who left.
      const concerned = regrouping ? moveSockets(io, sessionId, e, state, vacated) : [];
      emitEvent(io, sessionId, envelope, state);
      if (concerned.length) sendSlices(io, sessionId, envelope.seq, concerned, state);
    }
  };
}

/**
 * Facilitators get the event as it is; participants get it as eventForParticipants makes it for them. Most events
 * read the same for every participant; a vote, an anonymous answer and the synthesis with its dots read differently
 * for the voter or author (readersWithOwnVersion), who get theirs in their own room, everyone else the common one.
 */
function emitEvent(io: AppServer, sessionId: string, envelope: EventEnvelope, state: SessionState): void {
  const e = envelope.event;
  const audience = audienceOf(state, e);
  const forParticipants = eventForParticipants(state, e);
  const own = readersWithOwnVersion(state, e).filter((pid) => mayReceive(state, audience, pid));
  const ownRooms = own.map((pid) => participantRoom(sessionId, pid));
  const rooms = audience.kind === 'everyone' ? [sessionRoom(sessionId)] : audience.groupIds.map((gid) => groupRoom(sessionId, gid));
  if (forParticipants === e && own.length === 0) {
    io.to([facilitatorsRoom(sessionId), ...rooms]).emit('event', envelope);
    return;
  }
  // Not the fast path's envelope: an event may name someone facilitators must not learn (who answered the evaluation).
  io.to(facilitatorsRoom(sessionId)).emit('event', { ...envelope, event: eventForFacilitators(e) });
  if (rooms.length)
    io.to(rooms)
      .except([facilitatorsRoom(sessionId), ...ownRooms])
      .emit('event', { ...envelope, event: forParticipants });
  for (const pid of own)
    io.to(participantRoom(sessionId, pid))
      .except(facilitatorsRoom(sessionId))
      .emit('event', { ...envelope, event: versionFor(state, e, forParticipants, pid) });
}

/** One voter's version; for a whole synthesis only the dots differ from the common one (the document is shared). */
function versionFor(state: SessionState, e: SessionEvent, common: SessionEvent, participantId: string): SessionEvent {
  if (e.type === 'synthesis.updated' && e.synthesis && common.type === 'synthesis.updated' && common.synthesis) {
    return { ...common, synthesis: { ...common.synthesis, votes: votesSeenBy(e.synthesis.votes, participantId) } };
  }
  return eventForParticipants(state, e, participantId);
}

/** Whether a participant is among the event's audience (their own version goes to their room only then). */
function mayReceive(state: SessionState, audience: Audience, participantId: string): boolean {
  if (!Object.hasOwn(state.participants, participantId)) return false;
  if (audience.kind === 'everyone') return true;
  const gid = state.participants[participantId].groupId;
  return gid !== null && audience.groupIds.includes(gid);
}

/**
 * Moves the sockets of everyone whose group changed, on every node: `io.in(room).socketsJoin/socketsLeave`
 * go through the adapter (the Redis stream, in order with the broadcasts), addressed by each participant's
 * own room, which every attached participant socket is in. Returns the participants whose view changed.
 * Rooms are taken from the event itself (the state may already hold later, pipelined events).
 */
function moveSockets(io: AppServer, sessionId: string, e: Regrouping, state: SessionState, vacated: VacatedRooms): string[] {
  if (e.type === 'participant.moved') {
    const others = state.groupOrder.filter((id) => id !== e.groupId).map((id) => groupRoom(sessionId, id));
    const own = io.in(participantRoom(sessionId, e.participantId));
    if (others.length) own.socketsLeave(others);
    own.socketsJoin(groupRoom(sessionId, e.groupId));
    // The new group-mates need the newcomer's name; the old ones drop it themselves (the event says who left).
    const mates = (state.groups[e.groupId]?.memberIds ?? []).filter((id) => id !== e.participantId);
    return [e.participantId, ...mates];
  }
  // A split or a merge archives the current groups: empty their rooms on every node, once.
  const current = new Set(e.groups.map((g) => g.id));
  for (const [id, g] of Object.entries(state.groups)) {
    if (current.has(id) || !g.archived || !vacated.add(sessionId, id)) continue;
    const room = groupRoom(sessionId, id);
    io.in(room).socketsLeave(room);
  }
  for (const g of e.groups) {
    if (g.memberIds.length) io.in(g.memberIds.map((pid) => participantRoom(sessionId, pid))).socketsJoin(groupRoom(sessionId, g.id));
  }
  return e.groups.flatMap((g) => g.memberIds);
}

/** Each participant concerned gets only their (new) group's part of the view, through the attach path's projection. */
function sendSlices(io: AppServer, sessionId: string, seq: number, participantIds: string[], state: SessionState): void {
  const index = participantIds.length > 1 ? indexAnswers(state) : undefined;
  for (const pid of participantIds) {
    if (!state.participants[pid]) continue;
    io.to(participantRoom(sessionId, pid)).emit('slice', sliceFor(state, pid, seq, index));
  }
}

/**
 * Group rooms this node already emptied everywhere. An archived group gets no new members, so its room needs
 * emptying once; this spares a session with many past splits one message per old group at every regrouping.
 */
class VacatedRooms {
  private bySession = new Map<string, Set<string>>();
  private static readonly SESSIONS_KEPT = 1000;

  /** True when the room was not yet known to be empty. */
  add(sessionId: string, groupId: string): boolean {
    let set = this.bySession.get(sessionId);
    if (!set) {
      if (this.bySession.size >= VacatedRooms.SESSIONS_KEPT) this.bySession.delete(this.bySession.keys().next().value as string);
      set = new Set();
      this.bySession.set(sessionId, set);
    }
    if (set.has(groupId)) return false;
    set.add(groupId);
    return true;
  }
}
