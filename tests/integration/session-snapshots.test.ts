import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol/commands.js';
import type { SessionEvent } from '../../shared/protocol/events.js';
import { decideJoin } from '../../shared/domain/decide/groups.js';
import { EMPTY_STATE, applyAll } from '../../shared/domain/reducer.js';
import { SessionHost, fromRecord, type HostDeps } from '../../server/sessions/session-host.js';
import { openSqliteStoreOnThread } from '../../server/store/sqlite-thread-store.js';
import type { Store } from '../../server/store/types.js';

const SESSION = 'snapsession1';
const created: SessionEvent = {
  type: 'session.created',
  id: SESSION,
  title: 'Snapshots',
  description: null,
  language: 'en',
  date: null,
  joinCode: 'SNAPCODE',
  anonymous: false,
  prompts: [{ id: 'p1', text: 'Why a network?' }],
};

describe('a session loads from its latest snapshot plus the events after it', () => {
  let dataDir: string;
  let store: Store;
  let n = 0;
  const deps = (s: Store, checkpointEvery: number): HostDeps => ({
    store: s,
    now: () => 1_700_000_000_000 + n,
    newId: () => `id${++n}`,
    onCommit: () => undefined,
    checkpointEvery,
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-snap-'));
    store = await openSqliteStoreOnThread({ dataDir });
    await store.createSession({ sessionId: SESSION, joinCode: 'SNAPCODE', createdAt: 1, programmeId: null }, [], {
      sessionId: SESSION,
      opId: null,
      result: null,
      events: [{ seq: 1, at: 1, type: created.type, data: created }],
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function liveRoom(host: SessionHost, answers: number): Promise<void> {
    for (let i = 0; i < 12; i++) {
      const ack = await host.executeWith(
        { role: 'system' },
        (s, ctx) => decideJoin(s, { participantId: `p${i}`, name: `P${i}`, organisation: `o${i % 3}`, country: 'BE' }, ctx),
        null,
      );
      expect(ack.ok).toBe(true);
    }
    const fac = { role: 'facilitator' as const, label: null };
    expect((await host.execute({ type: 'groups.form', opId: 'op-form-000', mode: 'mixed', sizing: { by: 'count', count: 3 } } as Command, fac)).ok).toBe(true);
    expect((await host.execute({ type: 'round.start', opId: 'op-start-00', durationSeconds: 600 } as Command, fac)).ok).toBe(true);
    // Pipelined, as a live room writes: many commands in flight at once.
    const acks = await Promise.all(
      Array.from({ length: answers }, (_, i) =>
        host.execute({ type: 'answer.add', opId: `op-answer-${i}`, promptId: 'p1', text: `idea ${i}` } as Command, {
          role: 'participant',
          participantId: `p${i % 12}`,
        }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
  }

  it('writes snapshots as the log grows; a new host reads the snapshot and only the tail, and equals a full replay', async () => {
    const host = new SessionHost(SESSION, deps(store, 50));
    await host.isLoaded();
    await liveRoom(host, 230);
    await host.checkpoint();
    const snapshot = await store.readSnapshot(SESSION);
    expect(snapshot?.seq).toBeGreaterThanOrEqual(50);

    // More events after the snapshot: the tail.
    await host.execute({ type: 'broadcast.send', opId: 'op-tail-000', message: 'Two minutes left' } as Command, { role: 'facilitator', label: null });
    const live = await host.committedState();

    const reads: number[] = [];
    const spy: Store = Object.create(store, {
      readEvents: { value: (id: string, after: number, limit?: number) => (reads.push(after), store.readEvents(id, after, limit)) },
    });
    const reloaded = new SessionHost(SESSION, deps(spy, 50));
    const state = await reloaded.committedState();
    const truth = applyAll(EMPTY_STATE, (await store.readEvents(SESSION, 0)).map(fromRecord));
    expect(state).toEqual(truth);
    expect(live).toEqual(truth);
    expect(reads[0]).toBe(snapshot!.seq);
  });

  it('a snapshot of an unknown version is ignored and the log replayed', async () => {
    const host = new SessionHost(SESSION, deps(store, 10_000));
    await liveRoom(host, 20);
    const truth = await host.committedState();
    await store.writeSnapshot(SESSION, { seq: truth.seq, version: 999, data: '{"not":"a state"}' });
    const reloaded = new SessionHost(SESSION, deps(store, 10_000));
    expect(await reloaded.committedState()).toEqual(truth);
  });

  it('a state given to a reader does not change when later events are applied in place', async () => {
    const host = new SessionHost(SESSION, deps(store, 10_000));
    await liveRoom(host, 10);
    const given = await host.committedState();
    const frozen = structuredClone(given);
    await liveRoom(host, 0);
    await host.execute({ type: 'answer.add', opId: 'op-later-00', promptId: 'p1', text: 'later' } as Command, { role: 'participant', participantId: 'p1' });
    expect(given).toEqual(frozen);
    expect(Object.keys((await host.committedState()).answers)).toHaveLength(11);
  });
});
