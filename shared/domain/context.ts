import type { ErrorCode } from '../protocol/acks.js';
import type { SessionEvent } from '../protocol/events.js';

/** Who is acting. The server establishes it from a verified credential, never from the payload. */
export type Actor = { role: 'facilitator'; label: string | null } | { role: 'participant'; participantId: string } | { role: 'system' };

/** Everything impure the domain needs, passed in so the domain stays a pure function. */
export interface DomainContext {
  actor: Actor;
  now: number;
  newId: () => string;
  random: () => number;
}

export interface Decision<R = unknown> {
  events: SessionEvent[];
  /** What the ack carries besides ok and seq (e.g. the id of a new answer). */
  result?: R;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const reject = (code: ErrorCode, message: string): never => {
  throw new DomainError(code, message);
};
