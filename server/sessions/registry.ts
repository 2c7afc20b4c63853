import type { Store } from '../store/types.js';
import { type HostDeps, SessionHost } from './session-host.js';

/** Loads each session once, on first use, and keeps it in memory. */
export class SessionRegistry {
  private hosts = new Map<string, Promise<SessionHost | null>>();

  constructor(private readonly deps: HostDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  get(sessionId: string): Promise<SessionHost | null> {
    let host = this.hosts.get(sessionId);
    if (!host) {
      host = this.load(sessionId);
      this.hosts.set(sessionId, host);
      // A failed load (store down) must not stick: forget it so the next call tries again.
      host.catch(() => this.hosts.delete(sessionId));
    }
    return host;
  }

  private async load(sessionId: string): Promise<SessionHost | null> {
    const row = await this.deps.store.findSession(sessionId);
    if (!row) {
      this.hosts.delete(sessionId);
      return null;
    }
    const host = new SessionHost(sessionId, this.deps);
    await host.isLoaded();
    return host;
  }

  /** The host if it is loaded (or loading); never loads one. */
  loaded(sessionId: string): Promise<SessionHost | null> | undefined {
    return this.hosts.get(sessionId);
  }

  loadedIds(): string[] {
    return [...this.hosts.keys()];
  }
}
