/**
 * The storage contract. Every store (embedded SQLite, Postgres) passes the same
 * contract suite in tests/integration/store-contract.ts.
 *
 * The store knows nothing of the domain: events are opaque JSON with a seq.
 */

/** One entry of a session's event log. `seq` is gap-free per session, starting at 1. */
export interface EventRecord {
  seq: number;
  /** Server time in ms since epoch. */
  at: number;
  /** The event's discriminator, kept in its own column for debugging and exports. */
  type: string;
  /** The whole event as JSON-serialisable data. */
  data: unknown;
  /**
   * The shape version the event was written in (shared/protocol/event-versions.ts), so a later server can upcast
   * it. Stores return it on every read; absent on write means 1, the version of every log from before it was kept.
   */
  version?: number;
}

export type CredentialRole = 'facilitator' | 'participant' | 'coordinator';

/** A secret's hash and what it grants. The secret itself is never stored. */
export interface Credential {
  hash: string;
  role: CredentialRole;
  /** Session (or programme, for coordinators) the credential opens. */
  scopeId: string;
  /** Participant id for participant tokens; a label ("co-facilitator") otherwise. */
  subject: string | null;
  createdAt: number;
  /** When it was last used to attach (facilitator keys, for the console's list); null or absent: never. */
  lastUsedAt?: number | null;
}

/** One accepted command: the events it produced, its opId and the result its ack carried. */
export interface AppendBatch {
  sessionId: string;
  /** Client-made id, unique per session; null for server-made commands without retry. */
  opId: string | null;
  /** What the ack of this command returned (beyond ok/seq), so a retry gets the same answer. */
  result: unknown;
  /** Consecutive seqs continuing the log exactly (first = last stored seq + 1). */
  events: EventRecord[];
  /**
   * Credentials written in the same transaction as the events: a join's device token and the participant it makes
   * exist together or not at all, in one trip to the store. A hash already stored fails the batch alone
   * (CredentialTakenError).
   */
  credentials?: Credential[];
}

/**
 * A session's state as of `seq`, serialised by the domain (the store keeps it opaque), so a load reads it and the
 * events after it instead of the whole log. `version` is the domain's snapshot format: a reader that does not know
 * it replays the log instead.
 */
export interface Snapshot {
  seq: number;
  version: number;
  data: string;
}

export interface StoredOp {
  result: unknown;
  lastSeq: number;
}

export interface SessionRow {
  sessionId: string;
  joinCode: string;
  createdAt: number;
  programmeId: string | null;
}

/** A series of sessions (a programme) that coordinators report on. */
export interface ProgrammeRow {
  programmeId: string;
  createdAt: number;
  name: string;
  description: string | null;
  organisers: string[];
  languages: string[];
}

/** Thrown when a batch's seqs do not continue the log (someone else appended first, or a gap). */
export class SeqConflictError extends Error {
  readonly code = 'seq_conflict';
}
/** Thrown when a batch's opId is already in the session's log. */
export class DuplicateOpError extends Error {
  readonly code = 'duplicate_op';
}
/** Thrown when an appended credential's hash is already stored (two joins racing with one device token). */
export class CredentialTakenError extends Error {
  readonly code = 'credential_taken';
}
/** Thrown when a join code is already used by another session. */
export class JoinCodeTakenError extends Error {
  readonly code = 'join_code_taken';
}
/** Thrown when the store cannot write (disk full, read-only, connection lost). Nothing of the batch is kept. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
}

export interface Store {
  /** Creates the session row, its credentials and its first batch atomically. */
  createSession(row: SessionRow, credentials: Credential[], first: AppendBatch): Promise<void>;
  /**
   * Appends one command's events durably. Resolves only once committed (fsync'd).
   * Concurrent calls may be committed together (group commit) but each resolves or rejects on its own:
   * SeqConflictError / DuplicateOpError reject only that batch; StoreUnavailableError when the write failed.
   */
  append(batch: AppendBatch): Promise<void>;
  /** Events with seq > afterSeq, ascending; at most `limit` when given. */
  readEvents(sessionId: string, afterSeq: number, limit?: number): Promise<EventRecord[]>;
  lastSeq(sessionId: string): Promise<number>;
  /** Keeps the snapshot unless the session already has one at a later seq (one per session is kept). */
  writeSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  /** The session's latest snapshot, or null when it has none. */
  readSnapshot(sessionId: string): Promise<Snapshot | null>;
  findOp(sessionId: string, opId: string): Promise<StoredOp | null>;
  findSession(sessionId: string): Promise<SessionRow | null>;
  findSessionByJoinCode(joinCode: string): Promise<SessionRow | null>;
  listSessions(): Promise<SessionRow[]>;
  /**
   * Sessions whose round is running: their latest round marker in the log (see ./open-rounds.ts) opened a round.
   * Kept as a small index maintained on append, so a restart resumes round timers without reading every session.
   */
  sessionsWithOpenRound(): Promise<string[]>;
  /** Programmes: created with their coordinator credential, atomically. */
  createProgramme(row: ProgrammeRow, credentials: Credential[]): Promise<void>;
  findProgramme(programmeId: string): Promise<ProgrammeRow | null>;
  /** Puts a session in a programme (or takes it out with null). */
  setSessionProgramme(sessionId: string, programmeId: string | null): Promise<void>;
  listProgrammeSessions(programmeId: string): Promise<SessionRow[]>;
  /** A programme's partner organisations and tag corrections (issue 16), serialised by the caller; null when none were saved. */
  readProgrammePartners(programmeId: string): Promise<string | null>;
  /** Replaces them (the coordinator edits the whole list). */
  writeProgrammePartners(programmeId: string, data: string, updatedAt: number): Promise<void>;
  /** A programme's evaluation questions (issue 16), serialised by the caller; null when none were saved. */
  readProgrammeEvaluation(programmeId: string): Promise<string | null>;
  writeProgrammeEvaluation(programmeId: string, data: string, updatedAt: number): Promise<void>;
  addCredential(credential: Credential): Promise<void>;
  /**
   * Multi-node stores only: calls back after any node committed events, so each node's in-memory
   * sessions can catch up (and keep their round timers) without waiting for a conflict. `onResume` runs after
   * the subscription was lost and came back (what was committed meanwhile must be read). Returns an unsubscribe.
   */
  subscribe?(onAppend: (sessionId: string, lastSeq: number) => void, onResume?: () => void): Promise<() => Promise<void>>;
  findCredential(hash: string): Promise<Credential | null>;
  /** Every credential that opens this session or programme, oldest first (the console lists the facilitator keys). */
  listCredentials(scopeId: string): Promise<Credential[]>;
  /** Revokes a credential: its hash is deleted, so the secret opens nothing any more. */
  deleteCredential(hash: string): Promise<void>;
  /** Notes that a credential was just used ("last used" in the console's list of keys). */
  touchCredential(hash: string, at: number): Promise<void>;
  /** Retention: removes a session entirely (row, log, ops, snapshot, open-round marker, credentials). */
  deleteSession(sessionId: string): Promise<void>;
  /** Retention: rewrites the data of a session's events in place (same seqs, e.g. anonymised) and drops its snapshot. */
  replaceEvents(sessionId: string, events: EventRecord[]): Promise<void>;
  close(): Promise<void>;
}
