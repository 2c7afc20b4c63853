import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../server/store/postgres-store.js';
import { serviceUrl } from '../support/services.js';
import { eventually } from '../support/clients.js';
import { freshDatabase } from '../support/fresh-database.js';
import { defineStoreContract } from './store-contract.js';

const url = serviceUrl('DATABASE_URL');

// Skipped only without DATABASE_URL (reason: no Postgres to run against). Under CI=true serviceUrl() throws
// instead, so CI (its .ci/run sets DATABASE_URL) never skips it silently.
describe.skipIf(!url)('the Postgres store', () => {
  defineStoreContract('postgres', async () => {
    const conn = await freshDatabase(url!, 't');
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

  describe('postgres notifications', () => {
    it('keeps listening after its connection is cut, and says so, so the node can catch up', async () => {
      const conn = new URL(await freshDatabase(url!, 't'));
      const writer = await openPostgresStore({ connectionString: conn.toString() });
      const name = `listener_${Math.floor(Math.random() * 1e9)}`;
      conn.searchParams.set('application_name', name);
      const reader = await openPostgresStore({ connectionString: conn.toString() });
      const heard: string[] = [];
      let resumed = 0;
      const stop = await reader.subscribe!(
        (sessionId, seq) => heard.push(`${sessionId}:${seq}`),
        () => resumed++,
      );
      const admin = new pg.Client({ connectionString: url! });
      await admin.connect();
      try {
        const ev = (seq: number) => ({ seq, at: 0, type: seq === 1 ? 'session.created' : 'session.updated', data: {} });
        await writer.createSession({ sessionId: `${name}_s`, joinCode: `${name}`.slice(-8).toUpperCase(), createdAt: 0, programmeId: null }, [], {
          sessionId: `${name}_s`,
          opId: null,
          result: null,
          events: [ev(1)],
        });
        await writer.append({ sessionId: `${name}_s`, opId: 'op-2', result: null, events: [ev(2)] });
        await eventually(() => heard.includes(`${name}_s:2`), 5000, 'the first notification');

        const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1 AND query LIKE $2', [
          name,
          'LISTEN%',
        ]);
        expect(rows.map((r) => r.cut)).toEqual([true]);
        await eventually(() => resumed === 1, 5000, 'the listener to come back');

        await writer.append({ sessionId: `${name}_s`, opId: 'op-3', result: null, events: [ev(3)] });
        await eventually(() => heard.includes(`${name}_s:3`), 5000, 'a notification after the cut');
      } finally {
        await admin.end();
        await stop();
        await reader.close();
        await writer.close();
      }
    });
  });
});
