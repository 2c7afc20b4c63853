import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server } from 'socket.io';
import type { Config } from './config.js';
import { errorHandler } from './http/errors.js';
import { securityHeaders } from './http/security-headers.js';
import { sessionRoutes } from './http/sessions.js';
import { programmeRoutes } from './http/programmes.js';
import { exportRoutes } from './http/exports.js';
import { attendanceRoutes } from './http/attendance.js';
import { staticClient } from './http/static.js';
import { RateLimiter } from './security/rate-limit.js';
import { createLimits, DEFAULT_LIMITS, type LimitSpecs, limitsKeyPrefixFor, type RedisLike } from './security/limits.js';
import { clientAddress } from './security/address.js';
import { healthRoutes } from './http/health.js';
import { CommandTimings } from './sessions/command-timings.js';
import { keyRoutes } from './http/keys.js';
import { startRetention } from './security/retention.js';
import { LISTEN_BACKLOG } from './start.js';
import { createClient } from 'redis';
import { newId as defaultNewId } from './security/secrets.js';
import { SessionRegistry } from './sessions/registry.js';
import { RoundTimers } from './sessions/round-timers.js';
import { EntryLookups } from './sessions/entry-lookups.js';
import { Embedder, type EmbeddingsConfig } from './synthesis/embeddings.js';
import { type SynthesisPool, sharedSynthesisPool } from './synthesis/pool.js';
import { SynthesisRunner } from './synthesis/runner.js';
import { createBroadcaster } from './socket/broadcast.js';
import { BroadcastOrder } from './socket/broadcast-order.js';
import type { AppServer, SocketDeps } from './socket/context.js';
import { registerSocketHandlers } from './socket/index.js';
import { sessionRoom } from './socket/rooms.js';
import { StoreUnavailableError, type Store } from './store/types.js';
import { fail } from '../shared/protocol/acks.js';

export interface AppDeps {
  store: Store;
  config: Pick<Config, 'ALLOWED_ORIGINS' | 'TRUST_PROXY' | 'LOG_LEVEL'> &
    Partial<
      Pick<
        Config,
        | 'REDIS_URL'
        | 'REDIS_STREAM'
        | 'BROADCAST_ORDER_WAIT_MS'
        | 'OPERATOR_TOKEN'
        | 'MAX_PARTICIPANTS_PER_SESSION'
        | 'JOINS_PER_ADDRESS_PER_10_MIN'
        | 'SESSIONS_PER_ADDRESS_PER_HOUR'
        | 'IMPORT_MAX_MB'
        | 'RETENTION_DAYS'
        | 'RETENTION_MODE'
      >
    >;
  now?: () => number;
  newId?: () => string;
  /** Where the built client is; defaults to client/dist. */
  clientDist?: string;
  /**
   * Token-bucket settings (capacity, refill per second) as tests pass them: `perSocket` is the per-socket bucket and
   * also loosens the per-credential writes; `answers` and `failedAuth` set the keyed answers and look-up limits.
   */
  rateLimits?: Partial<Record<'perSocket' | 'answers' | 'failedAuth', [capacity: number, perSecond: number]>>;
  /** The limits keyed by credential or address (server/security/limits.ts); defaults from there and the config. */
  limits?: Partial<LimitSpecs>;
  /** A connected node-redis client for the shared limits; by default one is made when config.REDIS_URL is set. */
  limitsRedis?: RedisLike | null;
  /** Where the shared limits live in Redis; by default the deployment's own place (limitsKeyPrefixFor). */
  limitsKeyPrefix?: string;
  /** Sockets one credential may hold at once; an attach beyond it closes that credential's oldest socket. */
  socketsPerCredential?: number;
  /** An HTTP server to serve on, possibly already listening; a new one when absent. */
  http?: HttpServer;
  /** A Socket.IO adapter factory (Redis) for several nodes; in-memory when absent. */
  adapter?: Parameters<Server['adapter']>[0];
  /** The operator's embedding server for semantic synthesis; lexical only when absent. */
  embeddings?: EmbeddingsConfig | null;
  /** Where the synthesis engine runs; the process's one worker by default (whoever passes one closes it). */
  synthesisPool?: SynthesisPool;
  /** A loaded session leaves memory after this long idle (no command, no attached socket); 10 minutes by default. */
  sessionIdleMs?: number;
  /** Where log lines go; the console at LOG_LEVEL by default. */
  log?: Log;
}

export type Log = (level: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => void;

export interface App {
  http: HttpServer;
  io: AppServer;
  registry: SessionRegistry;
  /** Runs every command; the synthesising ones on a worker thread. */
  runner: SynthesisRunner;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * Per socket, before a message is even parsed: 60 messages at once, 30 a second after that (typing fast is far
 * below). Every other limit is keyed by who is acting or by address: server/security/limits.ts.
 */
export const RATE_LIMITS = {
  perSocket: [60, 30],
} as const satisfies Record<string, readonly [number, number]>;

/** A person's phone, laptop and a few tabs; a script's twentieth socket closes its first. */
export const SOCKETS_PER_CREDENTIAL = 8;

/** The keyed limits: defaults, then the configuration, then what the caller (a test) set. */
function limitSpecs(deps: AppDeps): Partial<LimitSpecs> {
  const out: Partial<LimitSpecs> = {};
  const c = deps.config;
  if (c.JOINS_PER_ADDRESS_PER_10_MIN) out.joins = { points: c.JOINS_PER_ADDRESS_PER_10_MIN, seconds: 600 };
  if (c.SESSIONS_PER_ADDRESS_PER_HOUR) out.sessions = { points: c.SESSIONS_PER_ADDRESS_PER_HOUR, seconds: 3600 };
  // The older token-bucket settings tests pass: a capacity and a rate become a window of capacity/rate seconds.
  const window = (pair: [number, number] | undefined) => (pair ? { points: pair[0], seconds: Math.max(1, pair[0] / pair[1]) } : undefined);
  const writes = window(deps.rateLimits?.perSocket);
  // Loosening the per-socket bucket (tests that reconnect and write at will) loosens what a credential may send and attach.
  if (writes) out.writes = out.attaches = { points: Math.max(writes.points, DEFAULT_LIMITS.writes.points), seconds: writes.seconds };
  const answers = window(deps.rateLimits?.answers);
  if (answers) out.answers = answers;
  const failed = window(deps.rateLimits?.failedAuth);
  if (failed) Object.assign(out, { failedLookups: failed, attaches: failed, joins: failed, sessions: failed });
  return { ...out, ...deps.limits };
}

/** Socket messages are small (an answer is at most 1,000 characters); refuse anything big early. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export function createApp(deps: AppDeps): App {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? defaultNewId;
  const log = deps.log ?? makeLog(deps.config.LOG_LEVEL);
  const app = express();
  app.disable('x-powered-by');
  if (deps.config.TRUST_PROXY) app.set('trust proxy', true);
  app.use(securityHeaders());
  // Imports carry a whole session's log (capped, and only for the operator: see server/http/exports.ts); every other body is small.
  const importLimit = Math.round((deps.config.IMPORT_MAX_MB ?? 10) * 2 ** 20);
  app.use(['/api/sessions/import', '/api/programmes/import'], express.json({ limit: importLimit }));
  app.use(express.json({ limit: MAX_MESSAGE_BYTES }));

  // A server already listening (server/start.ts answers "starting" while the rest loads) is handed to the app here,
  // before Socket.IO attaches to it and takes over its request handler.
  const http = deps.http ?? createServer(app);
  if (deps.http) {
    deps.http.removeAllListeners('request');
    deps.http.on('request', app);
  }
  const io: AppServer = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, cb) => cb(null, originAllowed(req, deps.config.ALLOWED_ORIGINS)),
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  const broadcast = createBroadcaster(io);
  // Several nodes: each session's broadcasts leave in seq order whichever node committed them.
  const ordered = new BroadcastOrder(
    broadcast,
    deps.adapter ? (sessionId, seq) => io.serverSideEmit('broadcastUpTo', sessionId, seq) : null,
    (sessionId) => registry.loaded(sessionId) !== undefined,
    deps.config.BROADCAST_ORDER_WAIT_MS,
  );
  if (deps.adapter) io.on('broadcastUpTo', (sessionId, seq) => ordered.announced(sessionId, seq));
  let timers: RoundTimers | null = null;
  // Commands that synthesise run the engine on a worker thread first (see server/synthesis/runner.ts).
  const runner = new SynthesisRunner({
    pool: deps.synthesisPool ?? sharedSynthesisPool(),
    embedder: deps.embeddings ? new Embedder(deps.embeddings) : null,
    now,
    log,
  });
  const timings = new CommandTimings();
  const registry = new SessionRegistry(
    {
      store: deps.store,
      now,
      newId,
      onCommit: (sessionId, envelopes, state) => {
        ordered.committed(sessionId, envelopes, state);
        timers?.onCommit(sessionId, envelopes, state);
        runner.onCommit(envelopes, state);
      },
      onCatchUp: (sessionId, envelopes, state) => timers?.onCommit(sessionId, envelopes, state),
      // A store with no subscription is one node's own (SQLite): nobody else appends to it.
      soleWriter: !deps.store.subscribe,
      onTimed: (commandMs, commitMs) => timings.record(commandMs, commitMs),
    },
    {
      idleMs: deps.sessionIdleMs,
      // Sockets attached on this node (every attached socket is in its session's room).
      onUnload: (sessionId) => ordered.forget(sessionId),
      inUse: (sessionId) => (io.of('/').adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0) > 0,
      log,
    },
  );
  timers = new RoundTimers(registry, now, (host, command, actor) => runner.execute(host, command, actor));
  let unsubscribe: (() => Promise<void>) | null = null;

  const [socketCapacity, socketPerSecond] = deps.rateLimits?.perSocket ?? RATE_LIMITS.perSocket;
  // Shared by every node through Redis when there is one (a client of its own: the adapter's reads block).
  const ownRedis = deps.limitsRedis === undefined && deps.config.REDIS_URL ? createClient({ url: deps.config.REDIS_URL }) : null;
  if (ownRedis) {
    ownRedis.on('error', (err: Error) => log('error', 'redis (limits)', err.message));
    void ownRedis.connect().catch(() => undefined);
  }
  const limits = createLimits(limitSpecs(deps), deps.limitsRedis ?? ownRedis, deps.limitsKeyPrefix ?? limitsKeyPrefixFor(deps.config.REDIS_STREAM));
  const address = (req: IncomingMessage) => clientAddress(req.socket.remoteAddress, req.headers, deps.config.TRUST_PROXY);
  const lookups = new EntryLookups(deps.store, now);
  const socketDeps: SocketDeps = {
    registry,
    store: deps.store,
    lookups,
    runner,
    now,
    newId,
    log,
    io,
    trustProxy: deps.config.TRUST_PROXY,
    maxParticipants: deps.config.MAX_PARTICIPANTS_PER_SESSION ?? 2000,
    socketsPerCredential: deps.socketsPerCredential ?? SOCKETS_PER_CREDENTIAL,
    limits: { perSocket: new RateLimiter(socketCapacity, socketPerSecond, now), keyed: limits },
  };
  registerSocketHandlers(io, socketDeps);

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.use(
    healthRoutes({
      operatorToken: deps.config.OPERATOR_TOKEN ?? null,
      probe: () => deps.store.findSession('healthz'),
      loopDelay,
      load: () => ({ sessionsLoaded: registry.loadedIds().length, sockets: io.engine.clientsCount }),
      timings,
    }),
  );
  const routeDeps = { store: deps.store, registry, now, newId, limits, address, operatorToken: deps.config.OPERATOR_TOKEN ?? null, io };
  app.use('/api', sessionRoutes(routeDeps));
  app.use('/api', programmeRoutes(routeDeps));
  app.use('/api', exportRoutes(routeDeps));
  app.use('/api', keyRoutes(routeDeps));
  app.use('/api', attendanceRoutes(routeDeps));
  const retention = startRetention({
    store: deps.store,
    registry,
    now,
    log,
    days: deps.config.RETENTION_DAYS ?? 0,
    mode: deps.config.RETENTION_MODE ?? 'anonymise',
    onDeleted: (sessionId) => lookups.forgetSession(sessionId),
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ ok: false, error: { code: 'not_found', message: 'No such API route' } });
  });
  app.use(staticClient(deps.clientDist ?? path.resolve(here, '../client/dist')));
  // A session that cannot be loaded (or a store that is down) answers 503 with what went wrong, not a bare 500.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!(err instanceof StoreUnavailableError)) return next(err);
    res.status(503).json(fail('store_unavailable', err.message));
  });
  app.use(errorHandler(log));

  return {
    http,
    io,
    registry,
    runner,
    async listen(port, host) {
      if (!http.listening) await new Promise<void>((resolve) => http.listen({ port, host, backlog: LISTEN_BACKLOG }, resolve));
      // Several nodes: follow what the others commit, so sessions and their timers stay current here too.
      const catchUp = (sessionId: string, seq?: number) =>
        void registry
          .loaded(sessionId)
          ?.then((h) => (seq === undefined ? h?.sync() : h?.syncTo(seq)))
          .catch(() => undefined);
      unsubscribe = (await deps.store.subscribe?.(catchUp, () => registry.loadedIds().forEach((id) => catchUp(id)))) ?? null;
      await resumeTimers(registry, timers!, log);
      registry.startSweeping();
      const { port: actual } = http.address() as AddressInfo;
      return `http://${host && host !== '0.0.0.0' ? host : 'localhost'}:${actual}`;
    },
    async close() {
      retention.stop();
      loopDelay.disable();
      registry.stopSweeping();
      timers!.stopAll();
      await unsubscribe?.();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await deps.store.close();
      await ownRedis?.quit().catch(() => undefined);
    },
  };
}

/**
 * After a restart, rounds that were running keep their timers: only the sessions the store lists with a running
 * round are loaded (a few at a time), every other session waits for its first use. One that cannot be loaded is
 * logged by the registry and skipped; its timer is tried again when someone uses the session.
 */
async function resumeTimers(registry: SessionRegistry, timers: RoundTimers, log: Log): Promise<void> {
  const ids = await registry.store.sessionsWithOpenRound();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        const host = await registry.get(id);
        if (host) timers.schedule(id, await host.committedState());
      } catch {
        // logged by the registry, by session
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, worker));
  if (ids.length) log('info', `resumed the round timers of ${ids.length} session(s) with a running round`);
}

/**
 * Browsers always send Origin on a WebSocket or polling request from a page; it must be this server or
 * an allowed origin (stops another site from opening a socket with a visitor's cookies or network).
 * Clients that are not browsers send none and are let through: they could forge it anyway.
 */
function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function makeLog(level: Config['LOG_LEVEL']): Log {
  const order = { silent: 0, error: 1, info: 2, debug: 3 } as const;
  return (l: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => {
    if (order[l] > order[level]) return;
    (l === 'error' ? console.error : console.log)(`[${l}] ${msg}`, extra ?? '');
  };
}
