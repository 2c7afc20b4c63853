import type { Config } from '../config.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

/** The embedded SQLite store by default; Postgres when DATABASE_URL is set. */
export async function openStore(config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>): Promise<Store> {
  if (config.DATABASE_URL) throw new Error('DATABASE_URL is set, but the Postgres store is not built yet');
  return openSqliteStore({ dataDir: config.DATA_DIR });
}
