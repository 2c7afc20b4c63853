// Runs the embedded store on a worker thread: its fsyncs then block this thread, not the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { perTurn } from './per-turn.js';
import { openSqliteStore } from './sqlite-store.js';
import type { StoreReply, StoreRequest } from './sqlite-thread-store.js';
import type { Store } from './types.js';

const store: Store = await openSqliteStore(workerData as { dataDir: string; fileName?: string });

// Answers go back as the requests came: those ready in one loop turn in one message.
const reply = perTurn<StoreReply>((replies) => parentPort!.postMessage(replies));

async function handle(msg: StoreRequest): Promise<void> {
  try {
    const result = await (store[msg.method as keyof Store] as (...a: unknown[]) => Promise<unknown>)(...msg.args);
    reply({ id: msg.id, ok: true, result });
  } catch (err) {
    reply({ id: msg.id, ok: false, code: (err as { code?: string }).code, message: (err as Error).message });
  }
}

parentPort!.on('message', (requests: StoreRequest[]) => {
  for (const msg of requests) void handle(msg);
});
parentPort!.postMessage({ ready: true });
