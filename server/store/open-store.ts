import type { Config } from '../config.js';
import { openSqliteStoreOnThread } from './sqlite-thread-store.js';
import type { Store } from './types.js';

/** The embedded SQLite store by default; Postgres when DATABASE_URL is set. */
export async function openStore(config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>): Promise<Store> {
  if (config.DATABASE_URL) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore({ connectionString: config.DATABASE_URL });
  }
  return openSqliteStoreOnThread({ dataDir: config.DATA_DIR });
}
