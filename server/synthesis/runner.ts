import { type Ack, fail } from '../../shared/protocol/acks.js';
import type { Command } from '../../shared/protocol/commands.js';
import { type Actor, DomainError } from '../../shared/domain/context.js';
import { decide, engineNeeded } from '../../shared/domain/decide.js';
import { engineAnswer, synthesisFrame, type MachineSynthesis } from '../../shared/domain/curation/generate.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import type { SessionState } from '../../shared/schemas/session.js';
import type { SynthesisEngine } from '../../shared/schemas/synthesis.js';
import type { SynthesisInput } from '../../shared/synthesis/index.js';
import type { SessionHost } from '../sessions/session-host.js';
import type { Embedder } from './embeddings.js';
import { type MergeAhead, type PackedVectors, type SynthesisPool, SynthesisWorkerError } from './pool.js';
import { withoutTexts } from '../../shared/domain/curation/texts.js';
import { prepareTexts } from './prepared-texts.js';

export interface RunnerDeps {
  pool: SynthesisPool;
  /** The operator's embedding server, when configured. */
  embedder: Embedder | null;
  now: () => number;
  log: (level: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => void;
}

type Waiting = { command: Command; actor: Actor; ack?: Promise<Ack> };
interface Lane {
  tail: Promise<unknown>;
  /** The run queued behind the one in progress, not started yet. */
  waiting: Waiting | null;
  /** Commands queued or running, by opId, so a retry waits for its first attempt. */
  ops: Map<string, Promise<Ack>>;
}

/**
 * Runs session commands; those that synthesise (synthesis.run, round.end with answers) read the committed
 * answers, get the engine's result from the worker, already merged there with the previous synthesis, and only
 * then commit through the host with a decider that takes that result, so the event loop keeps serving every room
 * meanwhile. When the session moved during the run, the decider merges again: answers that arrived join
 * "other ideas", and curation done meanwhile is kept.
 *
 * Per session, runs never overlap: a request arriving while one runs waits for it, so it starts from a log that
 * already holds the previous run's themes and curation. A synthesis.run arriving while another synthesis.run is
 * already waiting joins that one instead of queueing a third: the waiting run has not read the answers yet, so it
 * will include everything the newcomer would, and a double click or several facilitators pressing at once cost
 * one extra run, not one each (the worker is shared by every session). A threshold the newcomer names replaces
 * the waiting one's, which is what running both in order would have left.
 */
const WARM_AFTER_JOIN_MS = 20_000;

/** Runner ids: a session's answers are kept on the worker per runner and session (apps of one process share it). */
let runners = 0;

export class SynthesisRunner {
  private lanes = new Map<string, Lane>();
  private warmTimer: NodeJS.Timeout | null = null;
  private active = new Map<string, number>();
  /** Most runs of one session seen at once (tests check it stays at 1), and runs finished. */
  readonly stats = { maxOverlap: 0, runs: 0 };
  private readonly id = ++runners;

  constructor(private readonly deps: RunnerDeps) {}

  get pool(): SynthesisPool {
    return this.deps.pool;
  }

  async execute(host: SessionHost, command: Command, actor: Actor): Promise<Ack> {
    const known = host.knownOp(command.opId) ?? this.lanes.get(host.sessionId)?.ops.get(command.opId);
    if (known) return known;
    try {
      if (!engineNeeded(host.peek(), command, { actor, now: this.deps.now() })) return host.execute(command, actor);
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message);
      throw err;
    }
    return this.enqueue(host, command, actor);
  }

  private enqueue(host: SessionHost, command: Command, actor: Actor): Promise<Ack> {
    const id = host.sessionId;
    const lane = this.lanes.get(id) ?? { tail: Promise.resolve(), waiting: null, ops: new Map() };
    this.lanes.set(id, lane);
    let ack: Promise<Ack>;
    const waiting = lane.waiting;
    if (command.type === 'synthesis.run' && waiting?.command.type === 'synthesis.run' && waiting.ack) {
      if (command.threshold !== undefined) waiting.command = { ...waiting.command, threshold: command.threshold };
      ack = waiting.ack;
    } else {
      const job: Waiting = { command, actor };
      ack = lane.tail.then(() => {
        if (lane.waiting === job) lane.waiting = null;
        return this.runOne(host, job.command, job.actor);
      });
      job.ack = ack;
      lane.waiting = job;
      const tail = ack.catch(() => undefined);
      lane.tail = tail;
      void tail.then(() => lane.tail === tail && this.lanes.delete(id));
    }
    lane.ops.set(command.opId, ack);
    void ack.finally(() => lane.ops.delete(command.opId)).catch(() => undefined);
    return ack;
  }

  private async runOne(host: SessionHost, command: Command, actor: Actor): Promise<Ack> {
    const id = host.sessionId;
    const running = (this.active.get(id) ?? 0) + 1;
    this.active.set(id, running);
    this.stats.maxOverlap = Math.max(this.stats.maxOverlap, running);
    try {
      // Checked again on the committed state: the room went on while this run waited.
      const state = await host.committedState();
      const need = engineNeeded(state, command, { actor, now: this.deps.now() });
      if (!need) return await host.execute(command, actor);
      // A run of the session's own answers is merged with its synthesis on the worker too (an evaluation's is not).
      const machine = need.input ? await this.machine(command, () => this.withVectors(need.input!)) : await this.sessionMachine(state, need.threshold, command);
      return await host.executeWith(actor, (s, ctx) => decide(s, command, ctx, machine), command.opId);
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message);
      throw err;
    } finally {
      this.active.set(id, this.active.get(id)! - 1);
      if (this.active.get(id) === 0) this.active.delete(id);
      this.stats.runs += 1;
    }
  }

  /**
   * The engine's result on the session's own answers, merged with its synthesis on the worker too. Without an
   * embedding server only the answers that changed since the session's last run travel to the worker.
   */
  private async sessionMachine(state: SessionState, threshold: number, command: Command): Promise<MachineSynthesis | null> {
    const ids = Object.keys(state.answers);
    await prepareTexts(state, ids);
    const frame = synthesisFrame(state, threshold);
    const ahead = (engine: SynthesisEngine): MergeAhead => ({
      seq: state.seq,
      threshold,
      now: this.deps.now(),
      previous: state.synthesis && withoutTexts(state.synthesis),
      engine,
    });
    if (this.deps.embedder) {
      const answers = ids.map((id) => engineAnswer(state.answers[id]));
      return this.machine(command, () => this.withVectors({ ...frame, answers }, ahead));
    }
    const engine: SynthesisEngine = { kind: 'lexical' };
    const session = { key: `${this.id}:${state.id}`, answers: state.answers, ids };
    return this.machine(command, async () => ({ ...(await this.deps.pool.runSession(frame, session, ahead(engine))), engine }));
  }

  /** A run on the worker with the embedding server's vectors when there is one (and the lexical engine if it fails). */
  private async withVectors(input: SynthesisInput, ahead?: (engine: SynthesisEngine) => MergeAhead): Promise<MachineSynthesis> {
    const { vectors, engine } = await this.vectors(input);
    return { ...(await this.deps.pool.run(input, vectors, ahead?.(engine))), engine };
  }

  /** The engine's result off the event loop; null for a round end when the worker failed (the round ends anyway). */
  private async machine(command: Command, compute: () => Promise<MachineSynthesis>): Promise<MachineSynthesis | null> {
    try {
      return await compute();
    } catch (err) {
      if (!(err instanceof SynthesisWorkerError)) throw err;
      this.deps.log('error', `synthesis failed: ${err.message}`);
      // A round, or an evaluation (issue 16), ends anyway: without new themes.
      if (command.type === 'round.end' || command.type === 'evaluation.close') return null;
      throw new DomainError('internal', `The synthesis could not be computed (${err.message}); the previous one is unchanged.`);
    }
  }

  /** The answers' vectors from the operator's embedding server; on any failure the lexical engine answers alone. */
  private async vectors(input: SynthesisInput): Promise<{ vectors?: PackedVectors; engine: SynthesisEngine }> {
    const embedder = this.deps.embedder;
    if (!embedder || input.answers.length === 0) return { engine: { kind: 'lexical' } };
    try {
      const rows = await embedder.embed(input.answers.map((a) => a.text));
      const dim = rows[0].length;
      const data = new Float32Array(rows.length * dim);
      rows.forEach((v, i) => data.set(v, i * dim));
      return { vectors: { ids: input.answers.map((a) => a.id), dim, data }, engine: { kind: 'semantic' } };
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 300);
      this.deps.log('error', `semantic synthesis unavailable, the lexical engine answers alone: ${reason}`);
      return { engine: { kind: 'lexical', fallbackReason: reason } };
    }
  }

  /**
   * A round's end will want the engine ready. Loading the language data takes a core for a second or two, better
   * spent while the facilitator sets up than while the room writes or arrives: WARM_AFTER_JOIN_MS after the first
   * join (the arrival burst is over by then), or at once when a round starts before that.
   */
  onCommit(envelopes: EventEnvelope[], state: SessionState): void {
    if (envelopes.some((e) => e.event.type === 'round.started')) return this.deps.pool.warm(state.language);
    if (this.warmTimer || !envelopes.some((e) => e.event.type === 'participant.joined')) return;
    this.warmTimer = setTimeout(() => this.deps.pool.warm(state.language), WARM_AFTER_JOIN_MS);
    this.warmTimer.unref();
  }
}
