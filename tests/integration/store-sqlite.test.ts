import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { openSqliteStoreOnThread } from '../../server/store/sqlite-thread-store.js';
import { StoreUnavailableError, type Store } from '../../server/store/types.js';
import { defineStoreContract } from './store-contract.js';

defineStoreContract('sqlite', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
  let store: Store = await openSqliteStore({ dataDir });
  return {
    get store() {
      return store;
    },
    reopen: async () => {
      await store.close();
      store = await openSqliteStore({ dataDir });
      return store;
    },
    cleanup: async () => {
      await store.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

defineStoreContract('sqlite on a worker thread (as npm start runs it)', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
  let store: Store = await openSqliteStoreOnThread({ dataDir });
  return {
    get store() {
      return store;
    },
    reopen: async () => {
      await store.close();
      store = await openSqliteStoreOnThread({ dataDir });
      return store;
    },
    cleanup: async () => {
      await store.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('sqlite specifics', () => {
  it('writes one file in WAL mode with synchronous=FULL', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
    const store = await openSqliteStore({ dataDir });
    await store.close();
    const db = new Database(path.join(dataDir, 'sessions.db'));
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a failed commit rejects every batch in it, keeps none of them, and the store works again afterwards', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
    let failing = false;
    const store = await openSqliteStore({
      dataDir,
      beforeCommit: () => {
        if (failing) throw new Error('SQLITE_FULL: database or disk is full');
      },
    });
    await store.createSession({ sessionId: 's', joinCode: 'CODE2345', createdAt: 1, programmeId: null }, [], {
      sessionId: 's',
      opId: null,
      result: null,
      events: [{ seq: 1, at: 1, type: 'x', data: {} }],
    });
    failing = true;
    const results = await Promise.allSettled(
      [2, 3].map((seq) => store.append({ sessionId: 's', opId: `op${seq}`, result: null, events: [{ seq, at: 1, type: 'x', data: {} }] })),
    );
    expect(results.map((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError)).toEqual([true, true]);
    expect(await store.lastSeq('s')).toBe(1);
    failing = false;
    await store.append({ sessionId: 's', opId: 'op2', result: null, events: [{ seq: 2, at: 1, type: 'x', data: {} }] });
    expect(await store.lastSeq('s')).toBe(2);
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('a closed SQLite store', () => {
  // libsql aborts the process on a statement run after close (a Rust panic): a checkpoint still serialising while the
  // server stops reached it. Now each use after close is refused with an error, and this process lives on to say so.
  for (const [name, open] of [
    ['in this thread', openSqliteStore],
    ['on a worker thread', openSqliteStoreOnThread],
  ] as const) {
    it(`refuses writes and reads after close (${name})`, async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
      try {
        const store = await open({ dataDir });
        await store.close();
        const snapshot = { seq: 1, version: 1, data: '{}' };
        await expect(store.writeSnapshot('s1', snapshot)).rejects.toThrow(StoreUnavailableError);
        await expect(store.readSnapshot('s1')).rejects.toThrow(StoreUnavailableError);
        await expect(store.readEvents('s1', 0)).rejects.toThrow(StoreUnavailableError);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe('the store on its thread', () => {
  // Each message to a thread is a system call on the event loop; a storm of joins made two per person.
  it('takes the calls of one loop turn in one message, and answers each of them, in order of the log', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-store-'));
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const store = await openSqliteStoreOnThread({ dataDir });
      await store.createSession({ sessionId: 's1', joinCode: 'ABCDEFGH', createdAt: 1, programmeId: null }, [], {
        sessionId: 's1',
        opId: null,
        result: null,
        events: [{ seq: 1, at: 1, type: 'x', data: { n: 1 }, version: 1 }],
      });
      posted.mockClear();
      const seqs = Array.from({ length: 50 }, (_, i) => i + 2);
      await Promise.all([
        ...seqs.map((seq) =>
          store.append({ sessionId: 's1', opId: `op${seq}`, result: null, events: [{ seq, at: seq, type: 'x', data: { n: seq }, version: 1 }] }),
        ),
        store.findSession('s1'),
      ]);
      expect(posted).toHaveBeenCalledTimes(1);
      expect((await store.readEvents('s1', 0)).map((e) => e.seq)).toEqual([1, ...seqs]);
      await store.close();
    } finally {
      posted.mockRestore();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
