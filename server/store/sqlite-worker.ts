// Runs the embedded store on a worker thread: its fsyncs then block this thread, not the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

const store: Store = await openSqliteStore(workerData as { dataDir: string; fileName?: string });

parentPort!.on('message', async (msg: { id: number; method: keyof Store; args: unknown[] }) => {
  try {
    const result = await (store[msg.method] as (...a: unknown[]) => Promise<unknown>)(...msg.args);
    parentPort!.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, ok: false, code: (err as { code?: string }).code, message: (err as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
