import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { AttachRequest } from '../../../shared/protocol/commands.js';
import type { AttachResult } from '../../../shared/protocol/socket-events.js';
import type { Actor } from '../../../shared/domain/context.js';
import type { Viewer } from '../../../shared/domain/projection.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { hashSecret } from '../../security/secrets.js';
import type { AppSocket, SocketDeps } from '../context.js';
import { facilitatorsRoom, groupRoom, participantRoom, sessionRoom } from '../rooms.js';
import { catchUpFor } from './catch-up.js';

/** Attach (or re-attach after a reconnect) a socket to a session with a facilitator key or participant token. */
export function attachHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: AttachRequest): Promise<Ack<AttachResult>> => {
    const address = socket.data.address;
    const wait = deps.limits.failedAuth.peek(address);
    if (wait > 0) return fail('rate_limited', `Too many failed attempts: wait ${wait} s`, { retryAfterSeconds: wait });
    const secret = req.credential.kind === 'facilitator' ? req.credential.key : req.credential.token;
    const cred = await deps.store.findCredential(hashSecret(secret));
    if (!cred || cred.scopeId !== req.sessionId || cred.role !== req.credential.kind) {
      deps.limits.failedAuth.take(address);
      return fail('unauthorised', 'This link or device is not known for this session');
    }
    const host = await deps.registry.get(req.sessionId);
    if (!host) return fail('not_found', 'No such session');
    await host.sync();
    const actor: Actor = cred.role === 'participant' ? { role: 'participant', participantId: cred.subject ?? '' } : { role: 'facilitator', label: cred.subject };
    // Join the rooms first, then read the state: an event committed in between arrives twice (deduped by seq), never zero times.
    let state = host.peek();
    joinRooms(socket, req.sessionId, actor, state);
    state = await host.committedState();
    if (actor.role === 'participant' && !state.participants[actor.participantId]) return fail('unauthorised', 'You are no longer in this session');
    // Rooms follow the newest state this node knows: a regrouping committed meanwhile has already moved this
    // socket, and one still in flight moves it again when it is broadcast (joining twice is harmless).
    const latest = host.peek();
    joinRooms(socket, req.sessionId, actor, latest.seq >= state.seq ? latest : state);
    const viewer: Viewer = actor.role === 'participant' ? actor : { role: 'facilitator' };
    const catchUp = await catchUpFor(deps.store, state, viewer, req.lastSeq);
    return {
      ok: true,
      seq: state.seq,
      result: { role: actor.role === 'participant' ? 'participant' : 'facilitator', participantId: actor.role === 'participant' ? actor.participantId : null, catchUp, serverNow: deps.now() },
    };
  };
}

/** Puts the socket in exactly the rooms its actor may read, leaving any it was in before. */
function joinRooms(socket: AppSocket, sessionId: string, actor: Actor, state: SessionState): void {
  const groupId = actor.role === 'participant' ? (state.participants[actor.participantId]?.groupId ?? null) : null;
  const wanted = new Set([sessionRoom(sessionId)]);
  if (actor.role === 'facilitator') wanted.add(facilitatorsRoom(sessionId));
  // The participant's own room: the server moves their sockets between groups through it (server/socket/broadcast.ts).
  else if (actor.role === 'participant') wanted.add(participantRoom(sessionId, actor.participantId));
  if (groupId) wanted.add(groupRoom(sessionId, groupId));
  for (const room of socket.rooms) if (room !== socket.id && !wanted.has(room)) void socket.leave(room);
  void socket.join([...wanted]);
  socket.data.sessionId = sessionId;
  socket.data.actor = actor;
}
