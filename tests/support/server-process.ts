import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * This process's environment without the store and adapter choices: CI sets DATABASE_URL and REDIS_URL for the
 * multi-node tests, and a server meant to run on its embedded SQLite must not pick them up. Callers that want
 * Postgres or Redis pass them explicitly.
 */
function inherited(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = process.env;
  return rest;
}

/**
 * With SERVER_CPU_PROFILE_DIR set, every spawned server writes a CPU profile there when it exits cleanly (SIGTERM;
 * a SIGKILL leaves none): how the benchmark's misses are profiled (BENCHMARKS.md).
 */
const profiling = () => (process.env.SERVER_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROFILE_DIR}`] : []);

/** The real server (`server/main.mjs`, as `npm start` runs it) in its own process, so SIGKILL is a real crash. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 20_000, nodeArgs: string[] = profiling()): Promise<ServerProcess> {
  // Node itself, not the tsx CLI, which would fork a child that survives a SIGKILL of its parent; the entry registers
  // the TypeScript loader once it listens.
  const child = spawn(process.execPath, [...nodeArgs, path.resolve('server/main.mjs')], {
    env: { ...inherited(), LOG_LEVEL: 'error', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url: url.replace('localhost', '127.0.0.1'),
    child,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
