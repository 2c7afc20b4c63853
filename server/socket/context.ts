import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../../shared/protocol/socket-events.js';
import type { Actor } from '../../shared/domain/context.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { RateLimiter } from '../security/rate-limit.js';
import type { Store } from '../store/types.js';
import type { SynthesisRunner } from '../synthesis/runner.js';

/** What the server knows about a socket once it attached to a session. */
export interface SocketData {
  sessionId?: string;
  actor?: Actor;
  address: string;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketDeps {
  registry: SessionRegistry;
  store: Store;
  /** Runs session commands, the synthesising ones off the event loop. */
  runner: SynthesisRunner;
  now: () => number;
  newId: () => string;
  limits: {
    /** Any message, per socket. */
    perSocket: RateLimiter;
    /** New answers, per participant (or facilitator socket). */
    answers: RateLimiter;
    /** Failed joins and unknown credentials, per address. */
    failedAuth: RateLimiter;
  };
  log: (level: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => void;
}

/** The public origin a socket came from, for links made for it. */
export function originOf(socket: AppSocket): string {
  const h = socket.handshake.headers;
  if (typeof h.origin === 'string' && h.origin) return h.origin;
  const proto = socket.handshake.secure ? 'https' : 'http';
  return `${proto}://${h.host ?? 'localhost'}`;
}
