import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../server/store/postgres-store.js';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';
import { openSqliteStoreOnThread } from '../../../server/store/sqlite-thread-store.js';
import type { Store } from '../../../server/store/types.js';
import { freshDatabase } from '../../support/fresh-database.js';
import { serviceUrl } from '../../support/services.js';

const databaseUrl = serviceUrl('DATABASE_URL');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-sec-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const STORES: [string, boolean, () => Promise<Store>][] = [
  ['sqlite', true, async () => openSqliteStore({ dataDir: await tempDir() })],
  ['sqlite on a thread', true, async () => openSqliteStoreOnThread({ dataDir: await tempDir() })],
  ['postgres', !!databaseUrl, async () => openPostgresStore({ connectionString: await freshDatabase(databaseUrl!, 'sec') })],
];

const created = (_sessionId: string, name: string) => ({
  seq: 2,
  at: 2,
  type: 'participant.joined',
  data: { type: 'participant.joined', participant: { id: 'p1', name, organisation: 'Org', country: 'DK', joinedAt: 2, groupId: null } },
});

describe.each(STORES)('%s: keys a facilitator controls, and retention', (_name, available, open) => {
  it.skipIf(!available)('lists, touches and deletes credentials; deletes a session; rewrites a log in place and drops its snapshot', async () => {
    const store = await open();
    cleanups.push(() => store.close());
    const first = { seq: 1, at: 1, type: 'session.created', data: { type: 'session.created' } };
    await store.createSession(
      { sessionId: 's1', joinCode: 'AAAAAAAA', createdAt: 1, programmeId: null },
      [{ hash: 'h-creator', role: 'facilitator', scopeId: 's1', subject: 'facilitator', createdAt: 1 }],
      { sessionId: 's1', opId: null, result: null, events: [first] },
    );
    await store.addCredential({ hash: 'h-co', role: 'facilitator', scopeId: 's1', subject: 'Sam', createdAt: 5 });
    await store.addCredential({ hash: 'h-other', role: 'facilitator', scopeId: 's2', subject: 'x', createdAt: 3 });
    await store.append({ sessionId: 's1', opId: 'op-1', result: null, events: [created('s1', 'Astrid')] });
    expect((await store.listCredentials('s1')).map((c) => [c.hash, c.lastUsedAt ?? null])).toEqual([
      ['h-creator', null],
      ['h-co', null],
    ]);
    await store.touchCredential('h-co', 42);
    expect((await store.findCredential('h-co'))?.lastUsedAt).toBe(42);
    await store.deleteCredential('h-co');
    expect(await store.findCredential('h-co')).toBeNull();
    expect((await store.listCredentials('s1')).map((c) => c.hash)).toEqual(['h-creator']);

    await store.writeSnapshot('s1', { seq: 2, version: 1, data: '{"names":"Astrid"}' });
    const events = await store.readEvents('s1', 0);
    await store.replaceEvents(
      's1',
      events.map((e) => (e.type === 'participant.joined' ? created('s1', 'Participant 1') : e)),
    );
    expect(JSON.stringify(await store.readEvents('s1', 0))).not.toContain('Astrid');
    expect((await store.readEvents('s1', 0)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.readSnapshot('s1')).toBeNull();

    await store.deleteSession('s1');
    expect(await store.findSession('s1')).toBeNull();
    expect(await store.readEvents('s1', 0)).toEqual([]);
    expect(await store.lastSeq('s1')).toBe(0);
    expect(await store.findCredential('h-creator')).toBeNull();
    expect(await store.findCredential('h-other')).not.toBeNull();
    // The join code is free again, and the session id starts a fresh log.
    await store.createSession({ sessionId: 's1', joinCode: 'AAAAAAAA', createdAt: 9, programmeId: null }, [], {
      sessionId: 's1',
      opId: null,
      result: null,
      events: [first],
    });
    expect(await store.lastSeq('s1')).toBe(1);
  });
});
