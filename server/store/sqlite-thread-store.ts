import { Worker } from 'node:worker_threads';
import { perTurn } from './per-turn.js';
import { CredentialTakenError, DuplicateOpError, JoinCodeTakenError, SeqConflictError, type Store, StoreUnavailableError } from './types.js';

const ERRORS: Record<string, new (message: string) => Error> = {
  seq_conflict: SeqConflictError,
  credential_taken: CredentialTakenError,
  duplicate_op: DuplicateOpError,
  join_code_taken: JoinCodeTakenError,
  store_unavailable: StoreUnavailableError,
};

const METHODS = [
  'createSession',
  'append',
  'readEvents',
  'lastSeq',
  'writeSnapshot',
  'readSnapshot',
  'findOp',
  'findSession',
  'findSessionByJoinCode',
  'listSessions',
  'sessionsWithOpenRound',
  'createProgramme',
  'findProgramme',
  'setSessionProgramme',
  'listProgrammeSessions',
  'readProgrammePartners',
  'writeProgrammePartners',
  'readProgrammeEvaluation',
  'writeProgrammeEvaluation',
  'addCredential',
  'findCredential',
  'listCredentials',
  'deleteCredential',
  'touchCredential',
  'deleteSession',
  'replaceEvents',
] as const;

/** A store method the thread answers (`close` included). */
export type StoreMethod = (typeof METHODS)[number] | 'close';

/**
 * One call to the store's thread. The calls made in one loop turn go in one message, and their answers come back
 * in one (per-turn.ts); the thread's group commit takes them together anyway.
 */
export interface StoreRequest {
  id: number;
  method: StoreMethod;
  args: unknown[];
}
export interface StoreReply {
  id: number;
  ok: boolean;
  result?: unknown;
  code?: string;
  message?: string;
}

/**
 * The SQLite store on its own thread. The store itself is synchronous (libsql): on the main thread every group
 * commit's fsync would stall every socket for a few milliseconds. Here the main thread only posts messages.
 * The same contract suite runs against it.
 */
export async function openSqliteStoreOnThread(opts: { dataDir: string; fileName?: string }): Promise<Store> {
  // The boot file registers tsx inside the thread, so the worker runs the TypeScript sources like the server does.
  const worker = new Worker(new URL('./sqlite-worker-boot.mjs', import.meta.url), { workerData: opts });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (replies: StoreReply[]) => {
    for (const msg of replies) {
      const p = pending.get(msg.id);
      if (!p) continue;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new (ERRORS[msg.code ?? ''] ?? Error)(msg.message ?? 'store error'));
    }
  });
  worker.on('error', (err: Error) => {
    failed = new StoreUnavailableError(`The store thread stopped: ${err.message}`);
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  });
  const post = perTurn<StoreRequest>((requests) => !failed && worker.postMessage(requests));
  const call = (method: StoreMethod, args: unknown[]) =>
    failed
      ? Promise.reject(failed)
      : new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          post({ id, method, args });
        });
  const store = Object.fromEntries(METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as Store;
  store.close = async () => {
    await call('close', []).catch(() => undefined);
    // Later calls are refused here at once: the thread is gone and would never answer them.
    failed = new StoreUnavailableError('The store is closed');
    await worker.terminate();
  };
  return store;
}
