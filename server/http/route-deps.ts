import type { IncomingMessage } from 'node:http';
import type { Limits } from '../security/limits.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { AppServer } from '../socket/context.js';
import type { Store } from '../store/types.js';

/** What the HTTP routes share. */
export interface RouteDeps {
  store: Store;
  registry: SessionRegistry;
  now: () => number;
  newId: () => string;
  /** Limits keyed by address or credential (shared by all nodes with Redis). */
  limits: Limits;
  /** The client's address as limits key it (X-Forwarded-For behind a trusted proxy, IPv6 by /64). */
  address: (req: IncomingMessage) => string;
  /** The operator's token (imports, load figures); null: those are off. */
  operatorToken: string | null;
  io: AppServer;
}
