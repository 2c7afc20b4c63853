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

/** A programme's partner list (issue 16) in every store: absent, written, replaced, kept across a reopen. */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'plive-partners-'));
  dirs.push(d);
  return d;
};

const url = serviceUrl('DATABASE_URL');
const STORES: [string, (() => Promise<() => Promise<Store>>) | null][] = [
  [
    'sqlite',
    async () => {
      const dataDir = await tempDir();
      return () => openSqliteStore({ dataDir });
    },
  ],
  [
    'sqlite on its thread',
    async () => {
      const dataDir = await tempDir();
      return () => openSqliteStoreOnThread({ dataDir });
    },
  ],
  [
    'postgres',
    url
      ? async () => {
          const conn = await freshDatabase(url, 'partners');
          return () => openPostgresStore({ connectionString: conn });
        }
      : null,
  ],
];

describe.each(STORES)('programme partners in %s', (_name, make) => {
  it.skipIf(!make)('are null until written, then replaced whole, and survive a reopen', async () => {
    const open = await make!();
    let store = await open();
    try {
      await store.createProgramme({ programmeId: 'prog1', createdAt: 1, name: 'P', description: null, organisers: [], languages: [] }, []);
      expect(await store.readProgrammePartners('prog1')).toBeNull();
      await store.writeProgrammePartners('prog1', '{"partners":[{"name":"ENSIE","aliases":[]}],"corrections":[]}', 2);
      await store.writeProgrammePartners('prog1', '{"partners":[{"name":"VVSG","aliases":["Vereniging"]}],"corrections":[]}', 3);
      expect(JSON.parse((await store.readProgrammePartners('prog1'))!)).toEqual({ partners: [{ name: 'VVSG', aliases: ['Vereniging'] }], corrections: [] });
      expect(await store.readProgrammePartners('other')).toBeNull();
      await store.close();
      store = await open();
      expect(JSON.parse((await store.readProgrammePartners('prog1'))!).partners[0].name).toBe('VVSG');
    } finally {
      await store.close();
    }
  });
});
