import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { SynthesisInput } from '../../shared/synthesis/index.js';
import type { MachineSynthesis } from '../../shared/domain/curation/generate.js';
import type { SynthesisDocOnWire, SynthesisEngine } from '../../shared/schemas/synthesis.js';
import { AnswerMirror, type SessionAnswers } from './answer-mirror.js';

/** Answer vectors packed for the thread: row i of `data` (length `dim`) belongs to `ids[i]`. */
export interface PackedVectors {
  ids: string[];
  dim: number;
  data: Float32Array;
}

/** Merging the new draft with the previous synthesis on the worker too: the session as the run read it (at `seq`). */
export interface MergeAhead {
  seq: number;
  threshold: number;
  now: number;
  previous: SynthesisDocOnWire | null;
  engine: SynthesisEngine;
}

export interface WorkerRequest {
  id: number;
  input: SynthesisInput;
  vectors?: PackedVectors;
  merge?: MergeAhead;
  /**
   * The input's answers are only those of session `key` that changed since its last run (see AnswerMirror); the
   * worker adds them to its copy, drops `removed`, and runs on the whole copy, which must hold `total` answers.
   */
  cached?: { key: string; removed: string[]; total: number };
}
/** The worker no longer needs its copy of this session's answers. */
export interface ForgetSession {
  forget: string;
}
/** The answers of a big input travel ahead of its request, a part per message and per loop turn. */
export interface AnswersPart {
  id: number;
  part: SynthesisInput['answers'];
}
/** Answers per message: one message of 10,000 held the event loop 2–5 ms to copy. */
const ANSWERS_PER_PART = 2_000;
export type WorkerResult = Pick<MachineSynthesis, 'prompts' | 'merged'>;
export type WorkerReply = { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; message: string };

export class SynthesisWorkerError extends Error {}

interface Job {
  request: Omit<WorkerRequest, 'id'>;
  /** A session's answers to send as a difference from the worker's copy (request.input.answers is then empty). */
  session?: SessionAnswers;
  resolve: (r: WorkerResult) => void;
  reject: (e: Error) => void;
}

/**
 * Runs the synthesis engine on a worker thread. One worker: on two cores it leaves the other to the event loop,
 * and the engine is single-threaded anyway. It starts on the first run (a server that never synthesises pays
 * nothing), stays alive between runs (the engine's tables load once), and is replaced when it dies or overruns.
 * Jobs go to it one at a time, so a crash or a time-out fails only the job that caused it.
 */
export class SynthesisPool {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private current: (Job & { id: number; timer: NodeJS.Timeout }) | null = null;
  private nextId = 0;
  /** What the worker holds of each session's answers (a new worker holds nothing). */
  private readonly mirror = new AnswerMirror();
  private closed = false;
  /** How many workers were started (tests see a restart). */
  started = 0;
  /** Answers posted to the worker so far (tests see that a re-run sends only what changed). */
  answersPosted = 0;

  constructor(private readonly opts: { timeoutMs?: number } = {}) {}

  run(input: SynthesisInput, vectors?: PackedVectors, merge?: MergeAhead): Promise<WorkerResult> {
    return this.enqueue({ input, vectors, merge });
  }

  /** A run on a session's answers, of which only those that changed since its last run travel to the worker. */
  runSession(frame: Omit<SynthesisInput, 'answers'>, session: SessionAnswers, merge?: MergeAhead): Promise<WorkerResult> {
    return this.enqueue({ input: { ...frame, answers: [] }, merge }, session);
  }

  private enqueue(request: Job['request'], session?: SessionAnswers): Promise<WorkerResult> {
    if (this.closed) return Promise.reject(new SynthesisWorkerError('The synthesis pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, session, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts the worker ahead of the first real run (called when someone joins or a round starts), so loading the engine and its
   * language data does not delay the first round's end. Still lazy: a server whose rooms never write pays nothing.
   */
  warm(language: SynthesisInput['language']): void {
    if (this.worker || this.closed) return;
    // An answer in the session's language: only that language's dictionaries (and English, the pivot) are read.
    const answers = [{ id: 'warm', promptId: 'warm', groupId: 'warm', text: 'warm up', language }];
    void this.run({ language, prompts: [{ id: 'warm', text: '' }], answers }).catch(() => undefined);
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const id = this.nextId++;
    const timeoutMs = this.opts.timeoutMs ?? 5 * 60_000;
    const timer = setTimeout(() => this.stopWorker(new SynthesisWorkerError(`The synthesis took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    timer.unref();
    this.current = { ...job, id, timer };
    void this.post(this.ensureWorker(), id, job.request, job.session);
  }

  /** Posts a request, its answers in parts over several loop turns; stops if the job ended meanwhile (a lost worker). */
  private async post(worker: Worker, id: number, request: Omit<WorkerRequest, 'id'>, session?: SessionAnswers): Promise<void> {
    const alive = () => this.current?.id === id && this.worker === worker;
    const diff = session && (await this.mirror.diff(session));
    if (!alive()) return;
    const answers = diff ? diff.changed : request.input.answers;
    this.answersPosted += answers.length;
    let from = 0;
    for (; answers.length - from > ANSWERS_PER_PART; from += ANSWERS_PER_PART) {
      worker.postMessage({ id, part: answers.slice(from, from + ANSWERS_PER_PART) } satisfies AnswersPart);
      await nextTurn();
      if (!alive()) return;
    }
    const transfer = request.vectors ? [request.vectors.data.buffer as ArrayBuffer] : [];
    const last = { ...request.input, answers: from === 0 ? answers : answers.slice(from) };
    const cached = session && diff && { key: session.key, removed: diff.removed, total: diff.total };
    worker.postMessage({ id, ...request, input: last, cached } satisfies WorkerRequest, transfer);
    if (!session || !diff) return;
    for (const forget of this.mirror.sent(session.key, diff)) worker.postMessage({ forget } satisfies ForgetSession);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The boot file registers tsx inside the thread, so the worker runs the TypeScript sources like the server does.
    const worker = new Worker(new URL('./synthesis-worker-boot.mjs', import.meta.url));
    this.started += 1;
    // An idle worker must not keep a stopping process alive; pending work holds the server's sockets open anyway.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = this.current;
      if (!job || job.id !== reply.id) return;
      this.finish();
      if (reply.ok) return job.resolve(reply.result);
      // The worker's copy of the session may be wrong after a failed run: the next run sends all its answers.
      if (job.session) this.mirror.drop(job.session.key);
      job.reject(new SynthesisWorkerError(reply.message));
    });
    worker.on('error', (err: Error) => this.lost(worker, new SynthesisWorkerError(`The synthesis worker failed: ${err.message}`)));
    worker.on('exit', (code) => this.lost(worker, new SynthesisWorkerError(`The synthesis worker stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private finish(): void {
    clearTimeout(this.current!.timer);
    this.current = null;
    this.pump();
  }

  /** The worker died: its job fails, the next job starts a new one. */
  private lost(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.mirror.clear();
    const job = this.current;
    if (job) {
      this.finish();
      job.reject(err);
    }
  }

  /** Stops the worker (tests use it to kill one mid-run); the running job fails with `reason`. */
  stopWorker(reason = new SynthesisWorkerError('The synthesis worker was stopped')): void {
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, reason);
    void worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SynthesisWorkerError('The server is stopping'));
    const worker = this.worker;
    this.stopWorker(new SynthesisWorkerError('The server is stopping'));
    await worker?.terminate();
  }
}

let shared: SynthesisPool | null = null;

/**
 * The process's pool: one worker for every app in the process (a server runs one; a test process starts many, and
 * each loading the engine and its language data again would cost seconds of CPU). Its worker is unref'd, so it
 * never keeps a stopping process alive.
 */
export function sharedSynthesisPool(): SynthesisPool {
  shared ??= new SynthesisPool();
  return shared;
}
