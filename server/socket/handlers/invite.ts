import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { InviteRequest } from '../../../shared/protocol/commands.js';
import type { InviteResult } from '../../../shared/protocol/socket-events.js';
import { coFacilitatorSubject, decideInvite, entryActorOf, mayEnter } from '../../../shared/domain/decide/entry.js';
import { hashSecret, newSecretKey } from '../../security/secrets.js';
import { facilitatorUrl } from '../../http/links.js';
import { type AppSocket, type SocketDeps, keyIdOf, originOf } from '../context.js';

/**
 * The session's creator makes a co-facilitator link (SECURITY.md, "Who may invite"). The key is shown once; only
 * its hash is kept, and the log records it (`facilitator.invited` with the key's id and label) before the key
 * exists, so no key is ever made without its entry. A repeated opId does not make a second key: its ack says so.
 */
export function inviteHandler(socket: AppSocket, deps: SocketDeps) {
  return async (req: InviteRequest): Promise<Ack<InviteResult>> => {
    const { sessionId, actor, credentialId } = socket.data;
    if (!sessionId || !actor || !credentialId) return fail('unauthorised', 'Attach to a session first');
    // Refused before the store is touched; the decider says the same (shared/domain/decide/entry.ts).
    if (!mayEnter(entryActorOf(actor), 'facilitator.invite'))
      return fail('forbidden', 'Only the facilitator who created the session can invite co-facilitators');
    const host = await deps.registry.get(sessionId);
    if (!host) return fail('not_found', 'No such session');
    const label = coFacilitatorSubject(req.label);
    const key = newSecretKey();
    const keyId = keyIdOf(hashSecret(key));
    const ack = await host.executeWith(actor, (s, ctx) => decideInvite(s, { label: req.label, keyId }, ctx), `invite:${credentialId}:${req.opId}`);
    if (!ack.ok) return ack;
    // The same opId again: the first attempt made its key and showed it once; this one makes none.
    if ((ack.result as { keyId?: string } | undefined)?.keyId !== keyId)
      return fail('conflict', 'This invitation was already made; its link was shown once. Make a new invitation.');
    await deps.store.addCredential({ hash: hashSecret(key), role: 'facilitator', scopeId: sessionId, subject: label, createdAt: deps.now() });
    return { ok: true, seq: ack.seq, result: { key, facilitatorUrl: facilitatorUrl(originOf(socket), sessionId, key) } };
  };
}
