import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { JoinRequest } from '../../../shared/protocol/commands.js';
import type { JoinResult } from '../../../shared/protocol/socket-events.js';
import { decideJoin } from '../../../shared/domain/decide/groups.js';
import { hashSecret } from '../../security/secrets.js';
import type { AppSocket, SocketDeps } from '../context.js';

/**
 * A participant joins with the session's code. The token is made by the client and only its hash is
 * stored, so a retried join (same opId and token) finds the same person instead of making a second one.
 */
export function joinHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: JoinRequest): Promise<Ack<JoinResult>> => {
    const address = socket.data.address;
    const wait = deps.limits.failedAuth.peek(address);
    if (wait > 0) return fail('rate_limited', `Too many failed attempts: wait ${wait} s`, { retryAfterSeconds: wait });
    const row = await deps.store.findSessionByJoinCode(req.joinCode);
    const host = row ? await deps.registry.get(row.sessionId) : null;
    if (!row || !host) {
      deps.limits.failedAuth.take(address);
      return fail('not_found', 'No session has this code. Check it with your facilitator.');
    }
    const tokenHash = hashSecret(req.token);
    const known = await deps.store.findCredential(tokenHash);
    if (known && (known.role !== 'participant' || known.scopeId !== row.sessionId)) return fail('conflict', 'Make a new token and try again');
    const participantId = known?.subject ?? deps.newId();
    if (!known) await deps.store.addCredential({ hash: tokenHash, role: 'participant', scopeId: row.sessionId, subject: participantId, createdAt: deps.now() });
    const ack = await host.executeWith(
      { role: 'system' },
      (s, ctx) => (s.participants[participantId] ? { events: [] } : decideJoin(s, { participantId, name: req.name, organisation: req.organisation, country: req.country }, ctx)),
      `join:${req.opId}`,
    );
    if (!ack.ok) return ack;
    return { ok: true, seq: ack.seq, result: { sessionId: row.sessionId, participantId } };
  };
}
