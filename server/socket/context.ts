import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../../shared/protocol/socket-events.js';
import type { Actor } from '../../shared/domain/context.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { RateLimiter } from '../security/rate-limit.js';
import type { Limits } from '../security/limits.js';
import type { Store } from '../store/types.js';
import type { SynthesisRunner } from '../synthesis/runner.js';
import type { EntryLookups } from '../sessions/entry-lookups.js';

/** What the server knows about a socket once it attached to a session. */
export interface SocketData {
  sessionId?: string;
  actor?: Actor;
  /**
   * Which credential the socket attached with: the participant id, or `key:` and the start of a facilitator key's
   * hash. Limits are counted per credential (over all its sockets and nodes), and opIds are scoped to it.
   */
  credentialId?: string;
  /** When it attached, so a credential over its socket cap loses its oldest socket first. */
  attachedAt?: number;
  /** Where it came from, as limits key it (server/security/address.ts). */
  address: string;
  /** Look-ups (join codes, keys, tokens) that matched nothing on this connection. */
  failures?: number;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketDeps {
  registry: SessionRegistry;
  store: Store;
  /** Join codes and participants' tokens, answered from memory when seen recently. */
  lookups: EntryLookups;
  /** Runs session commands, the synthesising ones off the event loop. */
  runner: SynthesisRunner;
  now: () => number;
  newId: () => string;
  io: AppServer;
  /** Take the client's address from X-Forwarded-For (set behind a reverse proxy). */
  trustProxy: boolean;
  /** A session takes at most this many participants. */
  maxParticipants: number;
  /** Sockets one credential may hold at once. */
  socketsPerCredential: number;
  limits: {
    /** Any message, per socket, before it is even parsed (this node only: a socket lives on one node). */
    perSocket: RateLimiter;
    /** Per credential and per address, shared by every node through Redis when there is one. */
    keyed: Limits;
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

/** The room of every socket attached with one credential, on every node (for the socket cap and revocation). */
export const credentialRoom = (sessionId: string, credentialId: string) => `cred:${sessionId}:${credentialId}`;

/** A facilitator key's public id: the start of its hash (the hash of a 190-bit secret reveals nothing). */
export const keyIdOf = (hash: string) => hash.slice(0, 16);

/** The message for a limit that was hit, with the wait in seconds. */
export const waitMessage = (what: string, wait: number) => `${what}: wait ${wait} s`;
