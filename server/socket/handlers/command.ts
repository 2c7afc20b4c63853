import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { Command } from '../../../shared/protocol/commands.js';
import { type AppSocket, type SocketDeps, waitMessage } from '../context.js';

/**
 * Every session command: who is asking comes from the attached socket, never from the payload.
 * The opId is scoped to the credential that sent it, so another actor's command with the same opId is a command
 * of its own (not answered with the first one's ack and dropped).
 */
export function commandHandler(socket: AppSocket, deps: SocketDeps) {
  return async (command: Command): Promise<Ack> => {
    const { sessionId, actor, credentialId } = socket.data;
    if (!sessionId || !actor || !credentialId) return fail('unauthorised', 'Attach to a session first');
    if (command.type === 'answer.add') {
      const wait = await deps.limits.keyed.take('answers', credentialId);
      if (wait > 0) return fail('rate_limited', waitMessage('You are adding answers very fast', wait), { retryAfterSeconds: wait });
    }
    const host = await deps.registry.get(sessionId);
    if (!host) return fail('not_found', 'No such session');
    return deps.runner.execute(host, { ...command, opId: `${credentialId}:${command.opId}` }, actor);
  };
}
