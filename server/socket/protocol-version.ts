import { type ConnectRefusal, PROTOCOL_VERSION, protocolMismatchMessage } from '../../shared/protocol/socket-events.js';
import type { AppSocket } from './context.js';

/** A connect error that carries its reason to the client (`err.data` in the client's `connect_error`). */
export class ConnectRefused extends Error {
  constructor(readonly data: ConnectRefusal) {
    super(data.message);
  }
}

/**
 * Handshake middleware: a page built for another protocol (an old tab left open across a deploy) is refused
 * before it can send anything, with a reason it can show, instead of failing later on payloads it gets wrong.
 */
export function checkProtocolVersion(socket: AppSocket, next: (err?: Error) => void): void {
  const auth: unknown = socket.handshake.auth;
  const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (version === PROTOCOL_VERSION) return next();
  next(new ConnectRefused({ code: 'protocol_mismatch', message: protocolMismatchMessage(version) }));
}
