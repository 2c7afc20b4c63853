import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../shared/domain/context.js';
import type { ZodError } from 'zod';
import { type ErrorCode, fail } from '../../shared/protocol/acks.js';
import { StoreUnavailableError } from '../store/types.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const invalid = (err: ZodError) =>
  new HttpError(
    400,
    'invalid',
    err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    err.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
  );

/** Every failure answers `{ ok: false, error: { code, message } }`, never an HTML stack trace. */
const DOMAIN_STATUS: Partial<Record<ErrorCode, number>> = { forbidden: 403, not_found: 404, conflict: 409, closed: 409, invalid: 400 };

export function errorHandler(log: (level: 'error', msg: string, extra?: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) return void res.status(err.status).json(fail(err.code, err.message, err.details));
    // A decider's refusal reached HTTP (creating a session is decided in the domain too).
    if (err instanceof DomainError) return void res.status(DOMAIN_STATUS[err.code] ?? 400).json(fail(err.code, err.message));
    const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 400 && status < 500) {
      // body-parser's errors: malformed JSON, too large, wrong charset.
      const code: ErrorCode = status === 413 ? 'invalid' : 'invalid';
      return void res.status(status).json(fail(code, (err as Error).message || 'Bad request'));
    }
    if (storeDown(err)) return void res.status(503).json(fail('store_unavailable', err instanceof StoreUnavailableError ? err.message : STORE_DOWN_MESSAGE));
    log('error', 'http handler failed', err);
    res.status(500).json(fail('internal', 'Something went wrong on the server'));
  };
}

/**
 * Whether an error means the store cannot write or read now (disk full, read-only, I/O error, connection lost).
 * Every path answers these `store_unavailable` ("nothing was changed"), whichever store call raised them: the
 * stores map their own write path, and this catches what reaches a handler from any other call unmapped.
 */
export function storeDown(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const code = String((err as { code?: unknown })?.code ?? '');
  if (/^(SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB)|ENOSPC|EROFS|EIO|EDQUOT)/.test(code)) return true;
  const message = String((err as { message?: unknown })?.message ?? '');
  return /SQLITE_(FULL|IOERR|READONLY)|database or disk is full|disk I\/O error|ENOSPC|no space left|read-only file system|attempt to write a readonly database/i.test(
    message,
  );
}

export const STORE_DOWN_MESSAGE = 'The server cannot store anything right now (its disk or database is unavailable); nothing was changed. Try again shortly.';
