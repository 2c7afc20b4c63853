import { describe, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../server/store/postgres-store.js';
import { serviceUrl } from '../support/services.js';
import { defineStoreContract } from './store-contract.js';

const url = serviceUrl('DATABASE_URL');

/** Each run gets its own schema, so runs never see each other's rows. */
async function freshSchema(base: string): Promise<string> {
  const schema = `t_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

if (url) {
  defineStoreContract('postgres', async () => {
    const conn = await freshSchema(url);
    let store = await openPostgresStore({ connectionString: conn });
    return {
      get store() {
        return store;
      },
      reopen: async () => {
        await store.close();
        store = await openPostgresStore({ connectionString: conn });
        return store;
      },
      cleanup: async () => {
        await store.close().catch(() => undefined);
      },
    };
  });
} else {
  // Skipped on purpose: no DATABASE_URL here (CI sets it and fails without it).
  describe.skip('store contract: postgres (set DATABASE_URL to run)', () => it('needs Postgres', () => undefined));
}
