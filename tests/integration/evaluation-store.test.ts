import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres-store.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { openSqliteStoreOnThread } from '../../server/store/sqlite-thread-store.js';
import type { Store } from '../../server/store/types.js';
import { freshDatabase } from '../support/fresh-database.js';
import { serviceUrl } from '../support/services.js';

/** A programme's evaluation questions (issue 16) in every store: absent, written, replaced, kept across a reopen. */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'plive-evaluation-'));
  dirs.push(d);
  return d;
};

const url = serviceUrl('DATABASE_URL');
const STORES: [string, (() => Promise<() => Promise<Store>>) | null][] = [
  [
    'sqlite',
    async () =>
      (
        (dataDir) => () =>
          openSqliteStore({ dataDir })
      )(await tempDir()),
  ],
  [
    'sqlite on its thread',
    async () =>
      (
        (dataDir) => () =>
          openSqliteStoreOnThread({ dataDir })
      )(await tempDir()),
  ],
  [
    'postgres',
    url
      ? async () => {
          const conn = await freshDatabase(url, 'evaluation');
          return () => openPostgresStore({ connectionString: conn });
        }
      : null,
  ],
];

describe.each(STORES)('programme evaluation questions in %s', (_name, make) => {
  it.skipIf(!make)('are null until written, then replaced whole, apart from the partners, and survive a reopen', async () => {
    const open = await make!();
    let store = await open();
    try {
      await store.createProgramme({ programmeId: 'prog1', createdAt: 1, name: 'P', description: null, organisers: [], languages: [] }, []);
      expect(await store.readProgrammeEvaluation('prog1')).toBeNull();
      await store.writeProgrammeEvaluation('prog1', '{"rating":"A?","takeBack":null,"change":null}', 2);
      await store.writeProgrammeEvaluation('prog1', '{"rating":null,"takeBack":"B?","change":null}', 3);
      await store.writeProgrammePartners('prog1', '{"partners":[],"corrections":[]}', 4);
      expect(JSON.parse((await store.readProgrammeEvaluation('prog1'))!)).toEqual({ rating: null, takeBack: 'B?', change: null });
      expect(await store.readProgrammeEvaluation('other')).toBeNull();
      await store.close();
      store = await open();
      expect(JSON.parse((await store.readProgrammeEvaluation('prog1'))!).takeBack).toBe('B?');
    } finally {
      await store.close();
    }
  });
});
