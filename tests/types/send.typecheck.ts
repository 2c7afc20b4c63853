/**
 * Type-level tests: `npm run typecheck` (tsc over tests/) checks this file; it is never run. Each
 * `@ts-expect-error` must meet an error, so if a misspelt command or a wrong payload ever compiles again,
 * the directive itself becomes the error.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/socket-events.js';
import { send } from '../../client/store/index.js';
import type { SessionLink } from '../../client/socket.js';

export function commandsAreTyped(link: SessionLink) {
  // Compiles: the type and the payload its schema takes; commands with nothing required need no payload.
  void send('answer.add', { promptId: 'p1', text: 'Because nobody learns alone' });
  void send('round.start', { durationSeconds: 600 });
  void send('groups.form', { mode: 'random', sizing: { by: 'count', count: 4 } });
  void send('round.end');
  void link.send('vote.cast', { themeId: 't1' });

  // @ts-expect-error a misspelt command type
  void send('answer.ad', { promptId: 'p1', text: 'x' });
  // @ts-expect-error a field of the wrong type
  void send('round.start', { durationSeconds: '600' });
  // @ts-expect-error a required field missing
  void send('answer.add', { promptId: 'p1' });
  // @ts-expect-error a field another command takes
  void send('answer.delete', { answerId: 'a1', themeId: 't1' });
  // @ts-expect-error a required payload left out
  void send('participant.move');
  // @ts-expect-error a value outside the schema's enum
  void send('groups.form', { mode: 'shuffled' });
  // @ts-expect-error the opId is made by send, not by the caller
  void link.send('vote.cast', { themeId: 't1', opId: 'op-12345678' });
}

export function socketEventsAreTyped(socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
  void socket.emitWithAck('attach', { sessionId: 's1', credential: { kind: 'participant', token: 'x'.repeat(24) } });
  // @ts-expect-error an event the server does not have
  void socket.emitWithAck('atach', { sessionId: 's1' });
  // @ts-expect-error a credential of an unknown kind
  void socket.emitWithAck('attach', { sessionId: 's1', credential: { kind: 'admin', key: 'k' } });
  socket.on('event', (envelope) => {
    const seq: number = envelope.seq;
    // @ts-expect-error the envelope carries a number, not a string
    const wrong: string = envelope.seq;
    void seq;
    void wrong;
  });
}
