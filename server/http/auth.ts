import type { Request } from 'express';
import { hashSecret } from '../security/secrets.js';
import type { Credential, CredentialRole, Store } from '../store/types.js';
import { HttpError } from './errors.js';

/**
 * Reads `Authorization: Bearer KEY` (never a query string: URLs end up in logs).
 * 401 when there is no key or it is unknown; 403 when it is valid but opens something else.
 */
export async function requireKey(req: Request, store: Store, role: CredentialRole, scopeId: string): Promise<Credential> {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9_-]{21,64})$/.exec(header);
  if (!match) throw new HttpError(401, 'unauthorised', 'Send the key as "Authorization: Bearer KEY"');
  const cred = await store.findCredential(hashSecret(match[1]));
  if (!cred) throw new HttpError(401, 'unauthorised', 'Unknown key');
  if (cred.role !== role || cred.scopeId !== scopeId) throw new HttpError(403, 'forbidden', 'This key does not open this resource');
  return cred;
}

export const requestOrigin = (req: Request) => `${req.protocol}://${req.get('host')}`;
