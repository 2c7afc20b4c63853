import { fail, type AckFail } from '../../../shared/protocol/acks.js';
import { type AppSocket, type SocketDeps, waitMessage } from '../context.js';

/** Failed look-ups one connection may make; after them it must reconnect (a page reload) to try again. */
export const FAILURES_PER_CONNECTION = 10;

/**
 * A join code, key or token that matched nothing counts against the sender's address, and only then: the check
 * comes after the look-up failed, so a venue where someone mistyped a code still lets everyone with a valid one in.
 * Past the address's budget, failures answer `rate_limited` instead of saying whether the guess was wrong.
 */
export async function failedLookup(deps: SocketDeps, socket: AppSocket, answer: AckFail): Promise<AckFail> {
  socket.data.failures = (socket.data.failures ?? 0) + 1;
  const wait = await deps.limits.keyed.take('failedLookups', socket.data.address);
  if (wait > 0) return fail('rate_limited', waitMessage('Too many failed attempts', wait), { retryAfterSeconds: wait });
  return answer;
}

/**
 * A connection that failed many look-ups is one guessing: it gets no more look-ups, valid or not, so guessing costs
 * a new connection every few tries. It is this connection only: everyone else on the address (and this person after
 * a reload) is looked up as usual.
 */
export function guessingConnection(socket: AppSocket): AckFail | null {
  if ((socket.data.failures ?? 0) < FAILURES_PER_CONNECTION) return null;
  return fail('rate_limited', 'Too many failed attempts on this connection: reload the page to try again', { retryAfterSeconds: 1 });
}
