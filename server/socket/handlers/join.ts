import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { JoinRequest } from '../../../shared/protocol/commands.js';
import type { JoinResult } from '../../../shared/protocol/socket-events.js';
import { decideJoinRequest } from '../../../shared/domain/decide/entry.js';
import { hashSecret } from '../../security/secrets.js';
import type { Credential } from '../../store/types.js';
import { type AppSocket, type SocketDeps, waitMessage } from '../context.js';
import { attachSocket } from './attach.js';
import { failedLookup, guessingConnection } from './failed-lookup.js';

/**
 * A participant joins with the session's code. The token is made by the client and only its hash is
 * stored, so a retried join (same opId and token) finds the same person instead of making a second one. The
 * socket the join came on is attached in the same answer (attach.ts): the person's first view, no second trip.
 * The code is looked up first: only a code that matches nothing counts against the address (failed look-ups);
 * a new person counts against the address's joins, and the session takes at most its configured number of people
 * (decided in the domain; a refused join stores nothing, its token included).
 */
export function joinHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: JoinRequest): Promise<Ack<JoinResult>> => {
    const guessing = guessingConnection(socket);
    if (guessing) return guessing;
    const row = await deps.lookups.sessionByJoinCode(req.joinCode);
    const host = row ? await deps.registry.get(row.sessionId) : null;
    if (!row || !host) return failedLookup(deps, socket, fail('not_found', 'No session has this code. Check it with your facilitator.'));
    const tokenHash = hashSecret(req.token);
    const known = await deps.lookups.credential(tokenHash);
    if (known && (known.role !== 'participant' || known.scopeId !== row.sessionId)) return fail('conflict', 'Make a new token and try again');
    if (!known) {
      const wait = await deps.limits.keyed.take('joins', socket.data.address);
      if (wait > 0) return fail('rate_limited', waitMessage('Very many people joined from your network just now', wait), { retryAfterSeconds: wait });
    }
    const participantId = known?.subject ?? deps.newId();
    // A new person's token is stored with their join event, in one transaction: both or neither.
    const credential: Credential = { hash: tokenHash, role: 'participant', scopeId: row.sessionId, subject: participantId, createdAt: deps.now() };
    const input = {
      participantId,
      name: req.name,
      organisation: req.organisation,
      country: req.country,
      organisationType: req.organisationType,
      attendanceConsent: req.attendanceConsent,
    };
    const ack = await host.executeWith(
      // Whoever joins is not anyone in the session yet: the server enters them.
      { role: 'system' },
      (s, ctx) => decideJoinRequest(s, input, ctx, deps.maxParticipants),
      // Scoped to the device's token: someone else's join with the same opId is a join of its own.
      `join:${tokenHash.slice(0, 16)}:${req.opId}`,
      known ? [] : [credential],
    );
    if (!ack.ok) return ack;
    if (!known) deps.lookups.rememberParticipant(credential);
    const attached = await attachSocket(socket, deps, host, { credential: known ?? credential, hash: tokenHash });
    return {
      ok: true,
      seq: ack.seq,
      result: { sessionId: row.sessionId, participantId, ...(attached.ok ? { attached: { seq: attached.seq, result: attached.result! } } : {}) },
    };
  };
}
