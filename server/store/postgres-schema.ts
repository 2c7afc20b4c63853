import type pg from 'pg';
import { BACKFILL_OPEN_ROUNDS } from './open-rounds.js';

/** Migrations in order; each runs once. Add new ones at the end, never edit old ones. */
const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     session_id text PRIMARY KEY,
     join_code text NOT NULL UNIQUE,
     created_at bigint NOT NULL,
     programme_id text
   );
   CREATE TABLE events (
     session_id text NOT NULL,
     seq integer NOT NULL,
     at bigint NOT NULL,
     type text NOT NULL,
     data text NOT NULL,
     CONSTRAINT events_pkey PRIMARY KEY (session_id, seq)
   );
   CREATE TABLE ops (
     session_id text NOT NULL,
     op_id text NOT NULL,
     result text,
     last_seq integer NOT NULL,
     CONSTRAINT ops_pkey PRIMARY KEY (session_id, op_id)
   );
   CREATE TABLE credentials (
     hash text PRIMARY KEY,
     role text NOT NULL,
     scope_id text NOT NULL,
     subject text,
     created_at bigint NOT NULL
   );`,
  `CREATE TABLE programmes (
     programme_id text PRIMARY KEY,
     created_at bigint NOT NULL,
     name text NOT NULL,
     description text,
     organisers text NOT NULL,
     languages text NOT NULL
   );
   CREATE INDEX sessions_programme ON sessions (programme_id);`,
  // Sessions with a running round, so a restart resumes their timers without loading every session.
  `CREATE TABLE open_rounds (session_id text PRIMARY KEY);
   ${BACKFILL_OPEN_ROUNDS};`,
  // The latest snapshot of each session's state, so a load reads it and the events after it (issue 13).
  `CREATE TABLE snapshots (
     session_id text PRIMARY KEY,
     seq integer NOT NULL,
     version integer NOT NULL,
     data text NOT NULL
   );`,
  // Each event's shape version, so a later server upcasts old events instead of misreading them (issue 13).
  `ALTER TABLE events ADD COLUMN version integer NOT NULL DEFAULT 1;`,
  // A programme's partner organisations and the coordinator's tag corrections (issue 16): not session events.
  `CREATE TABLE programme_partners (
     programme_id text PRIMARY KEY,
     data text NOT NULL,
     updated_at bigint NOT NULL
   );`,
  // Facilitator keys are listed per session with when they were last used, and can be revoked (issue 14).
  `ALTER TABLE credentials ADD COLUMN last_used_at bigint;
   CREATE INDEX credentials_scope ON credentials (scope_id);`,
  // A programme's evaluation questions (issue 16, item 2): every session of the programme opens with them.
  `CREATE TABLE programme_evaluation (
     programme_id text PRIMARY KEY,
     data text NOT NULL,
     updated_at bigint NOT NULL
   );`,
];

/** An arbitrary constant: the advisory lock that lets only one node migrate at a time. */
const MIGRATION_LOCK = 7_311_402;

/** Safe when several nodes start at once: they queue on an advisory lock inside one transaction. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await c.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations');
    for (let v = rows[0].v; v < MIGRATIONS.length; v++) {
      await c.query(MIGRATIONS[v]);
      await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
