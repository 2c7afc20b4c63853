/** Every command is answered with one of these: `{ ok: true, ... }` or `{ ok: false, error }`. */
export const ERROR_CODES = [
  'invalid', // the payload failed validation
  'unauthorised', // no or unknown credential
  'forbidden', // known, but not allowed to do this
  'not_found',
  'conflict', // the state does not allow it now (wrong phase, nothing to end, ...)
  'closed', // the session is closed: read-only
  'rate_limited',
  'store_unavailable', // nothing was stored; try again
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AckError {
  code: ErrorCode;
  message: string;
  /** zod issues for `invalid`; seconds to wait for `rate_limited`. */
  details?: unknown;
}
export type AckOk<R = unknown> = { ok: true; seq: number; result?: R };
export type AckFail = { ok: false; error: AckError };
export type Ack<R = unknown> = AckOk<R> | AckFail;

export const fail = (code: ErrorCode, message: string, details?: unknown): AckFail => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
