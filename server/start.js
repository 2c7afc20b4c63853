// Plain JavaScript on purpose: it runs before the TypeScript loader is registered (server/main.mjs), so the
// process listens ~0.1 s after it starts instead of ~0.4 s (tsx's start alone, measured on a 2-core machine).
// Its types are in start.d.ts.
import { createServer } from 'node:http';

const STARTING = JSON.stringify({ ok: false, status: 'starting', error: { code: 'starting', message: 'The server is starting; try again in a moment' } });

/**
 * Listens before anything heavy loads, so `/healthz` (and every other request) is answered within a moment of the
 * process starting: 503 "starting" with Retry-After until the app takes the server over (server/app.ts). Loading
 * the modules, the store and the Redis adapter takes seconds; a load balancer or a reconnecting client should hear
 * that the node is on its way, not meet a refused connection.
 */
/**
 * PORT and HOST read before the configuration module (zod and all) loads, with its defaults; null when they are not
 * plainly valid, and the configuration's own check then says what is wrong.
 */
export function earlyAddress(env) {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (env.PORT !== undefined && !/^\d+$/.test(env.PORT))) return null;
  return { port, host: env.HOST || '0.0.0.0' };
}

/**
 * How many connections may wait to be accepted. Node's default, 511, overflowed when a room's people joined at once:
 * in `npm run bench`'s join storm (1,000 in a second) the kernel dropped 119 and 222 connections while the event
 * loop was busy with the first joins, each one waited out TCP's one-second retry, and the storm took 2.0 s; with
 * this backlog none was dropped and it took 1.4–1.5 s. The kernel caps it at net.core.somaxconn (4096 on current
 * Linux; raise that too on an older kernel, where it is 128).
 */
export const LISTEN_BACKLOG = 4096;

export async function listenEarly(port, host) {
  const http = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', 'cache-control': 'no-store' });
    res.end(STARTING);
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  return http;
}
