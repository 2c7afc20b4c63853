import type { ZodType } from 'zod';
import { type Ack, fail } from '../../shared/protocol/acks.js';
import { StoreUnavailableError } from '../store/types.js';
import { STORE_DOWN_MESSAGE, storeDown } from '../http/errors.js';
import { type AppSocket, type SocketDeps, waitMessage } from './context.js';

/**
 * The one wrapper every socket message goes through: rate-limit, parse with zod, run, answer.
 * Whatever goes wrong, the sender gets `{ ok: false, error: { code, message } }` and the server keeps running.
 */
export function handle<I, R>(
  socket: AppSocket,
  deps: SocketDeps,
  // biome-ignore lint/suspicious/noExplicitAny: the schema's input type is whatever the wire carries; its output is I
  schema: ZodType<I, any>,
  run: (input: I) => Promise<Ack<R>>,
  /** False for attach, which has a limit of its own per credential. */
  countPerCredential = true,
) {
  // The payload stays `unknown` here: it is whatever was sent, until the schema says otherwise. The ack is typed,
  // so registering a handler whose result does not match the event's ack type does not compile.
  return async (payload: unknown, ack: (res: Ack<R>) => void): Promise<void> => {
    // A client may leave the ack out: then there is no one to answer.
    const reply: (res: Ack<R>) => void = typeof ack === 'function' ? ack : () => undefined;
    try {
      const wait = deps.limits.perSocket.take(socket.id);
      if (wait > 0) return reply(fail('rate_limited', waitMessage('Too many messages', wait), { retryAfterSeconds: wait }));
      // Once attached, every message also counts against the credential, over all its sockets on every node:
      // twenty sockets of one person share one budget. (An attach is counted by its own limit, in its handler.)
      const credentialId = socket.data.credentialId;
      if (credentialId && countPerCredential) {
        const perPerson = await deps.limits.keyed.take('writes', credentialId);
        if (perPerson > 0) return reply(fail('rate_limited', waitMessage('You are sending too fast', perPerson), { retryAfterSeconds: perPerson }));
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String), message: i.message }));
        return reply(fail('invalid', issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '), issues));
      }
      reply(await run(parsed.data));
    } catch (err) {
      // A session whose log cannot be read (or a store that is down) is refused with what went wrong.
      if (err instanceof StoreUnavailableError) return reply(fail('store_unavailable', err.message));
      if (storeDown(err)) return reply(fail('store_unavailable', STORE_DOWN_MESSAGE));
      deps.log('error', 'socket handler failed', err);
      reply(fail('internal', 'Something went wrong on the server; nothing was changed'));
    }
  };
}
