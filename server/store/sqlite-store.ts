import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { roundMarker } from './open-rounds.js';
import { SQLITE_MIGRATIONS } from './sqlite-schema.js';
import {
  CredentialTakenError,
  type AppendBatch,
  type Credential,
  DuplicateOpError,
  type EventRecord,
  JoinCodeTakenError,
  type ProgrammeRow,
  SeqConflictError,
  type SessionRow,
  type Snapshot,
  type Store,
  StoreUnavailableError,
  type StoredOp,
} from './types.js';

export interface SqliteOptions {
  dataDir: string;
  fileName?: string;
  /** For fault tests: runs inside each group commit just before COMMIT; throwing makes the commit fail. */
  beforeCommit?: () => void;
  /** PRAGMA quick_check on open (default true); damage is reported through `log` (console.error by default). */
  check?: boolean;
  log?: (line: string) => void;
}

/**
 * The embedded store: one SQLite file, WAL, synchronous=FULL (a commit is on disk before anyone hears "saved").
 * Appends are group-committed: every append made while the event loop was busy goes into one transaction, so
 * one fsync serves many answers. Each batch sits in its own savepoint, so a conflicting batch fails alone.
 */
export async function openSqliteStore(opts: SqliteOptions): Promise<Store> {
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.resolve(opts.dataDir, opts.fileName ?? 'sessions.db');
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (opts.check !== false) checkFile(db, file, opts.log ?? console.error);
    migrate(db);
  } catch (err) {
    // Whatever stops the open (not a database, a damaged header), the operator learns which file it is.
    throw new Error(`The SQLite file ${file} cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  return new SqliteStore(db, opts.beforeCommit);
}

/**
 * PRAGMA quick_check at start: a damaged file is named in the log with what SQLite found, and the server still
 * starts, so the sessions that can be read are served (a session whose rows cannot be read is refused alone).
 */
function checkFile(db: Database.Database, file: string, log: (line: string) => void): void {
  let found: string[];
  try {
    found = (db.prepare('PRAGMA quick_check(20)').all() as Row[]).map((r) => String(Object.values(r)[0]));
  } catch (err) {
    // Damage bad enough stops the check itself ("database disk image is malformed").
    found = [(err as Error).message];
  }
  if (found.length === 1 && found[0] === 'ok') return;
  log(
    `[error] The SQLite file ${file} is damaged (PRAGMA quick_check): ${found.join('; ')}. Restore it from a backup or recover it with the sqlite3 shell's .recover.`,
  );
}

function migrate(db: Database.Database): void {
  // libsql's pragma() returns rows even with { simple: true }, so read the version with a plain query.
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SQLITE_MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}

interface Pending {
  /** Runs inside the shared transaction, in its own savepoint; throws to fail alone. */
  write: (pending: Map<string, number>) => void;
  resolve: () => void;
  reject: (err: Error) => void;
}

type Row = Record<string, unknown>;
const isConstraint = (err: unknown, what: string) =>
  String((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT') && String((err as Error).message).includes(what);

class SqliteStore implements Store {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushed: Promise<void> = Promise.resolve();
  private lastSeqs = new Map<string, number>();
  private readonly statements;
  /**
   * Set by close(). libsql aborts the whole process on a statement run after its database closed (a Rust panic, not
   * an exception), so every use after close is refused here, as an error the caller can handle (a checkpoint still
   * serialising while the server stops, say).
   */
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly beforeCommit?: () => void,
  ) {
    this.statements = {
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS last FROM events WHERE session_id = ?'),
      insertEvent: db.prepare('INSERT INTO events (session_id, seq, at, type, data, version) VALUES (?, ?, ?, ?, ?, ?)'),
      insertOp: db.prepare('INSERT INTO ops (session_id, op_id, result, last_seq) VALUES (?, ?, ?, ?)'),
      findOp: db.prepare('SELECT result, last_seq FROM ops WHERE session_id = ? AND op_id = ?'),
      readAll: db.prepare('SELECT seq, at, type, data, version FROM events WHERE session_id = ? AND seq > ? ORDER BY seq'),
      readSome: db.prepare('SELECT seq, at, type, data, version FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
      insertSession: db.prepare('INSERT INTO sessions (session_id, join_code, created_at, programme_id) VALUES (?, ?, ?, ?)'),
      findSession: db.prepare('SELECT * FROM sessions WHERE session_id = ?'),
      findByCode: db.prepare('SELECT * FROM sessions WHERE join_code = ?'),
      listSessions: db.prepare('SELECT * FROM sessions ORDER BY created_at'),
      insertCredential: db.prepare('INSERT INTO credentials (hash, role, scope_id, subject, created_at) VALUES (?, ?, ?, ?, ?)'),
      findCredential: db.prepare('SELECT * FROM credentials WHERE hash = ?'),
      listCredentials: db.prepare('SELECT * FROM credentials WHERE scope_id = ? ORDER BY created_at'),
      deleteCredential: db.prepare('DELETE FROM credentials WHERE hash = ?'),
      touchCredential: db.prepare('UPDATE credentials SET last_used_at = ? WHERE hash = ?'),
      updateEventData: db.prepare('UPDATE events SET data = ? WHERE session_id = ? AND seq = ?'),
      deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE session_id = ?'),
      deleteSessionRows: ['events', 'ops', 'snapshots', 'open_rounds', 'sessions'].map((table) => db.prepare(`DELETE FROM ${table} WHERE session_id = ?`)),
      deleteScopeCredentials: db.prepare('DELETE FROM credentials WHERE scope_id = ?'),
      insertProgramme: db.prepare('INSERT INTO programmes (programme_id, created_at, name, description, organisers, languages) VALUES (?, ?, ?, ?, ?, ?)'),
      findProgramme: db.prepare('SELECT * FROM programmes WHERE programme_id = ?'),
      setProgramme: db.prepare('UPDATE sessions SET programme_id = ? WHERE session_id = ?'),
      programmeSessions: db.prepare('SELECT * FROM sessions WHERE programme_id = ? ORDER BY created_at'),
      readPartners: db.prepare('SELECT data FROM programme_partners WHERE programme_id = ?'),
      writePartners: db.prepare(
        'INSERT INTO programme_partners (programme_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (programme_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      ),
      readEvaluation: db.prepare('SELECT data FROM programme_evaluation WHERE programme_id = ?'),
      writeEvaluation: db.prepare(
        'INSERT INTO programme_evaluation (programme_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (programme_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      ),
      openRound: db.prepare('INSERT OR IGNORE INTO open_rounds (session_id) VALUES (?)'),
      closeRound: db.prepare('DELETE FROM open_rounds WHERE session_id = ?'),
      openRounds: db.prepare('SELECT session_id FROM open_rounds'),
      upsertSnapshot: db.prepare(
        `INSERT INTO snapshots (session_id, seq, version, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET seq = excluded.seq, version = excluded.version, data = excluded.data
         WHERE excluded.seq > snapshots.seq`,
      ),
      readSnapshot: db.prepare('SELECT seq, version, data FROM snapshots WHERE session_id = ?'),
    };
  }

  createSession(row: SessionRow, credentials: Credential[], first: AppendBatch): Promise<void> {
    return this.enqueue((pending) => {
      try {
        this.st.insertSession.run(row.sessionId, row.joinCode, row.createdAt, row.programmeId);
      } catch (err) {
        if (isConstraint(err, 'join_code')) throw new JoinCodeTakenError(`Join code ${row.joinCode} is taken`);
        throw err;
      }
      for (const c of credentials) this.insertCredential(c);
      this.writeBatch(first, pending);
    });
  }

  append(batch: AppendBatch): Promise<void> {
    return this.enqueue((pending) => this.writeBatch(batch, pending));
  }

  /** The prepared statements, while the database is open. */
  private get st() {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    return this.statements;
  }

  /** Every write waits for the next group commit: one transaction and one fsync for all writes of a loop turn. */
  private enqueue(write: Pending['write']): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new StoreUnavailableError('The store is closed'));
      this.queue.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the I/O callbacks of this loop turn: every message read in it joins this commit.
        this.flushed = new Promise((done) =>
          setImmediate(() => {
            this.flush();
            done();
          }),
        );
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.queue.splice(0);
    if (items.length === 0) return;
    const outcomes: (Error | null)[] = [];
    const pending = new Map<string, number>();
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const item of items) {
        this.db.exec('SAVEPOINT batch');
        const before = new Map(pending);
        try {
          item.write(pending);
          this.db.exec('RELEASE batch');
          outcomes.push(null);
        } catch (err) {
          this.db.exec('ROLLBACK TO batch');
          this.db.exec('RELEASE batch');
          pending.clear();
          for (const [k, v] of before) pending.set(k, v);
          if (!isExpected(err)) throw err;
          outcomes.push(err);
        }
      }
      this.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (err) {
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // the connection is already out of its transaction
      }
      const failure = new StoreUnavailableError(`Could not write to the data directory: ${(err as Error).message}`);
      items.forEach((item) => item.reject(failure));
      return;
    }
    for (const [k, v] of pending) this.lastSeqs.set(k, v);
    items.forEach((item, i) => (outcomes[i] ? item.reject(outcomes[i]!) : item.resolve()));
  }

  /** Validates and writes one command's events; `pending` holds the last seqs written earlier in this transaction. */
  private writeBatch(batch: AppendBatch, pending: Map<string, number>): void {
    const { sessionId, events } = batch;
    const last = pending.get(sessionId) ?? this.lastSeqs.get(sessionId) ?? Number((this.st.lastSeq.get(sessionId) as Row).last);
    events.forEach((e, i) => {
      if (e.seq !== last + 1 + i) throw new SeqConflictError(`Expected seq ${last + 1 + i}, got ${e.seq}`);
    });
    if (events.length === 0) return;
    const lastSeq = events[events.length - 1].seq;
    for (const c of batch.credentials ?? []) {
      try {
        this.insertCredential(c);
      } catch (err) {
        if (isConstraint(err, 'credentials')) throw new CredentialTakenError('This device token is already in use');
        throw err;
      }
    }
    if (batch.opId !== null) {
      try {
        this.st.insertOp.run(sessionId, batch.opId, JSON.stringify(batch.result ?? null), lastSeq);
      } catch (err) {
        if (isConstraint(err, 'ops')) throw new DuplicateOpError(`opId ${batch.opId} is already in the log`);
        throw err;
      }
    }
    for (const e of events) this.st.insertEvent.run(sessionId, e.seq, e.at, e.type, JSON.stringify(e.data), e.version ?? 1);
    const marker = roundMarker(events);
    if (marker) (marker === 'open' ? this.st.openRound : this.st.closeRound).run(sessionId);
    pending.set(sessionId, lastSeq);
  }

  async readEvents(sessionId: string, afterSeq: number, limit?: number): Promise<EventRecord[]> {
    const rows = (limit ? this.st.readSome.all(sessionId, afterSeq, limit) : this.st.readAll.all(sessionId, afterSeq)) as Row[];
    return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), type: String(r.type), data: parseEvent(sessionId, r), version: Number(r.version) }));
  }

  writeSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    return this.enqueue(() => void this.st.upsertSnapshot.run(sessionId, snapshot.seq, snapshot.version, snapshot.data));
  }

  async readSnapshot(sessionId: string): Promise<Snapshot | null> {
    const r = this.st.readSnapshot.get(sessionId) as Row | undefined;
    return r ? { seq: Number(r.seq), version: Number(r.version), data: String(r.data) } : null;
  }

  async sessionsWithOpenRound(): Promise<string[]> {
    return (this.st.openRounds.all() as Row[]).map((r) => String(r.session_id));
  }

  async lastSeq(sessionId: string): Promise<number> {
    return Number((this.st.lastSeq.get(sessionId) as Row).last);
  }

  async findOp(sessionId: string, opId: string): Promise<StoredOp | null> {
    const r = this.st.findOp.get(sessionId, opId) as Row | undefined;
    return r ? { result: r.result === null ? null : JSON.parse(String(r.result)), lastSeq: Number(r.last_seq) } : null;
  }

  async findSession(sessionId: string): Promise<SessionRow | null> {
    return toSession(this.st.findSession.get(sessionId) as Row | undefined);
  }

  async findSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    return toSession(this.st.findByCode.get(joinCode) as Row | undefined);
  }

  async listSessions(): Promise<SessionRow[]> {
    return (this.st.listSessions.all() as Row[]).map((r) => toSession(r)!);
  }

  createProgramme(row: ProgrammeRow, credentials: Credential[]): Promise<void> {
    return this.enqueue(() => {
      this.st.insertProgramme.run(row.programmeId, row.createdAt, row.name, row.description, JSON.stringify(row.organisers), JSON.stringify(row.languages));
      for (const c of credentials) this.insertCredential(c);
    });
  }

  async findProgramme(programmeId: string): Promise<ProgrammeRow | null> {
    const r = this.st.findProgramme.get(programmeId) as Row | undefined;
    if (!r) return null;
    return {
      programmeId: String(r.programme_id),
      createdAt: Number(r.created_at),
      name: String(r.name),
      description: r.description === null ? null : String(r.description),
      organisers: JSON.parse(String(r.organisers)),
      languages: JSON.parse(String(r.languages)),
    };
  }

  setSessionProgramme(sessionId: string, programmeId: string | null): Promise<void> {
    return this.enqueue(() => void this.st.setProgramme.run(programmeId, sessionId));
  }

  async listProgrammeSessions(programmeId: string): Promise<SessionRow[]> {
    return (this.st.programmeSessions.all(programmeId) as Row[]).map((r) => toSession(r)!);
  }

  async readProgrammePartners(programmeId: string): Promise<string | null> {
    const r = this.st.readPartners.get(programmeId) as Row | undefined;
    return r ? String(r.data) : null;
  }

  writeProgrammePartners(programmeId: string, data: string, updatedAt: number): Promise<void> {
    return this.enqueue(() => void this.st.writePartners.run(programmeId, data, updatedAt));
  }

  async readProgrammeEvaluation(programmeId: string): Promise<string | null> {
    const r = this.st.readEvaluation.get(programmeId) as Row | undefined;
    return r ? String(r.data) : null;
  }

  writeProgrammeEvaluation(programmeId: string, data: string, updatedAt: number): Promise<void> {
    return this.enqueue(() => void this.st.writeEvaluation.run(programmeId, data, updatedAt));
  }

  addCredential(credential: Credential): Promise<void> {
    return this.enqueue(() => this.insertCredential(credential));
  }

  private insertCredential(c: Credential): void {
    this.st.insertCredential.run(c.hash, c.role, c.scopeId, c.subject, c.createdAt);
  }

  async findCredential(hash: string): Promise<Credential | null> {
    const r = this.st.findCredential.get(hash) as Row | undefined;
    return r ? toCredential(r) : null;
  }

  async listCredentials(scopeId: string): Promise<Credential[]> {
    return (this.st.listCredentials.all(scopeId) as Row[]).map(toCredential);
  }

  deleteCredential(hash: string): Promise<void> {
    return this.enqueue(() => void this.st.deleteCredential.run(hash));
  }

  touchCredential(hash: string, at: number): Promise<void> {
    return this.enqueue(() => void this.st.touchCredential.run(at, hash));
  }

  deleteSession(sessionId: string): Promise<void> {
    return this.enqueue(() => {
      for (const st of this.st.deleteSessionRows) st.run(sessionId);
      this.st.deleteScopeCredentials.run(sessionId);
      this.lastSeqs.delete(sessionId);
    });
  }

  replaceEvents(sessionId: string, events: EventRecord[]): Promise<void> {
    return this.enqueue(() => {
      for (const e of events) this.st.updateEventData.run(JSON.stringify(e.data), sessionId, e.seq);
      this.st.deleteSnapshot.run(sessionId);
    });
  }

  async close(): Promise<void> {
    while (this.scheduled || this.queue.length) await this.flushed;
    this.closed = true;
    this.db.close();
  }
}

/** A row that is not JSON (a damaged disk, a hand edit) fails the read of that session alone, saying which row. */
function parseEvent(sessionId: string, r: Row): unknown {
  try {
    return JSON.parse(String(r.data));
  } catch (err) {
    throw new StoreUnavailableError(`event ${r.seq} (${r.type}) of session ${sessionId} cannot be read: ${(err as Error).message}`);
  }
}

function toCredential(r: Row): Credential {
  return {
    hash: String(r.hash),
    role: r.role as Credential['role'],
    scopeId: String(r.scope_id),
    subject: r.subject === null ? null : String(r.subject),
    createdAt: Number(r.created_at),
    // Only once used: a credential never used reads exactly as it was written.
    ...(r.last_used_at === null || r.last_used_at === undefined ? {} : { lastUsedAt: Number(r.last_used_at) }),
  };
}

/** Outcomes that fail one write but not the commit it shares with others. */
const isExpected = (err: unknown) =>
  err instanceof SeqConflictError || err instanceof DuplicateOpError || err instanceof JoinCodeTakenError || err instanceof CredentialTakenError;

function toSession(r: Row | undefined): SessionRow | null {
  if (!r) return null;
  return {
    sessionId: String(r.session_id),
    joinCode: String(r.join_code),
    createdAt: Number(r.created_at),
    programmeId: r.programme_id === null || r.programme_id === undefined ? null : String(r.programme_id),
  };
}
