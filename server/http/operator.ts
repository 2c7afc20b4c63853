import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { hashSecret } from '../security/secrets.js';
import { HttpError } from './errors.js';

/** Whether the request carries the operator's token as `Authorization: Bearer …` (compared in constant time). */
export function hasOperatorToken(req: Request, token: string | null): boolean {
  if (!token) return false;
  const match = /^Bearer\s+([A-Za-z0-9_-]{24,128})$/.exec(req.get('authorization') ?? '');
  if (!match) return false;
  return timingSafeEqual(Buffer.from(hashSecret(match[1]), 'hex'), Buffer.from(hashSecret(token), 'hex'));
}

/** Refuses the request unless it carries the operator token; with none configured, the route is off. */
export function requireOperator(req: Request, token: string | null, what: string): void {
  if (!token) throw new HttpError(403, 'forbidden', `${what} is off on this server (the operator has set no OPERATOR_TOKEN)`);
  if (!/^Bearer\s+/.test(req.get('authorization') ?? ''))
    throw new HttpError(401, 'unauthorised', `${what} needs the operator token as "Authorization: Bearer TOKEN"`);
  if (!hasOperatorToken(req, token)) throw new HttpError(403, 'forbidden', 'This is not the operator token');
}
