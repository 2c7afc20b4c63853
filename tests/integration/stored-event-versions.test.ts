import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../shared/protocol/events.js';
import { EVENT_VERSION, StoredEventError, readStoredEvent } from '../../shared/protocol/event-versions.js';
import { SessionLoadError, SessionRegistry } from '../../server/sessions/registry.js';
import { openSqliteStoreOnThread } from '../../server/store/sqlite-thread-store.js';
import type { EventRecord, Store } from '../../server/store/types.js';

const created = (id: string): SessionEvent => ({
  type: 'session.created',
  id,
  title: 'T',
  description: null,
  language: 'en',
  date: null,
  joinCode: `CODE${id}`,
  anonymous: false,
  prompts: [{ id: 'p1', text: 'Why?' }],
});
const record = (seq: number, data: unknown, version?: number): EventRecord => ({
  seq,
  at: seq,
  type: String((data as { type?: string }).type),
  data,
  ...(version ? { version } : {}),
});

describe('stored events carry their shape version and are parsed when read', () => {
  let dataDir: string;
  let store: Store;
  let registry: SessionRegistry;
  const logged: string[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-versions-'));
    store = await openSqliteStoreOnThread({ dataDir });
    registry = new SessionRegistry({ store, now: () => 0, newId: () => 'x', onCommit: () => undefined }, { log: (_l, msg) => logged.push(msg) });
    for (const id of ['good', 'future', 'garbled']) {
      await store.createSession({ sessionId: id, joinCode: `CODE${id}`, createdAt: 1, programmeId: null }, [], {
        sessionId: id,
        opId: null,
        result: null,
        events: [record(1, created(id))],
      });
    }
    await store.append({
      sessionId: 'future',
      opId: null,
      result: null,
      events: [record(2, { type: 'session.updated', title: 'From a later server' }, EVENT_VERSION + 1)],
    });
    await store.append({ sessionId: 'garbled', opId: null, result: null, events: [record(2, { type: 'answer.added', answer: { id: 'a1', text: 42 } })] });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a session with an event of an unknown version or shape is refused by name, with the reason; the others load', async () => {
    await expect(registry.get('future')).rejects.toBeInstanceOf(SessionLoadError);
    await expect(registry.get('future')).rejects.toThrow(/future.*version 2 is not known/);
    await expect(registry.get('garbled')).rejects.toThrow(/garbled.*answer\.added/);
    const good = await registry.get('good');
    expect((await good!.committedState()).title).toBe('T');
    expect(logged.some((m) => m.includes('garbled'))).toBe(true);
  });

  it("today's events read back as they were written; a record without a version is version 1", () => {
    expect(readStoredEvent(1, created('x'))).toEqual(created('x'));
    expect(() => readStoredEvent(0, created('x'))).toThrow(StoredEventError);
    expect(() => readStoredEvent(1, { type: 'no.such.event' })).toThrow(StoredEventError);
  });
});
