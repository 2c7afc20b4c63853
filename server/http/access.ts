import type { Request } from 'express';
import { hashSecret } from '../security/secrets.js';
import type { Credential, Store } from '../store/types.js';
import { HttpError } from './errors.js';

function bearer(req: Request): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]{21,64})$/.exec(req.get('authorization') ?? '');
  if (!match) throw new HttpError(401, 'unauthorised', 'Send the key as "Authorization: Bearer KEY"');
  return match[1];
}

async function credentialOf(req: Request, store: Store): Promise<Credential> {
  const cred = await store.findCredential(hashSecret(bearer(req)));
  if (!cred) throw new HttpError(401, 'unauthorised', 'Unknown key');
  return cred;
}

/** A session opens to its facilitators' keys and to the coordinator key of the programme it belongs to. */
export async function requireSessionReader(req: Request, store: Store, sessionId: string): Promise<Credential> {
  const cred = await credentialOf(req, store);
  if (cred.role === 'facilitator' && cred.scopeId === sessionId) return cred;
  if (cred.role === 'coordinator') {
    const row = await store.findSession(sessionId);
    if (row?.programmeId && row.programmeId === cred.scopeId) return cred;
  }
  throw new HttpError(403, 'forbidden', 'This key does not open this session');
}

export async function requireCoordinator(req: Request, store: Store, programmeId: string): Promise<Credential> {
  const cred = await credentialOf(req, store);
  if (cred.role !== 'coordinator' || cred.scopeId !== programmeId) throw new HttpError(403, 'forbidden', 'This key does not open this programme');
  return cred;
}

/** A coordinator key, when one is presented (for creating a session inside a programme). */
export async function optionalCoordinator(req: Request, store: Store): Promise<Credential | null> {
  if (!req.get('authorization')) return null;
  const cred = await credentialOf(req, store);
  return cred.role === 'coordinator' ? cred : null;
}
