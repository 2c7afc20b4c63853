import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { SessionState } from '../../shared/schemas/session.js';
import type { CommandTimingSummary } from '../../server/sessions/command-timings.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { createSession, eventually, facilitatorClient, type TestClient } from '../support/clients.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { BENCH_OPERATOR_TOKEN, BENCH_SERVER_ENV, freePort, GROUP, offsetOf, split, startFloor, Workers } from './harness.js';
import { cpuSeconds, now, summary } from './stats.js';

export interface Sizes {
  participants: number;
  ratePerSecond: number;
  seconds: number;
  memory: number[];
  writes: number;
  synthesis: number[];
  /** Answers in the big session synthesised while another room writes. */
  synthesisUnderLoad: number;
  /** Answers the fan-out room holds when the server is killed for the restart storm (written beyond the fan-out's). */
  restartAnswers: number;
}

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'plive-bench-'));
const health = async (url: string) =>
  (await (await fetch(`${url}/healthz`, { headers: { authorization: `Bearer ${BENCH_OPERATOR_TOKEN}` } })).json()).metrics as {
    rssMb: number;
    heapUsedMb: number;
    eventLoopDelayP99Ms: number;
  } & CommandTimingSummary;

const reset = (workers: Workers) => workers.all(() => ({ type: 'reset' }), 'reset-done');

/** Expected deliveries: every answer reaches everyone in its writer's group (the writer too), and the facilitator. */
function expected(sentByGroup: Record<string, number>[], sizeOf: (g: string) => number): number {
  let total = 0;
  for (const w of sentByGroup) for (const [g, n] of Object.entries(w)) total += n * sizeOf(g) + n;
  return total;
}

/** Connects participants (spread over the given nodes), forms groups of 8, writes at the rate, measures every delivery. */
export async function measureFanOut(workers: Workers, sizes: Sizes, urls: string[], pids: number[]) {
  const s = await createSession(urls[0]);
  const fac = await facilitatorClient(urls[0], s);
  const facLatencies: number[] = [];
  fac.socket.on('event', (e: { event: { type: string; answer?: { text: string } } }) => {
    const m = e.event.type === 'answer.added' ? /^b\|([\d.]+)\|/.exec(e.event.answer!.text) : null;
    if (m) facLatencies.push(now() - Number(m[1]));
  });
  const n = sizes.participants;
  await workers.all(
    (i) => ({
      type: 'connect',
      target: 'real',
      url: urls[i % urls.length],
      joinCode: s.joinCode,
      count: split(n, workers.size, i),
      offset: offsetOf(n, workers.size, i),
      spreadMs: n * 3,
      groupSize: GROUP,
    }),
    'connected',
  );
  await fac.ok('groups.form', { mode: 'random', sizing: { by: 'size', size: GROUP } });
  await fac.ok('round.start', { durationSeconds: 3600 });
  await workers.all(() => ({ type: 'groups' }), 'grouped');
  const promptId = fac.view!.prompts[0].id;
  for (const url of urls) await fetch(`${url}/healthz/reset-metrics`, { method: 'POST' });
  const cpu0 = pids.map(cpuSeconds);
  const t0 = now();
  const wrote = await workers.all<{ sent: number; acked: number; ms: number }>(
    () => ({ type: 'write', target: 'real', perSecond: sizes.ratePerSecond / workers.size, durationMs: sizes.seconds * 1000, promptId }),
    'wrote',
  );
  const cpu = pids.map((pid, i) => (cpuSeconds(pid) - cpu0[i]) / ((now() - t0) / 1000));
  const metrics = await Promise.all(urls.map(health));
  const reports = await workers.all<{
    latencies: number[];
    received: number;
    sentByGroup: Record<string, number>;
    loopP99Ms: number;
    ackedIds: string[];
    receipts: Record<string, number>;
    silent: unknown[];
  }>(() => ({ type: 'report' }), 'report');
  const sizeOf = (g: string) => fac.view!.groups[g]?.memberIds.length ?? GROUP;
  reportShortfall(
    reports.map((r) => r.receipts),
    facLatencies.length,
    sizeOf,
    reports.flatMap((r) => r.silent),
  );
  const received = reports.reduce((a, r) => a + r.received, 0) + facLatencies.length;
  const acked = wrote.reduce((a, w) => a + w.acked, 0);
  const result = {
    participants: n,
    nodes: urls.length,
    latency: summary([...reports.flatMap((r) => r.latencies), ...facLatencies]),
    deliveryRatio:
      received /
      expected(
        reports.map((r) => r.sentByGroup),
        sizeOf,
      ),
    sent: wrote.reduce((a, w) => a + w.sent, 0),
    ackedPerSecond: acked / sizes.seconds,
    serverCpu: cpu.reduce((a, b) => a + b, 0),
    serverLoopP99Ms: Math.max(...metrics.map((m) => m.eventLoopDelayP99Ms)),
    // Where the server's part went (the first node's, when there are two): deciding to broadcast, and the commit.
    server: metrics[0],
    generatorLoopP99Ms: Math.max(...reports.map((r) => r.loopP99Ms)),
  };
  return { result, s, fac, ackedIds: reports.flatMap((r) => r.ackedIds) };
}

/** When a URL first answers anything (a 503 "starting" included), polled every 20 ms from now. */
async function firstAnswerFrom(url: string): Promise<number> {
  for (;;) {
    const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (answered) return now();
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function fanOut(workers: Workers, sizes: Sizes) {
  const dataDir = await tmp();
  const port = await freePort();
  let server: ServerProcess = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: String(port) });
  const { result, s, fac } = await measureFanOut(workers, sizes, [server.url], [server.child.pid!]);

  // Restart storm on the same room: first more answers until it holds `restartAnswers` (as fast as the room acks
  // them), then SIGKILL mid-round, start again on the same port and data, wait for every client.
  const more = sizes.restartAnswers - Object.keys((await stateOf(server.url, s)).answers).length;
  if (more > 0) {
    const rate = 1500 / workers.size;
    const each = Math.ceil(more / workers.size);
    await workers.all(() => ({ type: 'write', target: 'real', perSecond: rate, durationMs: (each / rate) * 1000, promptId: fac.view!.prompts[0].id }), 'wrote');
  }
  // Every answer acknowledged so far, the fan-out's and these, must survive the crash.
  const acked = (await workers.all<{ ackedIds: string[] }>(() => ({ type: 'report' }), 'report')).flatMap((r) => r.ackedIds);
  const before = await stateOf(server.url, s);
  const seqBefore = before.seq;
  await server.kill('SIGKILL');
  const killedAt = now();
  const firstAnswer = firstAnswerFrom(`http://127.0.0.1:${port}/healthz`);
  server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: String(port) });
  const readyAfterMs = now() - killedAt;
  const healthzFirstAnswerMs = (await firstAnswer) - killedAt;
  await fetch(`${server.url}/healthz`);
  const healthyAfterMs = now() - killedAt;
  const [lastSync] = (await workers.all<{ at: number }>(() => ({ type: 'await-sync', since: killedAt, seq: seqBefore }), 'synced')).sort((a, b) => b.at - a.at);
  const after = await stateOf(server.url, s);
  const restart = {
    participants: result.participants,
    answers: Object.keys(before.answers).length,
    seconds: (lastSync.at - killedAt) / 1000,
    readyAfterMs,
    healthzFirstAnswerMs,
    healthyAfterMs,
    lostAnswers: acked.filter((id) => !after.answers[id]).length,
    ackedBefore: acked.length,
  };
  fac.close();
  // A clean exit when profiling, so the restarted server writes its profile (SERVER_CPU_PROFILE_DIR).
  await server.kill(process.env.SERVER_CPU_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  return { result, restart };
}

/** The same fan-out with participants spread over two nodes sharing Postgres and Redis (when both are available). */
export async function twoNodeFanOut(workers: Workers, sizes: Sizes, databaseUrl: string, redisUrl: string) {
  await reset(workers);
  const schema = `bench_${Date.now().toString(36)}`;
  const pg = new (await import('pg')).default.Client({ connectionString: databaseUrl });
  await pg.connect();
  await pg.query(`CREATE SCHEMA ${schema}`);
  const db = new URL(databaseUrl);
  db.searchParams.set('options', `-c search_path=${schema}`);
  const env = { ...BENCH_SERVER_ENV, DATABASE_URL: db.toString(), REDIS_URL: redisUrl, REDIS_STREAM: `bench-${schema}`, PORT: '0' };
  const nodes = await Promise.all([spawnServer(env), spawnServer(env)]);
  try {
    const { result, fac } = await measureFanOut(
      workers,
      sizes,
      nodes.map((n) => n.url),
      nodes.map((n) => n.child.pid!),
    );
    fac.close();
    return result;
  } finally {
    for (const n of nodes) await n.kill('SIGKILL');
    await pg.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await pg.end();
  }
}

/** When a delivery is missing, say which answers fell short and by how much (to the console, for the report). */
function reportShortfall(receipts: Record<string, number>[], facilitatorGot: number, sizeOf: (g: string) => number, silent: unknown[]): void {
  const merged = new Map<string, number>();
  for (const r of receipts) for (const [k, v] of Object.entries(r)) merged.set(k, (merged.get(k) ?? 0) + v);
  const short = [...merged].filter(([k, v]) => v < sizeOf(k.split(':')[2]));
  if (short.length)
    console.log(
      `  short deliveries (answer → participants reached): ${short
        .slice(0, 10)
        .map(([k, v]) => `${k}→${v}`)
        .join(', ')}; facilitator got ${facilitatorGot}; ${silent.length} participants got nothing, e.g. ${JSON.stringify(silent.slice(0, 3))}`,
    );
}

async function stateOf(url: string, s: { sessionId: string; facilitatorKey: string }): Promise<SessionState> {
  return (await (await fetch(`${url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).json()).session;
}

export async function floorFanOut(workers: Workers, sizes: Sizes) {
  await reset(workers);
  const floor = await startFloor();
  const facLatencies: number[] = [];
  const fac = io(floor.url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((r) => fac.once('connect', () => r()));
  await fac.emitWithAck('join', { facilitator: true });
  fac.on('answer', (m: { text: string }) => {
    const x = /^b\|([\d.]+)\|/.exec(m.text);
    if (x) facLatencies.push(now() - Number(x[1]));
  });
  const n = sizes.participants;
  await workers.all(
    (i) => ({
      type: 'connect',
      target: 'floor',
      url: floor.url,
      count: split(n, workers.size, i),
      offset: offsetOf(n, workers.size, i),
      spreadMs: n * 3,
      groupSize: GROUP,
    }),
    'connected',
  );
  const cpu0 = cpuSeconds(floor.pid);
  const t0 = now();
  await workers.all(() => ({ type: 'write', target: 'floor', perSecond: sizes.ratePerSecond / workers.size, durationMs: sizes.seconds * 1000 }), 'wrote');
  const cpu = (cpuSeconds(floor.pid) - cpu0) / ((now() - t0) / 1000);
  const reports = await workers.all<{ latencies: number[]; received: number; sentByGroup: Record<string, number>; loopP99Ms: number }>(
    () => ({ type: 'report' }),
    'report',
  );
  const sizeOf = (g: string) => Math.min(GROUP, n - Number(g) * GROUP);
  const received = reports.reduce((a, r) => a + r.received, 0) + facLatencies.length;
  fac.close();
  floor.stop();
  return {
    latency: summary([...reports.flatMap((r) => r.latencies), ...facLatencies]),
    deliveryRatio:
      received /
      expected(
        reports.map((r) => r.sentByGroup),
        sizeOf,
      ),
    serverCpu: cpu,
    generatorLoopP99Ms: Math.max(...reports.map((r) => r.loopP99Ms)),
  };
}

export async function joinStorm(workers: Workers, n: number) {
  await reset(workers);
  const dataDir = await tmp();
  const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' });
  const s = await createSession(server.url);
  const start = now();
  const ours = await workers.all<{ failures: number; lastDoneAt: number }>(
    (i) => ({
      type: 'connect',
      target: 'real',
      url: server.url,
      joinCode: s.joinCode,
      count: split(n, workers.size, i),
      offset: offsetOf(n, workers.size, i),
      spreadMs: 1000,
      groupSize: GROUP,
    }),
    'connected',
  );
  const result = { participants: n, seconds: (Math.max(...ours.map((o) => o.lastDoneAt)) - start) / 1000, failures: ours.reduce((a, o) => a + o.failures, 0) };
  await server.kill(process.env.SERVER_CPU_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  return result;
}

export async function floorJoinStorm(workers: Workers, n: number) {
  await reset(workers);
  const floor = await startFloor();
  const start = now();
  const res = await workers.all<{ failures: number; lastDoneAt: number }>(
    (i) => ({
      type: 'connect',
      target: 'floor',
      url: floor.url,
      count: split(n, workers.size, i),
      offset: offsetOf(n, workers.size, i),
      spreadMs: 1000,
      groupSize: GROUP,
    }),
    'connected',
  );
  floor.stop();
  return { seconds: (Math.max(...res.map((o) => o.lastDoneAt)) - start) / 1000, failures: res.reduce((a, o) => a + o.failures, 0) };
}

/** Server memory with many connected participants (joined and attached), per participant above the empty server. */
export async function memory(counts: number[]) {
  const dataDir = await tmp();
  const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' });
  const s = await createSession(server.url);
  await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
  const base = await health(server.url);
  const out: { participants: number; rssMb: number; heapMb: number; kbPerParticipant: number }[] = [];
  let connected = 0;
  const workers = await Workers.start(4);
  try {
    for (const target of counts) {
      const more = target - connected;
      await workers.all(
        (i) => ({
          type: 'connect',
          target: 'real',
          url: server.url,
          joinCode: s.joinCode,
          count: split(more, workers.size, i),
          offset: connected + offsetOf(more, workers.size, i),
          spreadMs: more * 2,
          groupSize: GROUP,
        }),
        'connected',
      );
      connected = target;
      await new Promise((r) => setTimeout(r, 1000));
      const m = await health(server.url);
      out.push({ participants: target, rssMb: m.rssMb, heapMb: m.heapUsedMb, kbPerParticipant: ((m.rssMb - base.rssMb) * 1024) / target });
    }
  } finally {
    workers.close();
    await server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** Durable appends per second: each resolves only after its group commit is on disk. */
export async function durableWrites(total: number) {
  const dataDir = await tmp();
  const store = await openSqliteStore({ dataDir });
  const sessions = 100;
  for (let i = 0; i < sessions; i++) {
    await store.createSession({ sessionId: `s${i}`, joinCode: `CODE${String(i).padStart(4, '0')}`, createdAt: 0, programmeId: null }, [], {
      sessionId: `s${i}`,
      opId: null,
      result: null,
      events: [{ seq: 1, at: 0, type: 'session.created', data: {} }],
    });
  }
  const seq = new Array(sessions).fill(1);
  const answer = (i: number) => ({
    type: 'answer.added',
    answer: {
      id: `a${i}`,
      promptId: 'p',
      groupId: 'g',
      authorId: 'x',
      text: 'An answer of a typical length, about one line of text.',
      round: 1,
      createdAt: 0,
      updatedAt: 0,
    },
  });
  const start = now();
  // Keep 500 writes in flight, as a busy room does.
  let next = 0;
  await Promise.all(
    Array.from({ length: 500 }, async () => {
      while (next < total) {
        const i = next++;
        const sid = i % sessions;
        const s = ++seq[sid];
        await store.append({
          sessionId: `s${sid}`,
          opId: `op${i}`,
          result: { answerId: `a${i}` },
          events: [{ seq: s, at: 0, type: 'answer.added', data: answer(i) }],
        });
      }
    }),
  );
  const seconds = (now() - start) / 1000;
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  return { answers: total, answersPerSecond: total / seconds };
}

export async function synthesisTimes(sizes: number[]): Promise<{ answers: number; ms: number }[]> {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('tests/bench/synthesis-timing.ts'), ...sizes.map(String)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

export { eventually, type TestClient };
