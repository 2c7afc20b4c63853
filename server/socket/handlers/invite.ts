import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { InviteRequest } from '../../../shared/protocol/commands.js';
import type { InviteResult } from '../../../shared/protocol/socket-events.js';
import { hashSecret, newSecretKey } from '../../security/secrets.js';
import { facilitatorUrl } from '../../http/links.js';
import { type AppSocket, type SocketDeps, originOf } from '../context.js';

/** A facilitator makes a co-facilitator link. The key is shown once; only its hash is kept. */
export function inviteHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: InviteRequest): Promise<Ack<InviteResult>> => {
    const { sessionId, actor } = socket.data;
    if (!sessionId || !actor) return fail('unauthorised', 'Attach to a session first');
    if (actor.role !== 'facilitator') return fail('forbidden', 'Only a facilitator can invite a co-facilitator');
    const host = await deps.registry.get(sessionId);
    if (!host) return fail('not_found', 'No such session');
    const label = req.label ?? 'co-facilitator';
    const key = newSecretKey();
    const ack = await host.executeWith(actor, (s) => (s.phase === 'closed' ? { events: [] } : { events: [{ type: 'facilitator.invited', label }] }), `invite:${req.opId}`);
    if (!ack.ok) return ack;
    await deps.store.addCredential({ hash: hashSecret(key), role: 'facilitator', scopeId: sessionId, subject: label, createdAt: deps.now() });
    return { ok: true, seq: ack.seq, result: { key, facilitatorUrl: facilitatorUrl(originOf(socket), sessionId, key) } };
  };
}
