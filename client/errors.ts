import type { ErrorCode } from '../shared/protocol/acks.js';
import type { Language } from '../shared/schemas/primitives.js';
import { translate, type MessageKey } from './i18n/index.js';

/** An error as the server answered it (`{ ok: false, error }`). */
export interface ShownError {
  code: string;
  message: string;
  details?: unknown;
}

const KEYS: Record<ErrorCode, MessageKey> = {
  invalid: 'errInvalid',
  unauthorised: 'errUnauthorised',
  forbidden: 'errForbidden',
  not_found: 'errNotFound',
  conflict: 'errConflict',
  closed: 'errClosed',
  rate_limited: 'errRateLimited',
  store_unavailable: 'errStoreUnavailable',
  internal: 'errInternal',
};

/**
 * What to tell the person. The server words its errors in English, precisely ("This prompt is not dealt to your
 * group"): English readers get that sentence, everyone else what the error's code means in their language.
 */
export function describeError(lang: Language, error: ShownError): string {
  const key = KEYS[error.code as ErrorCode];
  if (lang === 'en' || !key) return error.message;
  const wait = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return translate(lang, key, { n: wait ?? 1 });
}

/** The error of a failed HTTP answer: its JSON `error`, or the status text when the body had none. */
export function httpError(res: Response, json: { error?: ShownError }): ShownError {
  return json.error ?? { code: 'internal', message: res.statusText };
}
