import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * What every benchmarked server runs with: the operator token (for `/healthz`'s load figures), and the per-address
 * caps raised, because every simulated participant comes from this one machine's address.
 */
export const BENCH_OPERATOR_TOKEN = 'bench-operator-token-000000000000';
export const BENCH_SERVER_ENV = { OPERATOR_TOKEN: BENCH_OPERATOR_TOKEN, JOINS_PER_ADDRESS_PER_10_MIN: '1000000', MAX_PARTICIPANTS_PER_SESSION: '100000' };

/** Participants per breakout group in every scenario. */
export const GROUP = 8;
/** How many of `n` participants the i-th of `parts` generator processes holds, and where its numbering starts. */
export const split = (n: number, parts: number, i: number) => Math.floor(n / parts) + (i < n % parts ? 1 : 0);
export const offsetOf = (n: number, parts: number, i: number) => Array.from({ length: i }, (_, k) => split(n, parts, k)).reduce((a, b) => a + b, 0);

/** A pool of load-generator processes speaking the load-worker.ts protocol over IPC. */
export class Workers {
  private constructor(private readonly procs: ChildProcess[]) {}

  static async start(n: number): Promise<Workers> {
    const procs = Array.from({ length: n }, () =>
      fork(path.resolve('tests/bench/load-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    await Promise.all(procs.map((p) => next(p, 'ready')));
    return new Workers(procs);
  }

  get size(): number {
    return this.procs.length;
  }

  /** Sends one message to every worker (built per worker) and waits for each one's answer of `expect`. */
  async all<T = Record<string, unknown>>(make: (i: number) => Record<string, unknown>, expect: string): Promise<T[]> {
    return Promise.all(
      this.procs.map((p, i) => {
        const reply = next<T>(p, expect);
        p.send(make(i));
        return reply;
      }),
    );
  }

  close(): void {
    for (const p of this.procs) {
      p.send({ type: 'close' });
      setTimeout(() => p.kill('SIGKILL'), 2000).unref();
    }
  }
}

function next<T>(p: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}) while waiting for ${type}`));
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      p.off('message', onMessage);
      p.off('exit', onExit);
      resolve(msg as T);
    };
    p.on('message', onMessage);
    p.once('exit', onExit);
  });
}

/** The bare Socket.IO floor server in its own process. */
export async function startFloor(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/bench/floor-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /ready at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

/** A free TCP port (for a server that must come back on the same address after a crash). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
