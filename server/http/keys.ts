import { Router } from 'express';
import { z } from 'zod';
import { CREATOR_SUBJECTS } from '../security/credentials.js';
import { credentialRoom, keyIdOf } from '../socket/context.js';
import { requireKey } from './auth.js';
import { HttpError } from './errors.js';
import type { RouteDeps } from './route-deps.js';

/** One facilitator key as the console lists it: never the key, only its id, label and dates. */
export interface FacilitatorKeyInfo {
  keyId: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  /** The key this request was made with. */
  own: boolean;
  /** Made with the session (or its import): the one key that invites and revokes. */
  creator: boolean;
}

const KeyId = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * A session's facilitator keys: any facilitator lists them; the creator's key revokes any other (never its own).
 * A revoked key's hash is deleted (it opens nothing any more), its sockets are closed on every node, and the log
 * records `facilitator.revoked`.
 */
export function keyRoutes(deps: RouteDeps): Router {
  const router = Router();

  async function keysOf(sessionId: string, ownHash: string): Promise<FacilitatorKeyInfo[]> {
    const creds = (await deps.store.listCredentials(sessionId)).filter((c) => c.role === 'facilitator');
    return creds
      .map((c) => ({
        keyId: keyIdOf(c.hash),
        label: c.subject ?? 'facilitator',
        createdAt: c.createdAt,
        lastUsedAt: c.lastUsedAt ?? null,
        own: c.hash === ownHash,
        creator: CREATOR_SUBJECTS.includes(c.subject ?? ''),
      }))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  router.get('/sessions/:id/keys', async (req, res) => {
    const cred = await requireKey(req, deps.store, 'facilitator', req.params.id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, keys: await keysOf(req.params.id, cred.hash) });
  });

  router.delete('/sessions/:id/keys/:keyId', async (req, res) => {
    const sessionId = req.params.id;
    const cred = await requireKey(req, deps.store, 'facilitator', sessionId);
    const keyId = KeyId.safeParse(req.params.keyId);
    if (!keyId.success) throw new HttpError(404, 'not_found', 'No such key');
    if (!CREATOR_SUBJECTS.includes(cred.subject ?? '')) throw new HttpError(403, 'forbidden', 'Only the facilitator who created the session can revoke keys');
    if (keyIdOf(cred.hash) === keyId.data) throw new HttpError(409, 'conflict', 'You cannot revoke the key you are using');
    const creds = await deps.store.listCredentials(sessionId);
    const target = creds.find((c) => c.role === 'facilitator' && keyIdOf(c.hash) === keyId.data);
    if (!target) throw new HttpError(404, 'not_found', 'No such key (already revoked?)');
    const host = await deps.registry.get(sessionId);
    if (!host) throw new HttpError(404, 'not_found', 'No such session');
    const ack = await host.executeWith(
      { role: 'facilitator', label: cred.subject },
      () => ({ events: [{ type: 'facilitator.revoked', keyId: keyId.data }] }),
      null,
    );
    if (!ack.ok) throw new HttpError(ack.error.code === 'store_unavailable' ? 503 : 409, ack.error.code, ack.error.message);
    await deps.store.deleteCredential(target.hash);
    deps.io.in(credentialRoom(sessionId, `key:${keyId.data}`)).disconnectSockets(true);
    res.json({ ok: true, seq: ack.seq, keys: await keysOf(sessionId, cred.hash) });
  });

  return router;
}
