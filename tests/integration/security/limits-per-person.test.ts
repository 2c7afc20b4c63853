import { nanoid } from 'nanoid';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../../shared/protocol/acks.js';
import { handshakeAuth } from '../../../shared/protocol/socket-events.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../../support/clients.js';
import { serviceUrl } from '../../support/services.js';
import { startNode, type Node } from './node.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A raw socket as a browser behind a proxy would open it: the proxy adds the client's address. */
async function socketFrom(url: string, address: string | null): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: handshakeAuth(),
    ...(address ? { extraHeaders: { 'x-forwarded-for': address } } : {}),
  });
  cleanups.push(() => socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
const send = <R = unknown>(socket: Socket, event: string, payload: unknown) => socket.timeout(30_000).emitWithAck(event, payload) as Promise<Ack<R>>;
const join = (socket: Socket, joinCode: string, token = nanoid(24), name = 'Someone') =>
  send<{ sessionId: string; participantId: string }>(socket, 'join', { opId: nanoid(12), joinCode, name, token });
const attach = (socket: Socket, sessionId: string, token: string) => send(socket, 'attach', { sessionId, credential: { kind: 'participant', token } });
const codeOf = (ack: Ack) => (ack.ok ? 'ok' : ack.error.code);

/** Someone typing wrong codes, reloading the page every few tries (one connection gets 10 failed look-ups). */
async function typeWrongCodes(url: string, address: string | null, count: number): Promise<string[]> {
  const codes: string[] = [];
  let socket: Socket | null = null;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      socket?.close();
      socket = await socketFrom(url, address);
    }
    codes.push(codeOf(await join(socket!, 'ZZZZZZZZ')));
  }
  socket?.close();
  return codes;
}

async function node(opts: Parameters<typeof startNode>[0] = {}): Promise<Node> {
  const n = await startNode(opts);
  cleanups.push(() => n.close());
  return n;
}

async function inParallel<T>(n: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

describe('limits keyed by who is acting', () => {
  it('a room of 300 behind one venue address joins while someone there keeps typing wrong codes', async () => {
    const n = await node({ config: { TRUST_PROXY: true } });
    const s = await createSession(n.url);
    const venue = '203.0.113.7';
    const wrong = await typeWrongCodes(n.url, `10.0.0.1, ${venue}`, 40);
    const typist = await socketFrom(n.url, venue);
    // Failures count against the address (30 in a minute), then are refused without saying whether the code was wrong.
    expect(wrong.slice(0, 30).every((c) => c === 'not_found')).toBe(true);
    expect(wrong.slice(30).every((c) => c === 'rate_limited')).toBe(true);
    // The address is taken from X-Forwarded-For: another venue's mistyped code is only wrong, not throttled.
    expect(codeOf(await join(await socketFrom(n.url, '198.51.100.9'), 'ZZZZZZZZ'))).toBe('not_found');
    const room = await inParallel(300, 30, async (i) => {
      if (i % 30 === 0) await join(typist, 'YYYYYYYY'); // still typing wrong codes meanwhile
      const socket = await socketFrom(n.url, venue);
      const token = nanoid(24);
      const joined = await join(socket, s.joinCode, token, `Person ${i}`);
      const attached = joined.ok ? await attach(socket, joined.result!.sessionId, token) : joined;
      socket.close();
      return codeOf(attached);
    });
    expect(room.filter((c) => c !== 'ok')).toEqual([]);
    const state = (await (await fetch(`${n.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).json()).session;
    expect(Object.keys(state.participants)).toHaveLength(300);
  }, 180_000);

  it('a connection that keeps failing gets no more look-ups; the others on its address are not affected', async () => {
    const n = await node();
    const s = await createSession(n.url);
    const guesser = await socketFrom(n.url, null);
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(codeOf(await join(guesser, i === 11 ? s.joinCode : 'ZZZZZZZZ')));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('not_found'));
    // Even the right code: this connection has been guessing.
    expect(codes.slice(10)).toEqual(['rate_limited', 'rate_limited']);
    expect(codeOf(await join(await socketFrom(n.url, null), s.joinCode))).toBe('ok');
  });

  it('a participant re-attaches from an address that just failed many times', async () => {
    const n = await node();
    const s = await createSession(n.url);
    const first = await socketFrom(n.url, null);
    const token = nanoid(24);
    const joined = expectOk(await join(first, s.joinCode, token));
    first.close();
    await typeWrongCodes(n.url, null, 40);
    const guesser = await socketFrom(n.url, null);
    expect(codeOf(await join(guesser, 'ZZZZZZZZ'))).toBe('rate_limited');
    expect(codeOf(await send(guesser, 'attach', { sessionId: s.sessionId, credential: { kind: 'participant', token: nanoid(24) } }))).toBe('rate_limited');
    // A valid credential is looked up first and never held back by the address's failures.
    const back = await socketFrom(n.url, null);
    expect(codeOf(await attach(back, joined.result!.sessionId, token))).toBe('ok');
    // So is a new person with the right code.
    expect(codeOf(await join(await socketFrom(n.url, null), s.joinCode))).toBe('ok');
  });

  it("a participant's 20 sockets share one budget, and at most 8 of them stay attached", async () => {
    const n = await node({ limits: { writes: { points: 50, seconds: 3600 } } });
    const s = await createSession(n.url);
    const fac = await facilitatorClient(n.url, s);
    cleanups.push(() => fac.close());
    const me = await new TestClient(n.url).connected();
    cleanups.push(() => me.close());
    await me.join(s.joinCode, { name: 'Many tabs' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => me.view?.phase === 'breakout');
    const answerId = (await me.ok<{ answerId: string }>('answer.add', { promptId: fac.view!.prompts[0].id, text: 'first' })).result!.answerId;
    const sockets: Socket[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = await socketFrom(n.url, null);
      expect(codeOf(await attach(socket, s.sessionId, me.token!))).toBe('ok');
      sockets.push(socket);
    }
    await eventually(() => sockets.filter((x) => x.connected).length <= 8, 5000, 'the oldest sockets closed');
    const open = [me.socket as unknown as Socket, ...sockets].filter((x) => x.connected);
    expect(open.length).toBeLessThanOrEqual(8);
    const acks = await Promise.all(
      open.flatMap((socket) =>
        Array.from({ length: 20 }, (_, k) => send(socket, 'command', { type: 'answer.edit', opId: nanoid(12), answerId, text: `edit ${k} ${nanoid(4)}` })),
      ),
    );
    const accepted = acks.filter((a) => a.ok).length;
    // One budget of 50 for everything this person sends (the first answer took one of them).
    expect(accepted).toBeLessThanOrEqual(49);
    expect(accepted).toBeGreaterThan(0);
    expect(acks.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Another participant is not affected.
    const other = await new TestClient(n.url).connected();
    cleanups.push(() => other.close());
    await other.join(s.joinCode, { name: 'Calm' });
    await eventually(() => other.view?.phase === 'breakout');
    expect((await other.command('answer.add', { promptId: fac.view!.prompts[0].id, text: 'mine' })).ok).toBe(true);
  });

  it('caps new participants per address and per session; a known person rejoins past both', async () => {
    const n = await node({ config: { MAX_PARTICIPANTS_PER_SESSION: 4 }, limits: { joins: { points: 3, seconds: 3600 } } });
    const s = await createSession(n.url);
    const socket = await socketFrom(n.url, null);
    const tokens = [nanoid(24), nanoid(24), nanoid(24)];
    for (const t of tokens) expect(codeOf(await join(socket, s.joinCode, t))).toBe('ok');
    expect(await join(socket, s.joinCode)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/wait \d+ s/) } });
    expect(codeOf(await join(socket, s.joinCode, tokens[0]))).toBe('ok');
    const full = await node({ config: { MAX_PARTICIPANTS_PER_SESSION: 2 } });
    const t = await createSession(full.url);
    const x = await socketFrom(full.url, null);
    expect(codeOf(await join(x, t.joinCode))).toBe('ok');
    expect(codeOf(await join(x, t.joinCode))).toBe('ok');
    expect(await join(x, t.joinCode)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This session is full' } });
  });

  it('limits new sessions per address (X-Forwarded-For behind a trusted proxy)', async () => {
    const n = await node({ config: { TRUST_PROXY: true }, limits: { sessions: { points: 3, seconds: 3600 } } });
    const create = (address: string) =>
      fetch(`${n.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ template: 'core-drives' }),
      });
    for (let i = 0; i < 3; i++) expect((await create('192.0.2.1')).status).toBe(201);
    const refused = await create('192.0.2.1');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    // IPv6 is counted by /64: another address in the same /64 shares the bucket, another /64 does not.
    for (let i = 0; i < 3; i++) expect((await create(`2001:db8:1:2::${i + 1}`)).status).toBe(201);
    expect((await create('2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await create('2001:db8:1:3::1')).status).toBe(201);
  });

  const redisUrl = serviceUrl('REDIS_URL');
  it.skipIf(!redisUrl)(
    'with Redis, two nodes share every limit: failed look-ups per address and writes per person',
    async () => {
      const prefix = `plive-test-${nanoid(8)}`;
      const redis = createClient({ url: redisUrl! });
      await redis.connect();
      cleanups.push(() => redis.quit());
      const limits = { failedLookups: { points: 5, seconds: 3600 }, writes: { points: 30, seconds: 3600 } };
      const a = await node({ limitsRedis: redis, limitsKeyPrefix: prefix, limits });
      const b = await node({ limitsRedis: redis, limitsKeyPrefix: prefix, limits, store: a.store });
      const onA = await socketFrom(a.url, null);
      const onB = await socketFrom(b.url, null);
      // (Three failures per connection: far under what one connection may fail.)
      const failures = [];
      for (let i = 0; i < 3; i++) failures.push(codeOf(await join(onA, 'ZZZZZZZZ')), codeOf(await join(onB, 'ZZZZZZZZ')));
      // Each node alone would allow 5; together they allowed 5 and refused the sixth.
      expect(failures).toEqual(['not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'rate_limited']);

      const s = await createSession(a.url);
      const token = nanoid(24);
      expectOk(await join(onA, s.joinCode, token));
      const pa = await socketFrom(a.url, null);
      const pb = await socketFrom(b.url, null);
      expect(codeOf(await attach(pa, s.sessionId, token))).toBe('ok');
      expect(codeOf(await attach(pb, s.sessionId, token))).toBe('ok');
      const acks: Ack[] = [];
      for (let i = 0; i < 25; i++)
        acks.push(
          await send(pa, 'command', { type: 'group.signal', opId: nanoid(12), help: i % 2 === 0 }),
          await send(pb, 'command', { type: 'group.signal', opId: nanoid(12), help: i % 2 === 1 }),
        );
      // 50 messages from one person on two nodes: the shared budget of 30 answers 30 of them (refused as the
      // domain sees fit: not in a group yet), the other 20 are rate_limited.
      expect(acks.filter((x) => !x.ok && x.error.code === 'rate_limited')).toHaveLength(20);
    },
    60_000,
  );

  it.skipIf(!redisUrl)(
    'with Redis, two deployments (two REDIS_STREAM names) count apart, and two nodes of one deployment together',
    async () => {
      const redis = createClient({ url: redisUrl! });
      await redis.connect();
      cleanups.push(() => redis.quit());
      const limits = { failedLookups: { points: 5, seconds: 3600 } };
      // Fresh names: the counts outlive this test in Redis.
      const [ours, theirs] = [`test-${nanoid(8)}`, `test-${nanoid(8)}`];
      const a = await node({ limitsRedis: redis, limits, config: { REDIS_STREAM: ours } });
      const b = await node({ limitsRedis: redis, limits, config: { REDIS_STREAM: ours }, store: a.store });
      const other = await node({ limitsRedis: redis, limits, config: { REDIS_STREAM: theirs } });
      const onA = await socketFrom(a.url, null);
      const onB = await socketFrom(b.url, null);
      const elsewhere = await socketFrom(other.url, null);
      const failures = [];
      for (let i = 0; i < 3; i++) failures.push(codeOf(await join(onA, 'ZZZZZZZZ')), codeOf(await join(onB, 'ZZZZZZZZ')));
      expect(failures).toEqual(['not_found', 'not_found', 'not_found', 'not_found', 'not_found', 'rate_limited']);
      // The same address, on a deployment of its own: nothing counted yet.
      expect(codeOf(await join(elsewhere, 'ZZZZZZZZ'))).toBe('not_found');
    },
    60_000,
  );
});
