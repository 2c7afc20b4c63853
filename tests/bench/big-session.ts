// One conference-sized session: thousands of participants in groups of 8 writing tens of thousands of answers.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/acks.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { type AttachResult, handshakeAuth } from '../../shared/protocol/socket-events.js';
import { Ownership } from '../../shared/domain/ownership.js';
import { EMPTY_STATE, apply, applyOwned } from '../../shared/domain/reducer.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { createSession } from '../support/clients.js';
import { spawnServer } from '../support/server-process.js';
import { BENCH_SERVER_ENV, GROUP, offsetOf, split, type Workers } from './harness.js';
import { now, summary } from './stats.js';

export interface BigSessionSizes {
  participants: number;
  answers: number;
  seconds: number;
}

/**
 * A facilitator that only counts: it sends commands and times the answers it receives, without keeping a view (a
 * view of 50,000 answers rebuilt per event would measure this process, not the server).
 */
async function countingFacilitator(url: string, s: { sessionId: string; facilitatorKey: string }) {
  const socket = io(url, { transports: ['websocket'], forceNew: true, auth: handshakeAuth() });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const attach = async () =>
    (await socket
      .timeout(30_000)
      .emitWithAck('attach', { sessionId: s.sessionId, credential: { kind: 'facilitator', key: s.facilitatorKey } })) as Ack<AttachResult>;
  const ack = await attach();
  if (!ack.ok || ack.result?.catchUp.kind !== 'snapshot') throw new Error('facilitator could not attach');
  // A busy run may drop the connection (a missed ping): attach again, as the console does.
  socket.io.on('reconnect', () => void attach());
  const promptId = ack.result.catchUp.view.prompts[0].id;
  const latencies: number[] = [];
  socket.on('event', (e: EventEnvelope) => {
    const m = e.event.type === 'answer.added' ? /^b\|([\d.]+)\|/.exec(e.event.answer.text) : null;
    if (m) latencies.push(now() - Number(m[1]));
  });
  let n = 0;
  const command = async <R>(type: string, payload: Record<string, unknown> = {}) => {
    const a = (await socket.timeout(60_000).emitWithAck('command', { type, opId: `bigsession-${++n}`, ...payload })) as Ack<R>;
    if (!a.ok) throw new Error(`${type}: ${a.error.message}`);
    return a;
  };
  return { promptId, latencies, command, close: () => socket.close() };
}

/** Progress on stderr: a stage that hangs in a long run says which it was. */
const stage = (what: string) => process.stderr.write(`  [big session] ${new Date().toISOString().slice(11, 19)} ${what}\n`);

export async function bigSession(workers: Workers, sizes: BigSessionSizes) {
  await workers.all(() => ({ type: 'reset' }), 'reset-done');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-bench-big-'));
  const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' });
  try {
    const s = await createSession(server.url);
    const fac = await countingFacilitator(server.url, s);
    const n = sizes.participants;
    stage(`joining ${sizes.participants}`);
    const joinedAt = now();
    await workers.all(
      (i) => ({
        type: 'connect',
        target: 'real',
        url: server.url,
        joinCode: s.joinCode,
        count: split(n, workers.size, i),
        offset: offsetOf(n, workers.size, i),
        spreadMs: n * 3,
        groupSize: GROUP,
      }),
      'connected',
    );
    const joinSeconds = (now() - joinedAt) / 1000;
    await fac.command('groups.form', { mode: 'random', sizing: { by: 'size', size: GROUP } });
    await fac.command('round.start', { durationSeconds: 3600 });
    const grouped = await workers.all<{ groups: (string | null)[] }>(() => ({ type: 'groups' }), 'grouped');
    const sizeOfGroup = new Map<string, number>();
    for (const g of grouped.flatMap((x) => x.groups)) if (g) sizeOfGroup.set(g, (sizeOfGroup.get(g) ?? 0) + 1);

    stage('grouped; writing');
    const perSecond = sizes.answers / sizes.seconds;
    const wrote = await workers.all<{ sent: number; acked: number; refused: Record<string, number> }>(
      () => ({ type: 'write', target: 'real', perSecond: perSecond / workers.size, durationMs: sizes.seconds * 1000, promptId: fac.promptId }),
      'wrote',
    );
    const reports = await workers.all<{ latencies: number[]; received: number; sentByGroup: Record<string, number> }>(() => ({ type: 'report' }), 'report');
    let expected = 0;
    for (const r of reports) for (const [g, k] of Object.entries(r.sentByGroup)) expected += k * ((sizeOfGroup.get(g) ?? GROUP) + 1);
    const received = reports.reduce((a, r) => a + r.received, 0) + fac.latencies.length;

    // Everyone into new groups at once (after the round, as a facilitator must): the server moves the sockets and
    // sends each participant its new group. Timed from the regrouping command, not the round's end. A failure here
    // is reported, not thrown, so the rest of the benchmark still runs.
    let regroupSeconds = Number.NaN;
    let regroupError: string | null = null;
    try {
      stage('ending the round');
      await fac.command('round.end');
      stage('regrouping');
      const regroupFrom = now();
      await fac.command('groups.form', { mode: 'random', sizing: { by: 'size', size: GROUP } });
      const regrouped = await workers.all<{ at: number }>(() => ({ type: 'await-regroup', since: regroupFrom }), 'regrouped');
      regroupSeconds = (Math.max(...regrouped.map((r) => r.at)) - regroupFrom) / 1000;
    } catch (err) {
      regroupError = (err as Error).message;
      stage(`regrouping not measured: ${regroupError}`);
    }
    fac.close();
    return {
      participants: n,
      joinSeconds,
      answers: wrote.reduce((a, w) => a + w.acked, 0),
      sent: wrote.reduce((a, w) => a + w.sent, 0),
      refused: wrote.map((w) => w.refused),
      latency: summary([...reports.flatMap((r) => r.latencies), ...fac.latencies]),
      deliveryRatio: received / expected,
      regroupSeconds,
      regroupError,
    };
  } finally {
    // A clean exit when profiling, so the server writes its profile (SERVER_CPU_PROFILE_DIR).
    await server.kill(process.env.SERVER_CPU_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * What applying one answer costs on the server (in place) and in a browser (a new map per event), with the session
 * at each size: the server's cost must not grow with the session.
 */
export function applyCost(sizes: number[], probe = 2_000): { answers: number; serverMicros: number; pureMicros: number }[] {
  const answer = (i: number) => ({
    seq: i + 2,
    at: i,
    event: {
      type: 'answer.added' as const,
      answer: {
        id: `a${i}`,
        promptId: 'p1',
        groupId: 'g1',
        authorId: 'x',
        text: 'An answer of a typical length, about one line.',
        round: 1,
        createdAt: i,
        updatedAt: i,
      },
    },
  });
  const created = {
    seq: 1,
    at: 0,
    event: {
      type: 'session.created' as const,
      id: 's',
      title: 't',
      description: null,
      language: 'en' as const,
      date: null,
      joinCode: 'ABCDEFGH',
      anonymous: false,
      prompts: [{ id: 'p1', text: 'Why?' }],
    },
  };
  return sizes.map((size) => {
    const owner = new Ownership();
    let s: SessionState = applyOwned(EMPTY_STATE, created, owner);
    for (let i = 0; i < size; i++) s = applyOwned(s, answer(i), owner);
    let t = now();
    for (let i = size; i < size + probe; i++) s = applyOwned(s, answer(i), owner);
    const serverMicros = ((now() - t) * 1000) / probe;
    const few = Math.min(probe, 200);
    t = now();
    for (let i = size + probe; i < size + probe + few; i++) s = apply(s, answer(i));
    const pureMicros = ((now() - t) * 1000) / few;
    return { answers: size, serverMicros, pureMicros };
  });
}
