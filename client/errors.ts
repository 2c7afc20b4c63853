import type { ErrorCode } from '../shared/protocol/acks.js';
import type { Language } from '../shared/schemas/primitives.js';
import { translate, type MessageKey } from './i18n/index.js';
import type { QueuedCommand } from './socket.js';

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

/** A command the server refused for good, with what was sent (an answer's text) and why. */
export interface RefusedCommand extends QueuedCommand {
  error: ShownError;
}

const REASONS: Partial<Record<ErrorCode, MessageKey>> = {
  closed: 'refusedReason_closed',
  conflict: 'refusedReason_conflict',
  forbidden: 'refusedReason_forbidden',
  not_found: 'refusedReason_not_found',
  invalid: 'refusedReason_invalid',
  unauthorised: 'refusedReason_unauthorised',
};

/**
 * Why a command was refused, as the end of a sentence ("Not saved: the session is closed"), in the reader's
 * language. Every reader gets the same short reason for a code; the server's English sentence is kept for
 * `conflict`, in English only, because it is the precise one there ("Voting is not open").
 */
export function refusalReason(lang: Language, error: ShownError): string {
  if (lang === 'en' && error.code === 'conflict' && error.message) return lowerFirst(error.message.replace(/\.$/, ''));
  return translate(lang, REASONS[error.code as ErrorCode] ?? 'refusedReason_other');
}

/** The whole sentence for a refused command: "Not saved: …" for what was written, else what was not done. */
export function describeRefusal(lang: Language, command: Pick<RefusedCommand, 'type' | 'error'>): string {
  const reason = refusalReason(lang, command.error);
  if (command.type === 'answer.add' || command.type === 'answer.edit') return translate(lang, 'notSavedReason', { reason });
  if (command.type === 'vote.retract') return translate(lang, 'refusedVoteRetract', { reason });
  if (command.type === 'vote.cast') return translate(lang, 'refusedVoteCast', { reason });
  return translate(lang, 'notDoneReason', { reason });
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** The error of a failed HTTP answer: its JSON `error`, or the status text when the body had none. */
export function httpError(res: Response, json: { error?: ShownError }): ShownError {
  return json.error ?? { code: 'internal', message: res.statusText };
}
