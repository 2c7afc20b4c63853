import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { SessionState } from '../../shared/schemas/session.js';
import { synthesize } from '../../shared/synthesis/index.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { createSession, eventually, facilitatorClient, type TestClient } from '../support/clients.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { freePort, startFloor, Workers } from './harness.js';
import { cpuSeconds, now, summary } from './stats.js';
import { syntheticSession } from './synthetic.js';

export interface Sizes {
  participants: number;
  ratePerSecond: number;
  seconds: number;
  memory: number[];
  writes: number;
  synthesis: number[];
}

const GROUP = 8;
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'plive-bench-'));
const split = (n: number, parts: number, i: number) => Math.floor(n / parts) + (i < n % parts ? 1 : 0);
const offsetOf = (n: number, parts: number, i: number) => Array.from({ length: i }, (_, k) => split(n, parts, k)).reduce((a, b) => a + b, 0);
const health = async (url: string) => (await (await fetch(`${url}/healthz`)).json()).metrics as { rssMb: number; heapUsedMb: number; eventLoopDelayP99Ms: number };

/** Expected deliveries: every answer reaches everyone in its writer's group (the writer too), and the facilitator. */
function expected(sentByGroup: Record<string, number>[], sizeOf: (g: string) => number): number {
  let total = 0;
  for (const w of sentByGroup) for (const [g, n] of Object.entries(w)) total += n * sizeOf(g) + n;
  return total;
}

export async function fanOut(workers: Workers, sizes: Sizes) {
  const dataDir = await tmp();
  const port = await freePort();
  let server: ServerProcess = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
  const s = await createSession(server.url);
  const fac = await facilitatorClient(server.url, s);
  const facLatencies: number[] = [];
  fac.socket.on('event', (e: { event: { type: string; answer?: { text: string } } }) => {
    const m = e.event.type === 'answer.added' ? /^b\|([\d.]+)\|/.exec(e.event.answer!.text) : null;
    if (m) facLatencies.push(now() - Number(m[1]));
  });
  const n = sizes.participants;
  await workers.all((i) => ({ type: 'connect', target: 'real', url: server.url, joinCode: s.joinCode, count: split(n, workers.size, i), offset: offsetOf(n, workers.size, i), spreadMs: n * 3, groupSize: GROUP }), 'connected');
  await fac.ok('groups.form', { mode: 'random', sizing: { by: 'size', size: GROUP } });
  await fac.ok('round.start', { durationSeconds: 3600 });
  await workers.all(() => ({ type: 'groups' }), 'grouped');
  const promptId = fac.view!.prompts[0].id;
  await fetch(`${server.url}/healthz/reset-metrics`, { method: 'POST' });
  const cpu0 = cpuSeconds(server.child.pid!);
  const t0 = now();
  const wrote = await workers.all<{ sent: number; acked: number; ms: number }>(() => ({ type: 'write', target: 'real', perSecond: sizes.ratePerSecond / workers.size, durationMs: sizes.seconds * 1000, promptId }), 'wrote');
  const cpu = (cpuSeconds(server.child.pid!) - cpu0) / ((now() - t0) / 1000);
  const metrics = await health(server.url);
  const reports = await workers.all<{ latencies: number[]; received: number; sentByGroup: Record<string, number>; loopP99Ms: number; ackedIds: string[]; receipts: Record<string, number> }>(() => ({ type: 'report' }), 'report');
  const sizeOf = (g: string) => fac.view!.groups[g]?.memberIds.length ?? GROUP;
  reportShortfall(reports.map((r) => r.receipts), facLatencies.length, sizeOf);
  const received = reports.reduce((a, r) => a + r.received, 0) + facLatencies.length;
  const sent = wrote.reduce((a, w) => a + w.sent, 0);
  const acked = wrote.reduce((a, w) => a + w.acked, 0);
  const result = {
    participants: n,
    latency: summary([...reports.flatMap((r) => r.latencies), ...facLatencies]),
    deliveryRatio: received / expected(reports.map((r) => r.sentByGroup), sizeOf),
    sent,
    ackedPerSecond: acked / sizes.seconds,
    serverCpu: cpu,
    serverLoopP99Ms: metrics.eventLoopDelayP99Ms,
    generatorLoopP99Ms: Math.max(...reports.map((r) => r.loopP99Ms)),
  };

  // Restart storm on the same room: SIGKILL mid-round, start again on the same port and data, wait for every client.
  const ackedIds = reports.flatMap((r) => r.ackedIds);
  const seqBefore = (await stateOf(server.url, s)).seq;
  await server.kill('SIGKILL');
  const killedAt = now();
  server = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
  const [lastSync] = (await workers.all<{ at: number }>(() => ({ type: 'await-sync', since: killedAt, seq: seqBefore }), 'synced')).sort((a, b) => b.at - a.at);
  const after = await stateOf(server.url, s);
  const restart = { participants: n, seconds: (lastSync.at - killedAt) / 1000, lostAnswers: ackedIds.filter((id) => !after.answers[id]).length, ackedBefore: ackedIds.length };
  fac.close();
  await server.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  return { result, restart };
}

/** When a delivery is missing, say which answers fell short and by how much (to the console, for the report). */
function reportShortfall(receipts: Record<string, number>[], facilitatorGot: number, sizeOf: (g: string) => number): void {
  const merged = new Map<string, number>();
  for (const r of receipts) for (const [k, v] of Object.entries(r)) merged.set(k, (merged.get(k) ?? 0) + v);
  const short = [...merged].filter(([k, v]) => v < sizeOf(k.split(':')[2]));
  if (short.length) console.log(`  short deliveries (answer → participants reached): ${short.slice(0, 10).map(([k, v]) => `${k}→${v}`).join(', ')}; facilitator got ${facilitatorGot}`);
}

async function stateOf(url: string, s: { sessionId: string; facilitatorKey: string }): Promise<SessionState> {
  return (await (await fetch(`${url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).json()).session;
}

const reset = (workers: Workers) => workers.all(() => ({ type: 'reset' }), 'reset-done');

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
  await workers.all((i) => ({ type: 'connect', target: 'floor', url: floor.url, count: split(n, workers.size, i), offset: offsetOf(n, workers.size, i), spreadMs: n * 3, groupSize: GROUP }), 'connected');
  const cpu0 = cpuSeconds(floor.pid);
  const t0 = now();
  await workers.all(() => ({ type: 'write', target: 'floor', perSecond: sizes.ratePerSecond / workers.size, durationMs: sizes.seconds * 1000 }), 'wrote');
  const cpu = (cpuSeconds(floor.pid) - cpu0) / ((now() - t0) / 1000);
  const reports = await workers.all<{ latencies: number[]; received: number; sentByGroup: Record<string, number>; loopP99Ms: number }>(() => ({ type: 'report' }), 'report');
  const sizeOf = (g: string) => Math.min(GROUP, n - Number(g) * GROUP);
  const received = reports.reduce((a, r) => a + r.received, 0) + facLatencies.length;
  fac.close();
  floor.stop();
  return {
    latency: summary([...reports.flatMap((r) => r.latencies), ...facLatencies]),
    deliveryRatio: received / expected(reports.map((r) => r.sentByGroup), sizeOf),
    serverCpu: cpu,
    generatorLoopP99Ms: Math.max(...reports.map((r) => r.loopP99Ms)),
  };
}

export async function joinStorm(workers: Workers, n: number) {
  await reset(workers);
  const dataDir = await tmp();
  const server = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
  const s = await createSession(server.url);
  const start = now();
  const ours = await workers.all<{ failures: number; lastDoneAt: number }>((i) => ({ type: 'connect', target: 'real', url: server.url, joinCode: s.joinCode, count: split(n, workers.size, i), offset: offsetOf(n, workers.size, i), spreadMs: 1000, groupSize: GROUP }), 'connected');
  const result = { participants: n, seconds: (Math.max(...ours.map((o) => o.lastDoneAt)) - start) / 1000, failures: ours.reduce((a, o) => a + o.failures, 0) };
  await server.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  return result;
}

export async function floorJoinStorm(workers: Workers, n: number) {
  await reset(workers);
  const floor = await startFloor();
  const start = now();
  const res = await workers.all<{ failures: number; lastDoneAt: number }>((i) => ({ type: 'connect', target: 'floor', url: floor.url, count: split(n, workers.size, i), offset: offsetOf(n, workers.size, i), spreadMs: 1000, groupSize: GROUP }), 'connected');
  floor.stop();
  return { seconds: (Math.max(...res.map((o) => o.lastDoneAt)) - start) / 1000, failures: res.reduce((a, o) => a + o.failures, 0) };
}

/** Server memory with many connected participants (joined and attached), per participant above the empty server. */
export async function memory(counts: number[]) {
  const dataDir = await tmp();
  const server = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
  const s = await createSession(server.url);
  await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
  const base = await health(server.url);
  const out: { participants: number; rssMb: number; heapMb: number; kbPerParticipant: number }[] = [];
  let connected = 0;
  const workers = await Workers.start(4);
  try {
    for (const target of counts) {
      const more = target - connected;
      await workers.all((i) => ({ type: 'connect', target: 'real', url: server.url, joinCode: s.joinCode, count: split(more, workers.size, i), offset: connected + offsetOf(more, workers.size, i), spreadMs: more * 2, groupSize: GROUP }), 'connected');
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
    await store.createSession({ sessionId: `s${i}`, joinCode: `CODE${String(i).padStart(4, '0')}`, createdAt: 0, programmeId: null }, [], { sessionId: `s${i}`, opId: null, result: null, events: [{ seq: 1, at: 0, type: 'session.created', data: {} }] });
  }
  const seq = new Array(sessions).fill(1);
  const answer = (i: number) => ({ type: 'answer.added', answer: { id: `a${i}`, promptId: 'p', groupId: 'g', authorId: 'x', text: 'An answer of a typical length, about one line of text.', round: 1, createdAt: 0, updatedAt: 0 } });
  const start = now();
  // Keep 500 writes in flight, as a busy room does.
  let next = 0;
  await Promise.all(Array.from({ length: 500 }, async () => {
    while (next < total) {
      const i = next++;
      const sid = i % sessions;
      const s = ++seq[sid];
      await store.append({ sessionId: `s${sid}`, opId: `op${i}`, result: { answerId: `a${i}` }, events: [{ seq: s, at: 0, type: 'answer.added', data: answer(i) }] });
    }
  }));
  const seconds = (now() - start) / 1000;
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  return { answers: total, answersPerSecond: total / seconds };
}

export function synthesisTimes(sizes: number[]) {
  return sizes.map((answers) => {
    const input = syntheticSession(answers, 'en', 7);
    synthesize(syntheticSession(200, 'en', 1)); // warm up the JIT and the stemmer caches
    const start = now();
    synthesize(input);
    return { answers, ms: now() - start };
  });
}

export { eventually, type TestClient };
