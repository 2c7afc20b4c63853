import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { AttachRequest } from '../../../shared/protocol/commands.js';
import type { AttachResult } from '../../../shared/protocol/socket-events.js';
import type { Actor } from '../../../shared/domain/context.js';
import type { Viewer } from '../../../shared/domain/projection.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { hashSecret } from '../../security/secrets.js';
import type { SessionHost } from '../../sessions/session-host.js';
import type { Credential, Store } from '../../store/types.js';
import { type AppSocket, type SocketDeps, credentialRoom, keyIdOf, waitMessage } from '../context.js';
import { facilitatorsRoom, groupRoom, participantRoom, sessionRoom } from '../rooms.js';
import { catchUpFor, snapshotDue, snapshotFor } from './catch-up.js';
import { failedLookup, guessingConnection } from './failed-lookup.js';

/**
 * Attach (or re-attach after a reconnect) a socket to a session with a facilitator key or participant token.
 * The credential is looked up first: a valid one is never held back by what others on its address did; only a
 * failed look-up counts against the address. A valid one counts against its own attach limit and socket cap.
 */
export function attachHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: AttachRequest): Promise<Ack<AttachResult>> => {
    const guessing = guessingConnection(socket);
    if (guessing) return guessing;
    const secret = req.credential.kind === 'facilitator' ? req.credential.key : req.credential.token;
    const hash = hashSecret(secret);
    const cred = await deps.lookups.credential(hash);
    if (!cred || cred.scopeId !== req.sessionId || cred.role !== req.credential.kind) {
      return failedLookup(deps, socket, fail('unauthorised', 'This link or device is not known for this session'));
    }
    const host = await deps.registry.get(req.sessionId);
    if (!host) return fail('not_found', 'No such session');
    return attachSocket(socket, deps, host, { credential: cred, hash, lastSeq: req.lastSeq });
  };
}

/**
 * Puts the socket in its rooms and reads what it should hold: the events after `lastSeq`, or a fresh view. Used by
 * an attach, and by a join for the socket it came on (so a new person needs one round trip, not two). Counted
 * against the credential's own attach limit.
 */
export async function attachSocket(
  socket: AppSocket,
  deps: SocketDeps,
  host: SessionHost,
  { credential: cred, hash, lastSeq }: { credential: Credential; hash: string; lastSeq?: number },
): Promise<Ack<AttachResult>> {
  const sessionId = host.sessionId;
  const credentialId = cred.role === 'participant' ? (cred.subject ?? hash.slice(0, 16)) : `key:${keyIdOf(hash)}`;
  const wait = await deps.limits.keyed.take('attaches', credentialId);
  if (wait > 0) return fail('rate_limited', waitMessage('Reconnecting too often', wait), { retryAfterSeconds: wait });
  await host.sync();
  const actor: Actor = cred.role === 'participant' ? { role: 'participant', participantId: cred.subject ?? '' } : { role: 'facilitator', label: cred.subject };
  const viewer: Viewer = actor.role === 'participant' ? actor : { role: 'facilitator' };
  // Join the rooms first, then read the state: an event committed in between arrives twice (deduped by seq), never zero times.
  joinRooms(socket, sessionId, actor, groupIdOf(host.peek(), actor), credentialId);
  const read = await readCommitted(host, deps.store, actor, viewer, lastSeq);
  if (!read.member) return fail('unauthorised', 'You are no longer in this session');
  // Rooms follow the newest state this node knows: a regrouping committed meanwhile has already moved this
  // socket, and one still in flight moves it again when it is broadcast (joining twice is harmless).
  const latest = host.peek();
  joinRooms(socket, sessionId, actor, latest.seq >= read.seq ? groupIdOf(latest, actor) : read.groupId, credentialId);
  // "Last used", for the console's list of keys; a store that cannot write now must not stop the attach.
  if (cred.role === 'facilitator') await deps.store.touchCredential(hash, deps.now()).catch(() => undefined);
  // Counted across nodes, which may take a while (or fail while a node is down): never delays this attach.
  void keepSocketCap(socket, deps, sessionId, credentialId).catch((err) => deps.log('debug', 'socket cap not checked', err));
  const catchUp = await read.catchUp();
  return {
    ok: true,
    seq: read.seq,
    result: {
      role: actor.role === 'participant' ? 'participant' : 'facilitator',
      participantId: actor.role === 'participant' ? actor.participantId : null,
      catchUp,
      serverNow: deps.now(),
    },
  };
}

/**
 * The committed state as the attach needs it. A participant due a fresh view (a first attach, a join storm) gets it
 * read at once, without the state being handed out: the next event then writes the session's records in place
 * instead of copying them (SessionHost.committedRead). Anyone else gets the state itself, released, since the
 * events since their last seq are read from the store after an await.
 */
async function readCommitted(host: SessionHost, store: Store, actor: Actor, viewer: Viewer, lastSeq: number | undefined): Promise<CommittedRead> {
  const facts = (s: SessionState) => ({
    seq: s.seq,
    member: actor.role !== 'participant' || Object.hasOwn(s.participants, actor.participantId),
    groupId: groupIdOf(s, actor),
  });
  if (viewer.role === 'participant') {
    const { view, ...read } = await host.committedRead((s) => ({ ...facts(s), view: snapshotDue(s, viewer, lastSeq) ? snapshotFor(s, viewer) : null }));
    if (view) return { ...read, catchUp: async () => view };
  }
  const state = await host.committedState();
  return { ...facts(state), catchUp: () => catchUpFor(store, state, viewer, lastSeq) };
}

interface CommittedRead {
  seq: number;
  member: boolean;
  groupId: string | null;
  catchUp: () => Promise<AttachResult['catchUp']>;
}

function groupIdOf(state: SessionState, actor: Actor): string | null {
  if (actor.role !== 'participant' || !Object.hasOwn(state.participants, actor.participantId)) return null;
  return state.participants[actor.participantId].groupId;
}

/** Puts the socket in exactly the rooms its actor may read, leaving any it was in before. */
function joinRooms(socket: AppSocket, sessionId: string, actor: Actor, groupId: string | null, credentialId: string): void {
  const wanted = new Set([sessionRoom(sessionId), credentialRoom(sessionId, credentialId)]);
  if (actor.role === 'facilitator') wanted.add(facilitatorsRoom(sessionId));
  // The participant's own room: the server moves their sockets between groups through it (server/socket/broadcast.ts).
  else if (actor.role === 'participant') wanted.add(participantRoom(sessionId, actor.participantId));
  if (groupId) wanted.add(groupRoom(sessionId, groupId));
  for (const room of socket.rooms) if (room !== socket.id && !wanted.has(room)) void socket.leave(room);
  void socket.join([...wanted]);
  if (socket.data.sessionId !== sessionId || socket.data.credentialId !== credentialId) socket.data.attachedAt = Date.now();
  socket.data.sessionId = sessionId;
  socket.data.actor = actor;
  socket.data.credentialId = credentialId;
}

/**
 * One credential holds at most `socketsPerCredential` sockets, on all nodes together: past it, its oldest sockets
 * are closed (a phone that went to sleep leaves a socket behind; the newest one is the one in use).
 */
async function keepSocketCap(socket: AppSocket, deps: SocketDeps, sessionId: string, credentialId: string): Promise<void> {
  const sockets = await deps.io.in(credentialRoom(sessionId, credentialId)).fetchSockets();
  const excess = sockets.length - deps.socketsPerCredential;
  if (excess <= 0) return;
  const oldest = sockets.filter((s) => s.id !== socket.id).sort((a, b) => (a.data.attachedAt ?? 0) - (b.data.attachedAt ?? 0));
  for (const s of oldest.slice(0, excess)) s.disconnect(true);
}
