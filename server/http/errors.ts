import type { NextFunction, Request, Response } from 'express';
import type { ZodError } from 'zod';
import { type ErrorCode, fail } from '../../shared/protocol/acks.js';

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
export function errorHandler(log: (level: 'error', msg: string, extra?: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) return void res.status(err.status).json(fail(err.code, err.message, err.details));
    const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 400 && status < 500) {
      // body-parser's errors: malformed JSON, too large, wrong charset.
      const code: ErrorCode = status === 413 ? 'invalid' : 'invalid';
      return void res.status(status).json(fail(code, (err as Error).message || 'Bad request'));
    }
    log('error', 'http handler failed', err);
    res.status(500).json(fail('internal', 'Something went wrong on the server'));
  };
}
