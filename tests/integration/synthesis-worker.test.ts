import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/acks.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { startTestServer, type TestServer, TEST_OPERATOR_TOKEN } from '../support/test-server.js';
import { spawnServer } from '../support/server-process.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../support/clients.js';
import { answerTexts, importSessionWithAnswers } from '../support/big-session.js';
import { SynthesisPool } from '../../server/synthesis/pool.js';
import type { Answer } from '../../shared/schemas/session.js';

let server: TestServer | null = null;
const clients: TestClient[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
  for (const f of cleanups.splice(0)) await f();
});

/** Rate limits out of the way: these tests measure the server, not its limits. */
const OPEN: { perSocket: [number, number]; answers: [number, number] } = { perSocket: [100_000, 100_000], answers: [100_000, 100_000] };

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const updates = (c: TestClient) => c.received.filter((e: EventEnvelope) => e.event.type === 'synthesis.updated');

/**
 * Another, small session where eight people keep writing: its ack times show whether the server stalls. Each writes
 * a little faster than the per-person limit refills, so a long run meets it; a refusal is an ack like any other.
 */
async function busyRoom(url: string) {
  const s = await createSession(url);
  const fac = await facilitatorClient(url, s);
  clients.push(fac);
  const writers: TestClient[] = [];
  for (let i = 0; i < 8; i++) {
    const p = await new TestClient(url).connected();
    clients.push(p);
    await p.join(s.joinCode, { name: `Writer ${i}` });
    writers.push(p);
  }
  await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
  await fac.ok('round.start', { durationSeconds: 600 });
  await eventually(() => writers.every((p) => p.view?.phase === 'breakout'));
  const promptId = fac.view!.prompts[0].id;
  const acks: number[] = [];
  let stop = false;
  const writing = writers.map(async (p, k) => {
    await new Promise((r) => setTimeout(r, k * 80));
    for (let i = 0; !stop; i++) {
      const t0 = performance.now();
      const ack = await p.command('answer.add', { promptId, text: `idea number ${i} from writer ${k}` });
      if (!ack.ok) expect(ack.error.code).toBe('rate_limited');
      acks.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 700));
    }
  });
  return {
    acks,
    async stop() {
      stop = true;
      await Promise.all(writing);
    },
  };
}

async function loopDelayP99(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/healthz`, { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } })).json()) as {
    metrics: { eventLoopDelayP99Ms: number };
  };
  return health.metrics.eventLoopDelayP99Ms;
}

describe('synthesis off the event loop', () => {
  it('a 10,000-answer synthesis does not stall another session; answers added meanwhile join the doc', async () => {
    // The server in its own process, as in production: the test's own clients cannot slow it down.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-synth-'));
    const proc = await spawnServer({ DATA_DIR: dataDir, PORT: '0', OPERATOR_TOKEN: TEST_OPERATOR_TOKEN });
    cleanups.push(async () => {
      await proc.kill();
      await rm(dataDir, { recursive: true, force: true });
    });
    const big = await importSessionWithAnswers(proc.url, answerTexts(10_000), { operatorToken: TEST_OPERATOR_TOKEN });
    const fac = await facilitatorClient(proc.url, big);
    clients.push(fac);
    expect(Object.keys(fac.view!.answers)).toHaveLength(10_000);
    const room = await busyRoom(proc.url);
    await new Promise((r) => setTimeout(r, 300));
    const before = room.acks.length;
    await fetch(`${proc.url}/healthz/reset-metrics`, { method: 'POST' });

    const t0 = performance.now();
    // The engine takes seconds at this size (more on its first run, which loads it): wait longer than the usual ack.
    const run = fac.socket.timeout(60_000).emitWithAck('command', { type: 'synthesis.run', opId: 'big-run-0001' }) as Promise<Ack>;
    // Written while the worker runs: the engine never sees it.
    await new Promise((r) => setTimeout(r, 100));
    const late = expectOk(
      await fac.command('answer.add', { promptId: fac.view!.prompts[0].id, text: 'a late idea about bicycles', groupId: big.groupIds[0] }),
    ) as { result: { answerId: string } };
    expectOk(await run);
    const took = performance.now() - t0;
    const loopDelay = await loopDelayP99(proc.url);
    await room.stop();

    const during = room.acks.slice(before);
    // The run was big enough to matter (an event takes well under a millisecond): inline, it would stall the room this long.
    expect(took).toBeGreaterThan(100);
    expect(during.length).toBeGreaterThan(5);
    expect(p99(during)).toBeLessThan(300);
    expect(loopDelay).toBeLessThan(300);
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
    const doc = fac.view!.synthesis!;
    expect(Object.keys(doc.answers)).toHaveLength(10_001);
    expect(doc.prompts.flatMap((p) => p.themes).length).toBeGreaterThan(0);
    const lateId = late.result.answerId;
    expect(doc.answers[lateId].text).toBe('a late idea about bicycles');
    expect(doc.prompts.find((p) => p.promptId === fac.view!.prompts[0].id)!.otherAnswerIds).toContain(lateId);
    expect(doc.engine).toEqual({ kind: 'lexical' });
  }, 90_000);

  it('two runs of one session never overlap; a third request joins the one waiting', async () => {
    server = await startTestServer({ rateLimits: OPEN });
    const s = await importSessionWithAnswers(server.url, answerTexts(3_000, 7), { operatorToken: TEST_OPERATOR_TOKEN });
    const a = await facilitatorClient(server.url, s);
    const b = await facilitatorClient(server.url, s);
    clients.push(a, b);
    // One socket keeps its order (the thresholds), the other facilitator presses at the same moment.
    const acks = await Promise.all([
      a.command('synthesis.run'),
      a.command('synthesis.run', { threshold: 0.75 }),
      a.command('synthesis.run', { threshold: 0.6 }),
      b.command('synthesis.run'),
    ]);
    for (const ack of acks) expectOk(ack);
    expect(server.app.runner.stats.maxOverlap).toBe(1);
    // The first ran alone; the next waited for it and the others joined that one: two runs, in order.
    expect(server.app.runner.stats.runs).toBe(2);
    await eventually(() => updates(a).length === 2, 10_000, 'both results');
    const [first, second] = updates(a);
    expect(second.seq).toBeGreaterThan(first.seq);
    // The joined request's threshold is the last word, as if the runs had gone one after the other.
    expect(a.view!.synthesis!.threshold).toBe(0.6);
    // A retried opId while its run is queued gets the same answer, not another run.
    const opId = 'retry-000001';
    const [r1, r2] = await Promise.all([a.command('synthesis.run', {}, opId), a.command('synthesis.run', {}, opId)]);
    expect(r1).toEqual(r2);
    expect(server.app.runner.stats.runs).toBe(3);
  }, 60_000);

  it('a synthesis that cannot run is refused before it reaches the worker', async () => {
    server = await startTestServer();
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    expect(await fac.command('synthesis.run')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(server.app.runner.stats.runs).toBe(0);
  });

  it('a worker that dies fails that run only; the next run gets a new worker', async () => {
    server = await startTestServer({ rateLimits: OPEN });
    const s = await importSessionWithAnswers(server.url, answerTexts(3_000, 3), { operatorToken: TEST_OPERATOR_TOKEN });
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    const started = server.app.runner.pool.started;
    const run = fac.command('synthesis.run');
    await eventually(() => server!.app.runner.stats.maxOverlap === 1, 5000, 'the run to start');
    await new Promise((r) => setTimeout(r, 50));
    server.app.runner.pool.stopWorker();
    expect(await run).toMatchObject({ ok: false, error: { code: 'internal' } });
    expectOk(await fac.command('synthesis.run'));
    expect(server.app.runner.pool.started).toBe(started + 1);
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
  }, 60_000);

  it('a big input reaches the worker in parts and whole: the engine places every answer exactly once', async () => {
    const pool = new SynthesisPool();
    try {
      const texts = answerTexts(4_500, 3);
      const answers = texts.map((text, i) => ({ id: `a${i}`, promptId: i % 2 ? 'p1' : 'p2', groupId: `g${i % 9}`, text }));
      const { prompts } = await pool.run({
        language: 'en',
        prompts: [
          { id: 'p1', text: 'Why?' },
          { id: 'p2', text: 'How?' },
        ],
        answers,
      });
      const placed = prompts.flatMap((p) => [...p.themes.flatMap((t) => t.answerIds), ...p.otherAnswerIds]);
      expect(placed).toHaveLength(answers.length);
      expect(new Set(placed)).toEqual(new Set(answers.map((a) => a.id)));
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("the worker's copy of a session's answers", () => {
  const frame = {
    language: 'en' as const,
    prompts: [
      { id: 'p1', text: 'Why?' },
      { id: 'p2', text: 'How?' },
    ],
  };
  const answerOf = (id: string, i: number, text: string): Answer => ({
    id,
    promptId: i % 2 ? 'p1' : 'p2',
    groupId: `g${i % 9}`,
    authorId: null,
    text,
    round: 1,
    createdAt: i,
    updatedAt: i,
  });
  const sessionOf = (list: Answer[]) => ({ key: 'test:s1', answers: Object.fromEntries(list.map((a) => [a.id, a])), ids: list.map((a) => a.id) });
  const engineInput = (list: Answer[]) => ({ ...frame, answers: list.map(({ id, promptId, groupId, text }) => ({ id, promptId, groupId, text })) });

  it('a re-run sends only the answers that changed, and its themes equal a run on all of them', async () => {
    const pool = new SynthesisPool();
    try {
      let list = answerTexts(3_000, 3).map((text, i) => answerOf(`a${i}`, i, text));
      const first = await pool.runSession(frame, sessionOf(list));
      expect(pool.answersPosted).toBe(3_000);
      expect(await pool.runSession(frame, sessionOf(list))).toEqual(first);
      expect(pool.answersPosted).toBe(3_000);

      // An edit (a new object, as the reducer makes it), a deletion and a new answer: two answers travel.
      list = [
        ...list.slice(0, 10),
        { ...list[10], text: 'Shared funding applications' },
        ...list.slice(12),
        answerOf('new', 3_000, 'Funding we apply for together'),
      ];
      const changed = await pool.runSession(frame, sessionOf(list));
      expect(pool.answersPosted).toBe(3_002);
      const whole = await pool.run(engineInput(list));
      expect(changed).toEqual(whole);
      const placed = changed.prompts.flatMap((p) => [...p.themes.flatMap((t) => t.answerIds), ...p.otherAnswerIds]);
      expect(new Set(placed)).toEqual(new Set(list.map((a) => a.id)));

      // A new worker holds nothing: everything travels again, and the result is the same.
      pool.stopWorker();
      const before = pool.answersPosted;
      expect(await pool.runSession(frame, sessionOf(list))).toEqual(whole);
      expect(pool.answersPosted - before).toBe(list.length);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
