import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppDeps } from '../../../server/app.js';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';
import type { Store } from '../../../server/store/types.js';

export const OPERATOR = 'security-tests-operator-token-000000';

export interface Node {
  url: string;
  app: App;
  store: Store;
  close(): Promise<void>;
}

/**
 * A real server on a real port with the options these tests need (limits, Redis, a proxy in front), on its own
 * SQLite file, or on a store another node already uses (two nodes of one deployment).
 */
export async function startNode(opts: Partial<Omit<AppDeps, 'store' | 'config'>> & { config?: Partial<AppDeps['config']>; store?: Store } = {}): Promise<Node> {
  const dir = opts.store ? null : await mkdtemp(path.join(os.tmpdir(), 'plive-sec-'));
  // A node sharing another's store must not close it for that one.
  const store = opts.store ? keptOpen(opts.store) : await openSqliteStore({ dataDir: dir! });
  const { config, store: _s, ...rest } = opts;
  const app = createApp({ store, config: { ALLOWED_ORIGINS: [], TRUST_PROXY: false, LOG_LEVEL: 'silent', OPERATOR_TOKEN: OPERATOR, ...config }, ...rest });
  const url = await app.listen(0, '127.0.0.1');
  let closed = false;
  return {
    url,
    app,
    store,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function keptOpen(store: Store): Store {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'close') return async () => undefined;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
