import { BACKFILL_OPEN_ROUNDS } from './open-rounds.js';

/** Schema migrations for the embedded store, applied in order on open (tracked in PRAGMA user_version). */
export const SQLITE_MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     session_id TEXT PRIMARY KEY,
     join_code TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     programme_id TEXT
   );
   CREATE TABLE events (
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     type TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE ops (
     session_id TEXT NOT NULL,
     op_id TEXT NOT NULL,
     result TEXT,
     last_seq INTEGER NOT NULL,
     PRIMARY KEY (session_id, op_id)
   ) WITHOUT ROWID;
   CREATE TABLE credentials (
     hash TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     scope_id TEXT NOT NULL,
     subject TEXT,
     created_at INTEGER NOT NULL
   );`,
  `CREATE TABLE programmes (
     programme_id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,
     name TEXT NOT NULL,
     description TEXT,
     organisers TEXT NOT NULL,
     languages TEXT NOT NULL
   );
   CREATE INDEX sessions_programme ON sessions (programme_id);`,
  // Sessions with a running round, so a restart resumes their timers without loading every session.
  `CREATE TABLE open_rounds (session_id TEXT PRIMARY KEY) WITHOUT ROWID;
   ${BACKFILL_OPEN_ROUNDS};`,
  // The latest snapshot of each session's state, so a load reads it and the events after it (issue 13).
  `CREATE TABLE snapshots (
     session_id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL
   );`,
  // Each event's shape version, so a later server upcasts old events instead of misreading them (issue 13).
  `ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`,
  // A programme's partner organisations and the coordinator's tag corrections (issue 16): not session events.
  `CREATE TABLE programme_partners (
     programme_id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  // Facilitator keys are listed per session with when they were last used, and can be revoked (issue 14).
  `ALTER TABLE credentials ADD COLUMN last_used_at INTEGER;
   CREATE INDEX credentials_scope ON credentials (scope_id);`,
  // A programme's evaluation questions (issue 16, item 2): every session of the programme opens with them.
  `CREATE TABLE programme_evaluation (
     programme_id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
];
