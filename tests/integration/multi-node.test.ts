import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/schemas/session.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { serviceUrl } from '../support/services.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../support/clients.js';
import { freshDatabase } from '../support/fresh-database.js';

const databaseUrl = serviceUrl('DATABASE_URL');
const redisUrl = serviceUrl('REDIS_URL');

let nodes: ServerProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const n of nodes.splice(0)) await n.kill('SIGKILL');
});

async function twoNodes() {
  const db = await freshDatabase(databaseUrl!, 'mn');
  // A stream of their own: nodes of other tests (or killed ones, counted until their heartbeat lapses) would
  // otherwise be waited for by every cross-node request.
  const env = { DATABASE_URL: db, REDIS_URL: redisUrl!, REDIS_STREAM: `test-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`, PORT: '0' };
  nodes = await Promise.all([spawnServer(env), spawnServer(env)]);
  return nodes;
}

async function stateOf(url: string, sessionId: string, key: string): Promise<SessionState> {
  const res = await fetch(`${url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()).session;
}

const answersInOrder = (s: SessionState) =>
  Object.values(s.answers)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((a) => a.text);

describe.skipIf(!databaseUrl || !redisUrl)('two nodes on Postgres and Redis', () => {
  it('serves one session from both nodes: same order everywhere, gap-free seqs, and survives a node killed mid-round', async () => {
    const [a, b] = await twoNodes();
    const s = await createSession(a.url);
    const fac = await facilitatorClient(b.url, s);
    clients.push(fac);
    const people: TestClient[] = [];
    const onNodeA = (i: number) => i % 2 === 0;
    for (let i = 0; i < 6; i++) {
      const c = await new TestClient(onNodeA(i) ? a.url : b.url).connected();
      clients.push(c);
      await c.join(s.joinCode, { name: `P${i}`, organisation: `O${i % 3}` });
      people.push(c);
    }
    await eventually(() => Object.keys(fac.view!.participants).length === 6, 5000, 'joins seen across nodes');
    await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => people.every((p) => p.view?.phase === 'breakout'), 8000, 'round seen on both nodes');
    const prompt = fac.view!.prompts[0].id;

    // Everyone writes at once, on both nodes: the log serialises them into one order.
    const acks = await Promise.all(people.flatMap((p, i) => [0, 1, 2].map((k) => p.command('answer.add', { promptId: prompt, text: `P${i} idea ${k}` }))));
    expect(acks.filter((x) => !x.ok)).toEqual([]);
    await eventually(() => [fac, ...people].every((c) => Object.keys(c.view!.answers).length === 18), 8000, 'all answers everywhere');
    const truth = await stateOf(a.url, s.sessionId, s.facilitatorKey);
    for (const c of [fac, ...people]) expect(answersInOrder(c.view!)).toEqual(answersInOrder(truth));
    const seqs = fac.received.map((e) => e.seq);
    // The facilitator sees every event: one per seq, consecutive, in order.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
    expect(truth.seq).toBe(Math.max(...seqs));
    // No broadcasts crossed between the nodes, so no one had to fetch a fresh view.
    expect([fac, ...people].map((c) => c.resyncWanted)).toEqual([fac, ...people].map(() => 0));

    // Node A dies. Its participants come back through node B with their last seq and carry on.
    await a.kill('SIGKILL');
    const survivors: TestClient[] = [];
    for (const [i, p] of people.entries()) {
      if (onNodeA(i)) {
        const back = await new TestClient(b.url).connected();
        clients.push(back);
        back.adoptView(p.view!);
        expectOk(await back.attach(s.sessionId, { kind: 'participant', token: p.token! }, p.view!.seq));
        survivors.push(back);
      } else survivors.push(p);
    }
    for (const [i, p] of survivors.entries()) await p.ok('answer.add', { promptId: prompt, text: `after crash ${i}` });
    await fac.ok('round.end');
    const final = await stateOf(b.url, s.sessionId, s.facilitatorKey);
    expect(Object.keys(final.answers)).toHaveLength(24);
    expect(final.phase).toBe('plenary');
    await eventually(() => survivors.every((p) => Object.keys(p.view!.answers).length === 24 && p.view!.phase === 'plenary'), 8000, 'survivors in sync');
  });

  it('keeps the round timer when the node that started the round dies', async () => {
    const [a, b] = await twoNodes();
    const s = await createSession(a.url);
    const onA = await facilitatorClient(a.url, s);
    clients.push(onA);
    const p = await new TestClient(b.url).connected();
    clients.push(p);
    await p.join(s.joinCode, { name: 'Solo' });
    await onA.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await onA.ok('round.start', { durationSeconds: 10 });
    await eventually(() => p.view?.phase === 'breakout', 5000, 'round on node B');
    await a.kill('SIGKILL');
    await eventually(() => p.view?.phase === 'plenary', 15_000, 'node B ended the round on time');
    const state = await stateOf(b.url, s.sessionId, s.facilitatorKey);
    expect(state.round!.endedAt).toBeGreaterThanOrEqual(state.round!.endsAt);
  }, 40_000);
});
