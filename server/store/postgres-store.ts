import pg from 'pg';
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
import { migratePostgres } from './postgres-schema.js';
import { roundMarker } from './open-rounds.js';

/**
 * The multi-node store. Postgres's primary key on (session_id, seq) is what serialises one session's
 * commands across nodes: the second node to write a seq gets SeqConflictError, catches up and retries.
 * Event data is kept as text, not jsonb, so it comes back byte for byte as written.
 */
export async function openPostgresStore(opts: { connectionString: string; max?: number }): Promise<Store> {
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.max ?? 10 });
  pool.on('error', () => undefined); // an idle client lost its connection; the next query reconnects
  await migratePostgres(pool);
  return new PostgresStore(pool);
}

const UNIQUE_VIOLATION = '23505';
const CHANNEL = 'plive_events';
const isUnique = (err: unknown, constraint: string) =>
  (err as { code?: string }).code === UNIQUE_VIOLATION && (err as { constraint?: string }).constraint === constraint;

class PostgresStore implements Store {
  /** Appends of one session leave this node in order, so pipelined batches never race each other. */
  private chains = new Map<string, Promise<unknown>>();

  constructor(private readonly pool: pg.Pool) {}

  async createSession(row: SessionRow, credentials: Credential[], first: AppendBatch): Promise<void> {
    await this.tx(async (c) => {
      try {
        await c.query('INSERT INTO sessions (session_id, join_code, created_at, programme_id) VALUES ($1, $2, $3, $4)', [
          row.sessionId,
          row.joinCode,
          row.createdAt,
          row.programmeId,
        ]);
      } catch (err) {
        if (isUnique(err, 'sessions_join_code_key')) throw new JoinCodeTakenError(`Join code ${row.joinCode} is taken`);
        throw err;
      }
      for (const cred of credentials) await insertCredential(c, cred);
      await insertBatch(c, first);
    });
  }

  append(batch: AppendBatch): Promise<void> {
    const previous = this.chains.get(batch.sessionId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() =>
        this.tx(async (c) => {
          const { rows } = await c.query<{ last: number }>('SELECT COALESCE(MAX(seq), 0)::int AS last FROM events WHERE session_id = $1', [batch.sessionId]);
          if (batch.events[0]?.seq !== rows[0].last + 1) throw new SeqConflictError(`Log is at ${rows[0].last}`);
          await insertBatch(c, batch);
          // Delivered to every listening node when (and only if) the transaction commits.
          await c.query('SELECT pg_notify($1, $2)', [CHANNEL, `${batch.sessionId} ${batch.events[batch.events.length - 1].seq}`]);
        }),
      );
    this.chains.set(batch.sessionId, next);
    void next.then(
      () => this.chains.get(batch.sessionId) === next && this.chains.delete(batch.sessionId),
      () => this.chains.get(batch.sessionId) === next && this.chains.delete(batch.sessionId),
    );
    return next;
  }

  async readEvents(sessionId: string, afterSeq: number, limit?: number): Promise<EventRecord[]> {
    const { rows } = await this.query<{ seq: number; at: string; type: string; data: string; version: number }>(
      `SELECT seq, at, type, data, version FROM events WHERE session_id = $1 AND seq > $2 ORDER BY seq${limit ? ' LIMIT $3' : ''}`,
      limit ? [sessionId, afterSeq, limit] : [sessionId, afterSeq],
    );
    return rows.map((r) => {
      try {
        return { seq: r.seq, at: Number(r.at), type: r.type, data: JSON.parse(r.data), version: r.version };
      } catch (err) {
        throw new StoreUnavailableError(`event ${r.seq} (${r.type}) of session ${sessionId} cannot be read: ${(err as Error).message}`);
      }
    });
  }

  async sessionsWithOpenRound(): Promise<string[]> {
    const { rows } = await this.query<{ session_id: string }>('SELECT session_id FROM open_rounds', []);
    return rows.map((r) => r.session_id);
  }

  async lastSeq(sessionId: string): Promise<number> {
    const { rows } = await this.query<{ last: number }>('SELECT COALESCE(MAX(seq), 0)::int AS last FROM events WHERE session_id = $1', [sessionId]);
    return rows[0].last;
  }

  async writeSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    await this.query(
      `INSERT INTO snapshots (session_id, seq, version, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id) DO UPDATE SET seq = EXCLUDED.seq, version = EXCLUDED.version, data = EXCLUDED.data
       WHERE EXCLUDED.seq > snapshots.seq`,
      [sessionId, snapshot.seq, snapshot.version, snapshot.data],
    );
  }

  async readSnapshot(sessionId: string): Promise<Snapshot | null> {
    const { rows } = await this.query<{ seq: number; version: number; data: string }>('SELECT seq, version, data FROM snapshots WHERE session_id = $1', [
      sessionId,
    ]);
    return rows[0] ? { seq: rows[0].seq, version: rows[0].version, data: rows[0].data } : null;
  }

  async findOp(sessionId: string, opId: string): Promise<StoredOp | null> {
    const { rows } = await this.query<{ result: string | null; last_seq: number }>('SELECT result, last_seq FROM ops WHERE session_id = $1 AND op_id = $2', [
      sessionId,
      opId,
    ]);
    return rows[0] ? { result: rows[0].result === null ? null : JSON.parse(rows[0].result), lastSeq: rows[0].last_seq } : null;
  }

  async findSession(sessionId: string): Promise<SessionRow | null> {
    const { rows } = await this.query<DbSession>('SELECT * FROM sessions WHERE session_id = $1', [sessionId]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async findSessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    const { rows } = await this.query<DbSession>('SELECT * FROM sessions WHERE join_code = $1', [joinCode]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async listSessions(): Promise<SessionRow[]> {
    const { rows } = await this.query<DbSession>('SELECT * FROM sessions ORDER BY created_at', []);
    return rows.map(toSession);
  }

  async createProgramme(row: ProgrammeRow, credentials: Credential[]): Promise<void> {
    await this.tx(async (c) => {
      await c.query('INSERT INTO programmes (programme_id, created_at, name, description, organisers, languages) VALUES ($1, $2, $3, $4, $5, $6)', [
        row.programmeId,
        row.createdAt,
        row.name,
        row.description,
        JSON.stringify(row.organisers),
        JSON.stringify(row.languages),
      ]);
      for (const cred of credentials) await insertCredential(c, cred);
    });
  }

  async findProgramme(programmeId: string): Promise<ProgrammeRow | null> {
    const { rows } = await this.query<{
      programme_id: string;
      created_at: string;
      name: string;
      description: string | null;
      organisers: string;
      languages: string;
    }>('SELECT * FROM programmes WHERE programme_id = $1', [programmeId]);
    const r = rows[0];
    return r
      ? {
          programmeId: r.programme_id,
          createdAt: Number(r.created_at),
          name: r.name,
          description: r.description,
          organisers: JSON.parse(r.organisers),
          languages: JSON.parse(r.languages),
        }
      : null;
  }

  async setSessionProgramme(sessionId: string, programmeId: string | null): Promise<void> {
    await this.query('UPDATE sessions SET programme_id = $2 WHERE session_id = $1', [sessionId, programmeId]);
  }

  async listProgrammeSessions(programmeId: string): Promise<SessionRow[]> {
    const { rows } = await this.query<DbSession>('SELECT * FROM sessions WHERE programme_id = $1 ORDER BY created_at', [programmeId]);
    return rows.map(toSession);
  }

  async readProgrammePartners(programmeId: string): Promise<string | null> {
    const { rows } = await this.query<{ data: string }>('SELECT data FROM programme_partners WHERE programme_id = $1', [programmeId]);
    return rows[0]?.data ?? null;
  }

  async writeProgrammePartners(programmeId: string, data: string, updatedAt: number): Promise<void> {
    await this.query(
      'INSERT INTO programme_partners (programme_id, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (programme_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      [programmeId, data, updatedAt],
    );
  }

  async readProgrammeEvaluation(programmeId: string): Promise<string | null> {
    const { rows } = await this.query<{ data: string }>('SELECT data FROM programme_evaluation WHERE programme_id = $1', [programmeId]);
    return rows[0]?.data ?? null;
  }

  async writeProgrammeEvaluation(programmeId: string, data: string, updatedAt: number): Promise<void> {
    await this.query(
      'INSERT INTO programme_evaluation (programme_id, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (programme_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      [programmeId, data, updatedAt],
    );
  }

  async addCredential(credential: Credential): Promise<void> {
    const c = await this.connect();
    try {
      await insertCredential(c, credential);
    } finally {
      c.release();
    }
  }

  async findCredential(hash: string): Promise<Credential | null> {
    const { rows } = await this.query<DbCredential>('SELECT * FROM credentials WHERE hash = $1', [hash]);
    return rows[0] ? toCredential(rows[0]) : null;
  }

  async listCredentials(scopeId: string): Promise<Credential[]> {
    const { rows } = await this.query<DbCredential>('SELECT * FROM credentials WHERE scope_id = $1 ORDER BY created_at', [scopeId]);
    return rows.map(toCredential);
  }

  async deleteCredential(hash: string): Promise<void> {
    await this.query('DELETE FROM credentials WHERE hash = $1', [hash]);
  }

  async touchCredential(hash: string, at: number): Promise<void> {
    await this.query('UPDATE credentials SET last_used_at = $1 WHERE hash = $2', [at, hash]);
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.tx(async (c) => {
      for (const table of ['events', 'ops', 'snapshots', 'open_rounds', 'sessions']) await c.query(`DELETE FROM ${table} WHERE session_id = $1`, [sessionId]);
      await c.query('DELETE FROM credentials WHERE scope_id = $1', [sessionId]);
    });
  }

  async replaceEvents(sessionId: string, events: EventRecord[]): Promise<void> {
    await this.tx(async (c) => {
      for (const e of events) await c.query('UPDATE events SET data = $1 WHERE session_id = $2 AND seq = $3', [JSON.stringify(e.data), sessionId, e.seq]);
      await c.query('DELETE FROM snapshots WHERE session_id = $1', [sessionId]);
    });
  }

  /**
   * LISTEN on a connection of its own. Should that connection break (a Postgres restart, a network blip), it is
   * opened again with growing pauses, and `onResume` runs: notifications sent meanwhile are lost, so the caller
   * catches up from the log.
   */
  async subscribe(onAppend: (sessionId: string, lastSeq: number) => void, onResume?: () => void): Promise<() => Promise<void>> {
    let listener: pg.PoolClient | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | null = null;
    const listen = async (): Promise<void> => {
      const c = await this.connect();
      c.on('notification', (msg) => {
        const [sessionId, seq] = (msg.payload ?? '').split(' ');
        if (sessionId && seq) onAppend(sessionId, Number(seq));
      });
      c.on('error', () => lost(c));
      c.on('end', () => lost(c));
      try {
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (err) {
        c.release(true);
        throw err;
      }
      listener = c;
    };
    const lost = (c: pg.PoolClient) => {
      if (listener !== c || stopped) return;
      listener = null;
      c.release(true);
      const again = (pause: number) => {
        retry = setTimeout(() => {
          if (stopped) return;
          listen().then(
            () => onResume?.(),
            () => again(Math.min(pause * 2, 10_000)),
          );
        }, pause);
        retry.unref();
      };
      again(250);
    };
    await listen();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = listener;
      listener = null;
      if (!c) return;
      await c.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      c.release();
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw unavailable(err);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw unavailable(err);
    }
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw unavailable(err);
    } finally {
      c.release();
    }
  }
}

type DbCredential = { hash: string; role: Credential['role']; scope_id: string; subject: string | null; created_at: string; last_used_at: string | null };
const toCredential = (r: DbCredential): Credential => ({
  hash: r.hash,
  role: r.role,
  scopeId: r.scope_id,
  subject: r.subject,
  createdAt: Number(r.created_at),
  ...(r.last_used_at === null ? {} : { lastUsedAt: Number(r.last_used_at) }),
});

type DbSession = { session_id: string; join_code: string; created_at: string; programme_id: string | null };
const toSession = (r: DbSession): SessionRow => ({
  sessionId: r.session_id,
  joinCode: r.join_code,
  createdAt: Number(r.created_at),
  programmeId: r.programme_id,
});

/** Known outcomes pass through; anything else means the database could not do the write. */
function unavailable(err: unknown): Error {
  const expected = [SeqConflictError, DuplicateOpError, JoinCodeTakenError, CredentialTakenError, StoreUnavailableError];
  if (expected.some((kind) => err instanceof kind)) return err as Error;
  return new StoreUnavailableError(`Postgres: ${(err as Error).message}`);
}

async function insertCredential(c: pg.PoolClient, cred: Credential): Promise<void> {
  await c.query('INSERT INTO credentials (hash, role, scope_id, subject, created_at) VALUES ($1, $2, $3, $4, $5)', [
    cred.hash,
    cred.role,
    cred.scopeId,
    cred.subject,
    cred.createdAt,
  ]);
}

async function insertBatch(c: pg.PoolClient, batch: AppendBatch): Promise<void> {
  const events = batch.events;
  for (let i = 1; i < events.length; i++) {
    if (events[i].seq !== events[i - 1].seq + 1) throw new SeqConflictError('Seqs in a batch must be consecutive');
  }
  for (const cred of events.length ? (batch.credentials ?? []) : []) {
    try {
      await insertCredential(c, cred);
    } catch (err) {
      if (isUnique(err, 'credentials_pkey')) throw new CredentialTakenError('This device token is already in use');
      throw err;
    }
  }
  if (batch.opId !== null && events.length) {
    try {
      await c.query('INSERT INTO ops (session_id, op_id, result, last_seq) VALUES ($1, $2, $3, $4)', [
        batch.sessionId,
        batch.opId,
        JSON.stringify(batch.result ?? null),
        events[events.length - 1].seq,
      ]);
    } catch (err) {
      if (isUnique(err, 'ops_pkey')) throw new DuplicateOpError(`opId ${batch.opId} is already in the log`);
      throw err;
    }
  }
  const params: unknown[] = [];
  const values = events.map((e, i) => {
    params.push(batch.sessionId, e.seq, e.at, e.type, JSON.stringify(e.data), e.version ?? 1);
    const b = i * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
  });
  try {
    await c.query(`INSERT INTO events (session_id, seq, at, type, data, version) VALUES ${values.join(', ')}`, params);
  } catch (err) {
    if (isUnique(err, 'events_pkey')) throw new SeqConflictError('Another node wrote this seq first');
    throw err;
  }
  const marker = roundMarker(events);
  if (marker === 'open') await c.query('INSERT INTO open_rounds (session_id) VALUES ($1) ON CONFLICT DO NOTHING', [batch.sessionId]);
  if (marker === 'closed') await c.query('DELETE FROM open_rounds WHERE session_id = $1', [batch.sessionId]);
}
