import { fail, type Ack } from '../../../shared/protocol/acks.js';
import type { Command } from '../../../shared/protocol/commands.js';
import type { AppSocket, SocketDeps } from '../context.js';

/** Every session command: who is asking comes from the attached socket, never from the payload. */
export function commandHandler(socket: AppSocket, deps: SocketDeps) {
  return async (command: Command): Promise<Ack> => {
    const { sessionId, actor } = socket.data;
    if (!sessionId || !actor) return fail('unauthorised', 'Attach to a session first');
    if (command.type === 'answer.add') {
      const who = actor.role === 'participant' ? actor.participantId : socket.id;
      const wait = deps.limits.answers.take(`${sessionId}:${who}`);
      if (wait > 0) return fail('rate_limited', `You are adding answers very fast: wait ${wait} s`, { retryAfterSeconds: wait });
    }
    const host = await deps.registry.get(sessionId);
    if (!host) return fail('not_found', 'No such session');
    return deps.runner.execute(host, command, actor);
  };
}
