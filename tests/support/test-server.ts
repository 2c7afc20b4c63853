import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppDeps } from '../../server/app.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  /** Stops the server but keeps the data directory (for restart tests). */
  stop(): Promise<void>;
  /** Stops and removes the data directory. */
  cleanup(): Promise<void>;
}

/** The operator token every test server is configured with (imports and the load figures of /healthz need it). */
export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

/** A real server on a free port with its own SQLite file in a temporary directory. */
export async function startTestServer(
  opts: {
    dataDir?: string;
    now?: () => number;
    clientDist?: string;
    rateLimits?: AppDeps['rateLimits'];
    beforeCommit?: () => void;
    embeddings?: AppDeps['embeddings'];
    sessionIdleMs?: number;
    log?: AppDeps['log'];
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'plive-')));
  const store = await openSqliteStore({ dataDir, beforeCommit: opts.beforeCommit });
  const app = createApp({
    store,
    // Every test client comes from 127.0.0.1: the per-address venue limits would count the whole suite as one venue
    // (tests/integration/security/ checks them on servers of their own).
    config: {
      ALLOWED_ORIGINS: [],
      TRUST_PROXY: false,
      LOG_LEVEL: 'silent',
      OPERATOR_TOKEN: TEST_OPERATOR_TOKEN,
      SESSIONS_PER_ADDRESS_PER_HOUR: 1_000_000,
      JOINS_PER_ADDRESS_PER_10_MIN: 1_000_000,
    },
    now: opts.now,
    clientDist: opts.clientDist,
    rateLimits: opts.rateLimits,
    embeddings: opts.embeddings,
    sessionIdleMs: opts.sessionIdleMs,
    log: opts.log,
  });
  const url = await app.listen(0, '127.0.0.1');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    url,
    app,
    dataDir,
    stop,
    async cleanup() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
