import type { SessionRegistry } from '../sessions/registry.js';
import type { Store } from '../store/types.js';
import { hasNames, withoutNames } from '../export/anonymise.js';

export interface RetentionDeps {
  store: Store;
  registry: SessionRegistry;
  now: () => number;
  log: (level: 'error' | 'info', msg: string, extra?: unknown) => void;
  /** 0: off (the default). */
  days: number;
  mode: 'delete' | 'anonymise';
  /** How often to look, in ms (an hour). */
  everyMs?: number;
  /** A session was deleted (what this node remembers of it must go too). */
  onDeleted?: (sessionId: string) => void;
}

const DAY_MS = 86_400_000;

/**
 * Closed sessions whose closing is older than `days` are deleted (log, credentials, row) or anonymised (names
 * become "Participant N", organisations and countries go; answers stay). Sessions in memory are left for the next
 * pass, so nobody looking at one sees it vanish under them. Off unless RETENTION_DAYS is set (SECURITY.md).
 */
export function startRetention(deps: RetentionDeps): { stop(): void; runOnce(): Promise<number> } {
  const store = deps.store;
  const runOnce = async (): Promise<number> => {
    if (deps.days <= 0) return 0;
    const cutoff = deps.now() - deps.days * DAY_MS;
    let done = 0;
    for (const row of await deps.store.listSessions()) {
      if (deps.registry.loaded(row.sessionId)) continue;
      const last = await deps.store.lastSeq(row.sessionId);
      const [end] = await deps.store.readEvents(row.sessionId, last - 1, 1);
      if (end?.type !== 'session.closed' || end.at > cutoff) continue;
      if (deps.mode === 'delete') {
        await store.deleteSession(row.sessionId);
        deps.onDeleted?.(row.sessionId);
        done += 1;
      } else {
        const events = await deps.store.readEvents(row.sessionId, 0);
        if (!hasNames(events)) continue;
        await store.replaceEvents(row.sessionId, withoutNames(events));
        done += 1;
      }
    }
    return done;
  };
  if (deps.days <= 0) return { stop() {}, runOnce };
  const pass = () =>
    void runOnce().then(
      (n) => n && deps.log('info', `retention: ${deps.mode === 'delete' ? 'deleted' : 'anonymised'} ${n} closed session(s) older than ${deps.days} day(s)`),
      (err) => deps.log('error', 'retention pass failed', err),
    );
  const first = setTimeout(pass, 30_000);
  const timer = setInterval(pass, deps.everyMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return { stop: () => (clearTimeout(first), clearInterval(timer)), runOnce };
}
