import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { answerTexts, importSessionWithAnswers } from '../support/big-session.js';
import { TestClient, createSession, eventually, facilitatorClient } from '../support/clients.js';
import { spawnServer } from '../support/server-process.js';
import { BENCH_OPERATOR_TOKEN, BENCH_SERVER_ENV } from './harness.js';
import { now, summary } from './stats.js';

const WRITERS = 16;
/** Each writer adds an idea every 1.1 s: 14.5 answers/s in all, under the per-person limit of one a second after a burst. */
const EVERY_MS = 1100;
/**
 * Runs back to back while the other room writes, for at least this long and at least MIN_RUNS times: one run of
 * 10,000 answers (~0.3 s) sees ~5 of the room's acks, so its "p95" would be its slowest ack; 3 s of runs see ~45
 * acks and ~400 deliveries, over which a p95 means something. The baseline is taken over 5 s just before.
 */
const RUNS_FOR_MS = 3000;
const MIN_RUNS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ack {
  at: number;
  ms: number;
}

/**
 * A big session's synthesis while another room writes (issue 12: a 10,000-answer run must leave the event loop p99
 * under 50 ms for everyone else; issue 13: the other room's ack p95 within 1.5× of its value without the run).
 * The server runs in its own process on SQLite; the big session is imported; its first synthesis loads the
 * dictionaries and is not measured. Then the room writes for a few seconds alone (baseline), then during a run.
 */
export async function synthesisUnderLoad(answers: number) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-bench-synth-'));
  const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' });
  const clients: TestClient[] = [];
  let facilitator: FacilitatorProcess | null = null;
  try {
    const big = await importSessionWithAnswers(server.url, answerTexts(answers), { operatorToken: BENCH_OPERATOR_TOKEN });
    // The big session's facilitator is a process of its own, as a facilitator's browser is (facilitator-process.ts).
    facilitator = await FacilitatorProcess.start(server.url, big.sessionId, big.facilitatorKey);
    const runSynthesis = (opId: string, threshold?: number) => facilitator!.run(opId, threshold);
    // The first run loads the dictionaries: not measured.
    await runSynthesis('bench-warm-0001');

    const room = await createSession(server.url);
    const roomFac = await facilitatorClient(server.url, room);
    clients.push(roomFac);
    const writers: TestClient[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const c = await new TestClient(server.url).connected();
      await c.join(room.joinCode, { name: `Writer ${i}` });
      writers.push(c);
    }
    clients.push(...writers);
    await roomFac.ok('groups.form', { mode: 'random', sizing: { by: 'size', size: 8 } });
    await roomFac.ok('round.start', { durationSeconds: 3600 });
    await eventually(() => writers.every((w) => w.view?.phase === 'breakout'), 10_000, 'writers in breakout');
    const promptId = roomFac.view!.prompts[0].id;
    const acks: Ack[] = [];
    // Fan-out: each answer carries the time it was sent, and every group-mate notes when it arrived.
    const deliveries: Ack[] = [];
    for (const w of writers)
      w.socket.on('event', (e: { event: { type: string; answer?: { text: string } } }) => {
        const sent = e.event.type === 'answer.added' ? /@([\d.]+)$/.exec(e.event.answer!.text) : null;
        if (sent) deliveries.push({ at: Number(sent[1]), ms: now() - Number(sent[1]) });
      });
    let stop = false;
    const writing = writers.map(async (w, k) => {
      await sleep((k * EVERY_MS) / WRITERS);
      for (let i = 0; !stop; i++) {
        const t0 = now();
        await w.command('answer.add', { promptId, text: `idea ${i} from writer ${k} @${t0}` });
        acks.push({ at: t0, ms: now() - t0 });
        await sleep(EVERY_MS);
      }
    });

    const health = async () =>
      (
        (await (await fetch(`${server.url}/healthz`, { headers: { authorization: `Bearer ${BENCH_OPERATOR_TOKEN}` } })).json()) as {
          metrics: { eventLoopDelayP99Ms: number };
        }
      ).metrics.eventLoopDelayP99Ms;
    const reset = () => fetch(`${server.url}/healthz/reset-metrics`, { method: 'POST' });
    await sleep(2000);
    await reset();
    const b0 = now();
    await sleep(5000);
    const loopBefore = await health();
    const b1 = now();
    await reset();
    const runsMs: number[] = [];
    // Each run with a threshold of its own, so none is the same request as the one before.
    for (let i = 0; i < MIN_RUNS || now() - b1 < RUNS_FOR_MS; i++) runsMs.push(await runSynthesis(`bench-run-${String(i).padStart(4, '0')}`, 0.5 + i / 1000));
    const loopDuring = await health();
    const d1 = now();
    stop = true;
    await Promise.all(writing);
    const between = (from: number, to: number, list = acks) => list.filter((a) => a.at >= from && a.at < to).map((a) => a.ms);
    return {
      answers,
      runs: runsMs.length,
      synthesisMs: summary(runsMs).p50,
      acksBefore: summary(between(b0, b1)),
      acksDuring: summary(between(b1, d1)),
      fanOutBefore: summary(between(b0, b1, deliveries)),
      fanOutDuring: summary(between(b1, d1, deliveries)),
      loopP99BeforeMs: loopBefore,
      loopP99DuringMs: loopDuring,
    };
  } finally {
    for (const c of clients) c.close();
    facilitator?.stop();
    await server.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The big session's facilitator in its own process (facilitator-process.ts), driven over IPC. */
class FacilitatorProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(url: string, sessionId: string, key: string): Promise<FacilitatorProcess> {
    const child = fork(path.resolve('tests/bench/facilitator-process.ts'), [url, sessionId, key], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const facilitator = new FacilitatorProcess(child);
    await facilitator.next('ready');
    return facilitator;
  }

  /** One synthesis run, timed from the facilitator's process: its duration in ms. */
  async run(opId: string, threshold?: number): Promise<number> {
    this.child.send({ type: 'run', opId, threshold });
    return ((await this.next('ran')) as { ms: number }).ms;
  }

  stop(): void {
    this.child.send({ type: 'stop' });
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }

  private next(type: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) =>
      this.child.once('message', (msg: Record<string, unknown>) =>
        msg.type === type ? resolve(msg) : reject(new Error(`facilitator process: ${String(msg.error ?? msg.type)}`)),
      ),
    );
  }
}
