import type { Ack, AckOk } from '../../shared/protocol/acks.js';
import { fail } from '../../shared/protocol/acks.js';
import type { Command } from '../../shared/protocol/commands.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { EVENT_VERSION, readStoredEvent } from '../../shared/protocol/event-versions.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { type Actor, type Decision, type DomainContext, DomainError } from '../../shared/domain/context.js';
import { decide } from '../../shared/domain/decide.js';
import { EMPTY_STATE, applyAllOwned } from '../../shared/domain/reducer.js';
import { Ownership } from '../../shared/domain/ownership.js';
import { seededRandom } from '../../shared/domain/random.js';
import { type Credential, DuplicateOpError, SeqConflictError, type EventRecord, type Store } from '../store/types.js';
import { frozenCopy } from './frozen-copy.js';
import { parseSnapshot, serialiseSnapshot } from './snapshot.js';

export interface HostDeps {
  store: Store;
  now: () => number;
  newId: () => string;
  /** Called once per committed command, in seq order, with the state after it. */
  onCommit: (sessionId: string, envelopes: EventEnvelope[], state: SessionState) => void;
  /** Called when the host caught up with events another node committed (they were broadcast there). */
  onCatchUp?: (sessionId: string, envelopes: EventEnvelope[], state: SessionState) => void;
  log?: (level: 'error' | 'info' | 'debug', msg: string, extra?: unknown) => void;
  /** A checkpoint (a snapshot in the store) after at least this many events, or a tenth of the log if more. */
  checkpointEvery?: number;
  /** Only this process appends to the store (one node): the host's state is the log's, with nothing to catch up. */
  soleWriter?: boolean;
  /** Each committed command's time in the server, from deciding to broadcast, and of that the commit's (ms). */
  onTimed?: (commandMs: number, commitMs: number) => void;
}

const DEFAULT_CHECKPOINT_EVERY = 500;
/** Stored events parsed and applied per loop turn when a session loads. */
const REPLAY_SLICE = 2_000;

/**
 * Two nodes writing one session at once lose seq races to each other; each loser catches up and tries again,
 * after a short random pause that grows with the attempts, so two pipelines in lockstep drift apart.
 */
const MAX_CONFLICT_RETRIES = 20;
const conflictPause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
const REMEMBERED_OPS = 5_000;

export const toRecord = (e: EventEnvelope): EventRecord => ({ seq: e.seq, at: e.at, type: e.event.type, data: e.event, version: EVENT_VERSION });
/** A stored event as today's schema reads it (upcast from the version it was written in); throws StoredEventError. */
export const fromRecord = (r: EventRecord): EventEnvelope => ({ seq: r.seq, at: r.at, event: readStoredEvent(r.version ?? 1, r.data) });

/**
 * One live session in memory. Commands are decided on the in-memory state at once (the domain is
 * synchronous), appended to the log, and acknowledged and broadcast only after the store committed.
 * Commands pipeline: the next one is decided while earlier ones wait for the same group commit.
 * Should an append fail, the in-memory state is ahead of the log, so it is rebuilt from the log.
 */
export class SessionHost {
  private state: SessionState = EMPTY_STATE;
  /**
   * The maps of `state` this host may write in place: applying an event costs the same at 10 answers and at 100,000.
   * Whoever keeps a state across an await (a reader, a checkpoint) releases it first; the next write then copies.
   */
  private owner = new Ownership();
  private committedSeq = 0;
  /**
   * The last checkpoint: a released state known to match the log exactly. A rebuild starts from it and reads only the
   * events after it; on first load it comes from the store's snapshot.
   */
  private base: SessionState | null = null;
  private checkpointing: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private syncWanted = false;
  /** Bumped on every rebuild, so work that started on an abandoned state can tell. */
  private generation = 0;
  private ready: Promise<void>;
  private inFlight = new Set<Promise<unknown>>();
  private ops = new Map<string, Promise<Ack>>();

  constructor(
    readonly sessionId: string,
    private readonly deps: HostDeps,
  ) {
    this.ready = this.rebuild();
  }

  /** The state as of the last committed event (waits for in-flight appends). */
  committedState(): Promise<SessionState> {
    return this.committedRead((s) => {
      this.owner.release(); // the caller keeps `s` across awaits: later events must not write into it
      return s;
    });
  }

  /**
   * What `read` makes of the state as of the last committed event, without handing the state out: `read` runs at
   * once, on the state as it is now (in-flight events included), and its result is returned once those events are
   * committed. The state is not released, so the next event does not copy the session's maps (a join storm would
   * otherwise copy the participants at every attach: quadratic). `read` must be synchronous and return nothing that
   * shares the state's records (participants, groups, answers), which later events write in place.
   */
  async committedRead<T>(read: (s: SessionState) => T): Promise<T> {
    for (;;) {
      await this.ready;
      const s = this.state;
      const gen = this.generation;
      const result = read(s);
      await this.settled(s.seq);
      if (gen === this.generation) return result;
    }
  }

  /**
   * Catches up with events other nodes appended (no-op on a single node: an attach would otherwise read the log
   * for nothing, one trip to the store per person in a join storm). One catch-up runs at a time; a call during one
   * makes another run right after it, so an event notified mid-read is never left behind.
   */
  sync(): Promise<void> {
    if (this.deps.soleWriter) return this.ready;
    this.syncWanted = true;
    if (!this.syncing) this.syncing = this.syncWhileWanted().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async syncWhileWanted(): Promise<void> {
    while (this.syncWanted) {
      this.syncWanted = false;
      await this.syncOnce();
    }
  }

  private async syncOnce(): Promise<void> {
    await this.ready;
    await Promise.allSettled([...this.inFlight]);
    const from = this.state;
    const gen = this.generation;
    // Only a state that matches the log may be extended, never one still holding an append that failed (its
    // rebuild is queued and will read these events anyway).
    if (from.seq !== this.committedSeq) return;
    const newer = (await this.deps.store.readEvents(this.sessionId, from.seq)).map(fromRecord);
    if (newer.length === 0 || newer[0].seq !== from.seq + 1) return;
    // A command decided meanwhile took a seq that is already in the log: it will conflict and rebuild.
    if (this.state !== from || gen !== this.generation) return;
    this.adopt(applyAllOwned(from, newer, this.owner));
    this.deps.onCatchUp?.(this.sessionId, newer, this.state);
  }

  /** Another node committed up to `seq`: catch up unless already there. */
  async syncTo(seq: number): Promise<void> {
    await this.ready;
    if (this.state.seq < seq) await this.sync();
  }

  /** Runs a session command once per opId, even when the client retries. */
  execute(command: Command, actor: Actor): Promise<Ack> {
    const key = command.opId;
    const known = this.ops.get(key);
    if (known) return known;
    const result = this.run(actor, (s, ctx) => decide(s, command, ctx), key);
    this.remember(key, result);
    return result;
  }

  /**
   * Runs a decision made by the server itself (join, timer), with the same durability and broadcast.
   * `credentials` are stored with its events, in the same transaction (a join's device token).
   */
  executeWith(actor: Actor, decider: (s: SessionState, ctx: DomainContext) => Decision, opId: string | null, credentials?: Credential[]): Promise<Ack> {
    if (opId) {
      const known = this.ops.get(opId);
      if (known) return known;
    }
    const result = this.run(actor, decider, opId, 0, credentials);
    if (opId) this.remember(opId, result);
    return result;
  }

  /** The ack of a command this host already ran or is running, if any (so a retry does not redo costly work). */
  knownOp(opId: string): Promise<Ack> | undefined {
    return this.ops.get(opId);
  }

  private remember(opId: string, result: Promise<Ack>): void {
    this.ops.set(opId, result);
    // Failed attempts may be retried for real; only successes are final.
    void result.then((ack) => !ack.ok && this.ops.get(opId) === result && this.ops.delete(opId));
    if (this.ops.size > REMEMBERED_OPS) this.ops.delete(this.ops.keys().next().value as string);
  }

  private async run(
    actor: Actor,
    decider: (s: SessionState, ctx: DomainContext) => Decision,
    opId: string | null,
    attempt = 0,
    credentials?: Credential[],
  ): Promise<Ack> {
    try {
      await this.ready;
    } catch {
      this.ready = this.rebuild(); // the store was down while rebuilding: try again on the next command
      return fail('store_unavailable', 'Could not load the session: nothing was changed. Please try again.');
    }
    const started = performance.now();
    const now = this.deps.now();
    const ctx: DomainContext = { actor, now, newId: this.deps.newId, random: seededRandom(Math.floor(Math.random() * 2 ** 31)) };
    let decision: Decision;
    try {
      decision = decider(this.state, ctx);
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message);
      throw err;
    }
    if (decision.events.length === 0) return { ok: true, seq: this.state.seq, result: decision.result };

    const envelopes = decision.events.map((event, i) => ({ seq: this.state.seq + 1 + i, at: now, event }));
    this.state = applyAllOwned(this.state, envelopes, this.owner);
    const gen = this.generation;
    const append = this.deps.store.append({
      sessionId: this.sessionId,
      opId,
      result: decision.result ?? null,
      events: envelopes.map(toRecord),
      ...(credentials?.length ? { credentials } : {}),
    });
    this.track(append);
    const appended = performance.now();
    try {
      await append;
    } catch (err) {
      if (gen === this.generation) this.invalidate();
      if (err instanceof DuplicateOpError && opId) return this.storedAck(opId);
      if (err instanceof SeqConflictError && attempt < MAX_CONFLICT_RETRIES) {
        await conflictPause(attempt);
        return this.run(actor, decider, opId, attempt + 1, credentials);
      }
      return fail('store_unavailable', 'Could not save: nothing was changed. Please try again.');
    }
    const committed = performance.now();
    const last = envelopes[envelopes.length - 1].seq;
    this.committedSeq = Math.max(this.committedSeq, last);
    if (gen === this.generation) this.checkpointWhenDue();
    // The current state may already hold later, pipelined events; it only serves to route and redact.
    this.deps.onCommit(this.sessionId, envelopes, this.state);
    this.deps.onTimed?.(performance.now() - started, committed - appended);
    const ok: AckOk = { ok: true, seq: last, result: decision.result };
    return ok;
  }

  private async storedAck(opId: string): Promise<Ack> {
    const op = await this.deps.store.findOp(this.sessionId, opId);
    return op ? { ok: true, seq: op.lastSeq, result: op.result ?? undefined } : fail('internal', 'Lost track of a retried command');
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  private async settled(seq: number): Promise<void> {
    while (this.committedSeq < seq && this.inFlight.size > 0) await Promise.race([...this.inFlight]);
  }

  /** The in-memory state ran ahead of a failed append: rebuild it from the log once everything in flight settled. */
  private invalidate(): void {
    this.generation += 1;
    this.ready = Promise.allSettled([...this.inFlight]).then(() => this.rebuild());
  }

  private async rebuild(): Promise<void> {
    const from = this.base ?? (await this.readSnapshot()) ?? EMPTY_STATE;
    this.base = from;
    const known = this.committedSeq;
    const records = await this.deps.store.readEvents(this.sessionId, from.seq);
    // A new owner: nothing of the abandoned state may be written into, and `from` is never written (it is released).
    this.owner = new Ownership();
    // Parsed and applied a slice per loop turn: a long tail (a log without a snapshot yet) never holds the loop.
    const envelopes: EventEnvelope[] = [];
    let s = from;
    for (let i = 0; i < records.length; i += REPLAY_SLICE) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const slice = records.slice(i, i + REPLAY_SLICE).map(fromRecord);
      s = applyAllOwned(s, slice, this.owner);
      envelopes.push(...slice);
    }
    this.adopt(s);
    // What other nodes committed and this one learns only now (their timers, for one) is caught up here too.
    const learned = envelopes.filter((e) => e.seq > known);
    if (learned.length) this.deps.onCatchUp?.(this.sessionId, learned, this.state);
  }

  private adopt(s: SessionState): void {
    this.state = s;
    this.committedSeq = s.seq;
  }

  private async readSnapshot(): Promise<SessionState | null> {
    const snapshot = await this.deps.store.readSnapshot(this.sessionId);
    if (!snapshot) return null;
    const state = parseSnapshot(this.sessionId, snapshot);
    if (!state)
      this.deps.log?.('info', `session ${this.sessionId}: snapshot at seq ${snapshot.seq} not usable (version ${snapshot.version}); replaying the log`);
    return state;
  }

  /**
   * Takes a checkpoint once enough events passed since the last: at least `checkpointEvery`, and a tenth of the log
   * when that is more, so a checkpoint's cost (proportional to the session) stays a constant share of each event.
   */
  private checkpointWhenDue(): void {
    const since = this.committedSeq - (this.base?.seq ?? 0);
    const every = Math.max(this.deps.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY, Math.floor(this.committedSeq / 10));
    if (since >= every) void this.checkpoint();
  }

  /**
   * Snapshots the current state into the store once all of it is committed, and keeps it as the base for rebuilds.
   * Copying and serialising run a slice per loop turn; one checkpoint at a time. Resolves when written (or given up).
   */
  checkpoint(): Promise<void> {
    if (this.checkpointing) return this.checkpointing;
    if (this.state.seq === 0 || this.state.seq === this.base?.seq) return Promise.resolve();
    const gen = this.generation;
    this.checkpointing = (async () => {
      // A copy made a slice per turn, not the live state released: the next event would copy a whole record at once.
      const s = await frozenCopy(() => this.state);
      if (!s || gen !== this.generation) return;
      await this.settled(s.seq);
      if (gen !== this.generation || this.committedSeq < s.seq) return; // an append failed: `s` is not the log
      this.base = s;
      await this.deps.store.writeSnapshot(this.sessionId, await serialiseSnapshot(s));
    })()
      .catch((err: unknown) => this.deps.log?.('error', `session ${this.sessionId}: snapshot not written (the log is intact)`, err))
      .finally(() => (this.checkpointing = null));
    return this.checkpointing;
  }

  /** Current state, possibly including events not yet committed; for decisions only, never for readers. */
  peek(): SessionState {
    return this.state;
  }

  isLoaded(): Promise<void> {
    return this.ready;
  }

  /** Nothing being written or caught up: the host may be dropped, and a new one will read the same log. */
  idle(): boolean {
    return this.inFlight.size === 0 && this.syncing === null && this.checkpointing === null;
  }
}
