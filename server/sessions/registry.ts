import { StoreUnavailableError, type Store } from '../store/types.js';
import { type HostDeps, SessionHost } from './session-host.js';

/** A session whose log could not be read: refused alone, with what went wrong, while the others are served. */
export class SessionLoadError extends StoreUnavailableError {
  constructor(
    readonly sessionId: string,
    readonly reason: string,
  ) {
    super(`Session ${sessionId} cannot be loaded: ${reason}. Nothing was changed; the operator has been told.`);
  }
}

export interface RegistryOptions {
  /** A loaded session leaves memory after this long without use and without an attached socket. */
  idleMs?: number;
  /** How often idle sessions are looked for; a fraction of idleMs by default. */
  sweepMs?: number;
  /** Whether a session has sockets attached on this node (it then stays loaded). */
  inUse?: (sessionId: string) => boolean;
  /** Called when a session leaves memory. */
  onUnload?: (sessionId: string) => void;
  log?: (level: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => void;
  /** Monotonic milliseconds for idleness (not the domain clock, which tests move). */
  clock?: () => number;
}

export const DEFAULT_IDLE_MS = 10 * 60_000;
/** After a failed load, calls within this time are refused from memory instead of reading the store again. */
const RETRY_AFTER_MS = 2_000;

interface Entry {
  host: Promise<SessionHost | null>;
  /** Set once the load succeeded. */
  loaded: SessionHost | null;
  lastUsed: number;
}

/**
 * Loads each session on first use and drops it when it has been idle for a while: no call for `idleMs` and no
 * socket attached. The log is the truth, so a dropped session comes back identical on its next use (a running
 * round's timer outlives the host: it loads the session again when it fires).
 */
export class SessionRegistry {
  private hosts = new Map<string, Entry>();
  private failures = new Map<string, { error: SessionLoadError; at: number }>();
  private sweeper: NodeJS.Timeout | null = null;
  private readonly idleMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly deps: HostDeps,
    private readonly opts: RegistryOptions = {},
  ) {
    this.idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
    this.clock = opts.clock ?? (() => performance.now());
  }

  get store(): Store {
    return this.deps.store;
  }

  get(sessionId: string): Promise<SessionHost | null> {
    const now = this.clock();
    const entry = this.hosts.get(sessionId);
    if (entry) {
      entry.lastUsed = now;
      return entry.host;
    }
    const failed = this.failures.get(sessionId);
    if (failed && now - failed.at < RETRY_AFTER_MS) return Promise.reject(failed.error);
    const e: Entry = { host: Promise.resolve(null), loaded: null, lastUsed: now };
    e.host = this.load(sessionId, e);
    this.hosts.set(sessionId, e);
    // A failed load must not stick (the store may be back next time): forget it so a later call tries again.
    e.host.catch(() => this.hosts.get(sessionId) === e && this.hosts.delete(sessionId));
    return e.host;
  }

  private async load(sessionId: string, entry: Entry): Promise<SessionHost | null> {
    const row = await this.deps.store.findSession(sessionId);
    if (!row) {
      if (this.hosts.get(sessionId) === entry) this.hosts.delete(sessionId);
      return null;
    }
    const host = new SessionHost(sessionId, this.deps);
    try {
      await host.isLoaded();
    } catch (err) {
      throw this.failed(sessionId, err);
    }
    if (this.failures.delete(sessionId)) this.opts.log?.('info', `session ${sessionId} loads again`);
    entry.loaded = host;
    return host;
  }

  /** Records (and logs, once per distinct problem) a session that could not be loaded. */
  private failed(sessionId: string, err: unknown): SessionLoadError {
    const reason = err instanceof Error ? err.message : String(err);
    const error = new SessionLoadError(sessionId, reason);
    const before = this.failures.get(sessionId);
    if (before?.error.reason !== reason)
      this.opts.log?.('error', `session ${sessionId} cannot be loaded and is refused (the other sessions are served): ${reason}`);
    this.failures.set(sessionId, { error, at: this.clock() });
    return error;
  }

  /** The host if it is loaded (or loading); never loads one. */
  loaded(sessionId: string): Promise<SessionHost | null> | undefined {
    return this.hosts.get(sessionId)?.host;
  }

  loadedIds(): string[] {
    return [...this.hosts.keys()];
  }

  /** Drops every session idle for idleMs: no call, no attached socket, nothing being written. Returns how many. */
  sweep(): number {
    const now = this.clock();
    let dropped = 0;
    for (const [id, entry] of this.hosts) {
      const host = entry.loaded;
      if (!host || now - entry.lastUsed < this.idleMs || this.opts.inUse?.(id) || !host.idle()) continue;
      // A last snapshot on the way out: the next load reads it and no events (it finishes after the host is gone).
      void host.checkpoint();
      this.hosts.delete(id);
      this.opts.onUnload?.(id);
      dropped += 1;
    }
    if (dropped) this.opts.log?.('debug', `unloaded ${dropped} idle session(s); ${this.hosts.size} stay loaded`);
    return dropped;
  }

  /** Starts looking for idle sessions periodically (the timer does not keep the process alive). */
  startSweeping(): void {
    if (this.sweeper) return;
    const every = this.opts.sweepMs ?? Math.max(50, Math.min(60_000, this.idleMs / 4));
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}
