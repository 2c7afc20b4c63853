import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { createApp, type App } from '../../server/app.js';
import { redisAdapter } from '../../server/scale/redis-adapter.js';
import { openPostgresStore } from '../../server/store/postgres-store.js';
import { groupRoom } from '../../server/socket/rooms.js';
import { viewFor } from '../../shared/domain/projection.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { serviceUrl } from '../support/services.js';
import { TestClient, createSession, eventually, facilitatorClient, type CreatedSession } from '../support/clients.js';
import { freshDatabase } from '../support/fresh-database.js';

/**
 * Regrouping moves sockets on the server (DESIGN.md "Rooms"): after a split, a merge or a move, every participant
 * concerned gets its new group's slice and its sockets are in the new group's room only. The participants here
 * never attach again by themselves (autoReattach off), and the server counts attaches, so a re-attach cannot
 * hide a missing move.
 */

let server: TestServer | null = null;
const cleanups: (() => Promise<void>)[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
  for (const f of cleanups.splice(0).reverse()) await f().catch(() => undefined);
});

/** Counts attach messages reaching a server, whoever sends them. */
function countAttaches(io: Server): { count: number } {
  const counter = { count: 0 };
  io.on('connection', (socket) => socket.on('attach', () => counter.count++));
  return counter;
}

async function participant(url: string, s: CreatedSession, name: string): Promise<TestClient> {
  const c = await new TestClient(url).connected();
  c.autoReattach = false;
  clients.push(c);
  await c.join(s.joinCode, { name, organisation: `Org ${name}` });
  return c;
}

const groupOf = (c: TestClient) => c.view!.participants[c.participantId!]?.groupId ?? null;
const asViewer = (c: TestClient) => ({ role: 'participant' as const, participantId: c.participantId! });

/** The group rooms a socket is in, asked through the adapter (so across nodes too). */
async function groupRoomsOf(io: Server, c: TestClient): Promise<string[]> {
  const [socket] = await io.in(c.socket.id!).fetchSockets();
  return [...(socket?.rooms ?? [])].filter((r) => r.includes(':g:')).sort();
}

/** Waits until each participant's view is exactly what an attach would give them now. */
async function expectViewsMatchAttach(fac: TestClient, people: TestClient[], what: string) {
  await eventually(() => people.every((p) => p.view!.seq === fac.view!.seq), 5000, `${what}: everyone at the facilitator's seq`);
  // On a timeout, fall through to the exact comparison below: it shows the difference.
  await eventually(
    () => people.every((p) => JSON.stringify(sorted(p.view)) === JSON.stringify(sorted(viewFor(fac.view!, asViewer(p))))),
    5000,
    `${what}: views match`,
  ).catch(() => undefined);
  for (const p of people) expect(p.view).toEqual(viewFor(fac.view!, asViewer(p)));
}

/** Answer maps built in another order hold the same answers: compare with sorted keys. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sorted(x)]),
    );
  return v;
}

async function write(c: TestClient, text: string): Promise<string> {
  const ack = await c.ok<{ answerId: string }>('answer.add', { promptId: c.view!.prompts[0].id, text });
  return ack.result!.answerId;
}

describe('regrouping moves sockets on the server', () => {
  it('a moved participant stops hearing its old group and hears its new one, without attaching again', async () => {
    server = await startTestServer();
    const attaches = countAttaches(server.app.io);
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    const people = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) people.push(await participant(server.url, s, name));
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await expectViewsMatchAttach(fac, people, 'split');
    const [A, B] = fac.view!.groupOrder;
    const inA = people.filter((p) => groupOf(p) === A);
    const inB = people.filter((p) => groupOf(p) === B);
    const before = { a: await write(inA[0], 'Alpha before'), b: await write(inB[0], 'Beta before') };
    await eventually(() => !!inA[1].view!.answers[before.a] && !!inB[1].view!.answers[before.b], 5000, 'answers before the move');
    const attachesBefore = attaches.count;

    const mover = inA[1];
    await fac.ok('participant.move', { participantId: mover.participantId, groupId: B });
    await eventually(() => groupOf(mover) === B && !!mover.view!.answers[before.b], 5000, 'the mover holds its new group');
    expect(mover.view!.answers[before.a]).toBeUndefined();
    expect(mover.slices.slice(1).map((x) => x.groupId)).toEqual([B]);
    await expectViewsMatchAttach(fac, [...people], 'move');
    // The group it left no longer lists it; the group it joined knows its name.
    expect(inA[0].view!.participants[mover.participantId!]).toBeUndefined();
    for (const p of inB) expect(p.view!.participants[mover.participantId!]?.name).toBe(fac.view!.participants[mover.participantId!].name);
    expect(await groupRoomsOf(server.app.io, mover)).toEqual([groupRoom(s.sessionId, B)]);

    // The old group's next answer never reaches it; the new group's does.
    const oldGroupAnswer = await write(inA[0], 'Alpha after');
    const newGroupAnswer = await write(inB[0], 'Beta after');
    await eventually(() => !!mover.view!.answers[newGroupAnswer] && !!fac.view!.answers[oldGroupAnswer], 5000, 'answers after the move');
    await new Promise((r) => setTimeout(r, 150));
    expect(mover.received.some((e) => e.event.type === 'answer.added' && e.event.answer.id === oldGroupAnswer)).toBe(false);
    expect(mover.view!.answers[oldGroupAnswer]).toBeUndefined();

    expect(attaches.count).toBe(attachesBefore);
    for (const c of people) expect([c.attaches, c.resyncWanted]).toEqual([1, 0]);
  });

  it('a new split sends every participant only its new group, and merged groups see each other', async () => {
    server = await startTestServer();
    const attaches = countAttaches(server.app.io);
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    const people: TestClient[] = [];
    for (let i = 0; i < 8; i++) people.push(await participant(server.url, s, `P${i}`));
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await expectViewsMatchAttach(fac, people, 'first split');
    for (const p of people) await write(p, `first ${p.participantId}`);
    await fac.ok('round.end');
    await expectViewsMatchAttach(fac, people, 'first round');
    const attachesBefore = attaches.count;
    const firstSplit = [...fac.view!.groupOrder];

    // A new split into four: each participant gets one slice, of its own new group, with no old answers.
    const formed = await fac.ok('groups.form', { mode: 'new-faces', sizing: { by: 'count', count: 4 } });
    await expectViewsMatchAttach(fac, people, 'second split');
    const split = fac.view!.groupOrder;
    expect(split).toHaveLength(4);
    for (const p of people) {
      const mine = p.slices.filter((x) => x.seq === formed.seq);
      expect(mine.map((x) => x.groupId)).toEqual([groupOf(p)]);
      expect(mine[0].participantId).toBe(p.participantId);
      expect(Object.keys(mine[0].participants).sort()).toEqual([...fac.view!.groups[groupOf(p)!].memberIds].sort());
      expect(p.view!.answers).toEqual({});
      // The other groups are not theirs to hold (nor to download: 625 groups each, in a room of 5,000).
      const event = p.received.find((e) => e.seq === formed.seq)!.event;
      expect(event).toMatchObject({ type: 'groups.formed', groups: [] });
      expect(Object.keys(p.view!.groups)).toEqual([groupOf(p)]);
      expect(p.view!.groupOrder).toEqual([groupOf(p)]);
      expect(await groupRoomsOf(server.app.io, p)).toEqual([groupRoom(s.sessionId, groupOf(p)!)]);
    }
    for (const gid of firstSplit) expect(await server.app.io.in(groupRoom(s.sessionId, gid)).fetchSockets()).toEqual([]);

    // Answers in the new groups, then a merge in pairs: each merged group sees both parts' answers.
    await fac.ok('round.start', { durationSeconds: 600 });
    const answerOf = new Map<TestClient, string>();
    for (const p of people) answerOf.set(p, await write(p, `second ${p.participantId}`));
    await fac.ok('round.end');
    await expectViewsMatchAttach(fac, people, 'second round');
    await fac.ok('groups.merge', {});
    await expectViewsMatchAttach(fac, people, 'merge');
    const merged = fac.view!.groupOrder;
    expect(merged).toHaveLength(2);
    for (const p of people) {
      const mates = people.filter((q) => groupOf(q) === groupOf(p));
      expect(mates).toHaveLength(4);
      expect(Object.keys(p.view!.answers).sort()).toEqual(mates.map((q) => answerOf.get(q)!).sort());
      expect(await groupRoomsOf(server.app.io, p)).toEqual([groupRoom(s.sessionId, groupOf(p)!)]);
    }
    for (const gid of split) expect(await server.app.io.in(groupRoom(s.sessionId, gid)).fetchSockets()).toEqual([]);

    // After the merge, an answer from one former part reaches the other former part live.
    await fac.ok('round.start', { durationSeconds: 600 });
    const writer = people[0];
    const otherPart = people.filter(
      (q) =>
        groupOf(q) === groupOf(writer) &&
        !fac.view!.groups[split.find((g) => fac.view!.groups[g].memberIds.includes(writer.participantId!))!].memberIds.includes(q.participantId!),
    );
    expect(otherPart.length).toBeGreaterThan(0);
    const live = await write(writer, 'after the merge');
    await eventually(() => otherPart.every((q) => !!q.view!.answers[live]), 5000, 'merged answer delivered live');

    expect(attaches.count).toBe(attachesBefore);
    for (const c of people) expect([c.attaches, c.resyncWanted]).toEqual([1, 0]);
  });
});

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');
/** This file's own stream: other tests' nodes on the shared Redis would otherwise be waited for by cross-node requests. */
const stream = `test-regrouping-${Date.now().toString(36)}`;

/** A node in this process (so its rooms can be inspected) on the shared Postgres and the Redis Streams adapter. */
async function node(db: string): Promise<{ app: App; url: string }> {
  const redis = await redisAdapter(redisUrl!, stream);
  const store = await openPostgresStore({ connectionString: db });
  const app = createApp({ store, adapter: redis.adapter, config: { ALLOWED_ORIGINS: [], TRUST_PROXY: false, LOG_LEVEL: 'silent' } });
  const url = await app.listen(0, '127.0.0.1');
  cleanups.push(async () => {
    await app.close();
    await redis.close();
  });
  return { app, url };
}

describe.skipIf(!databaseUrl || !redisUrl)('regrouping across two nodes (Postgres, Redis adapter)', () => {
  it('a move committed on one node moves the sockets held by the other', async () => {
    const db = await freshDatabase(databaseUrl!, 'rg');
    const a = await node(db);
    const b = await node(db);
    const attaches = [countAttaches(a.app.io), countAttaches(b.app.io)];
    const s = await createSession(a.url);
    const fac = await facilitatorClient(a.url, s);
    clients.push(fac);
    const people: TestClient[] = [];
    for (let i = 0; i < 4; i++) people.push(await participant(i % 2 === 0 ? a.url : b.url, s, `P${i}`));
    await eventually(() => Object.keys(fac.view!.participants).length === 4, 5000, 'joins seen across nodes');
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await expectViewsMatchAttach(fac, people, 'split');
    const [A, B] = fac.view!.groupOrder;
    const attachesBefore = attaches.map((x) => x.count);

    // Everyone moves to the other group (a move each, committed on node A; half the sockets live on node B).
    const before = new Map(people.map((p) => [p, groupOf(p)!]));
    for (const p of people) await fac.ok('participant.move', { participantId: p.participantId, groupId: before.get(p) === A ? B : A });
    await expectViewsMatchAttach(fac, people, 'moves');
    for (const p of people) {
      expect(groupOf(p)).not.toBe(before.get(p));
      expect(await groupRoomsOf(a.app.io, p)).toEqual([groupRoom(s.sessionId, groupOf(p)!)]);
    }
    // An answer in group A reaches exactly its members now, on both nodes.
    const writer = people.find((p) => groupOf(p) === A)!;
    const id = await write(writer, 'after the moves');
    await eventually(() => people.filter((p) => groupOf(p) === A).every((p) => !!p.view!.answers[id]), 5000, 'answer in its group');
    await new Promise((r) => setTimeout(r, 200));
    for (const p of people.filter((q) => groupOf(q) === B))
      expect(p.received.some((e) => e.event.type === 'answer.added' && e.event.answer.id === id)).toBe(false);
    expect(attaches.map((x) => x.count)).toEqual(attachesBefore);
    for (const c of people) expect([c.attaches, c.resyncWanted]).toEqual([1, 0]);
  });
});
