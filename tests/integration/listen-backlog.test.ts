import { execSync } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.cleanup();
  server = null;
});

const BURST = 800;
// Both ends of every connection live in this process: twice BURST open files. CI's machines allow 20,000.
const openFiles = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim()) || 0;

describe.skipIf(openFiles < 2 * BURST + 200)(
  `a room's people arriving at once${openFiles < 2 * BURST + 200 ? ' (skipped: too few open files allowed)' : ''}`,
  () => {
    // With Node's default backlog (511) the kernel dropped the connections beyond it while the event loop was busy
    // with the first joins, and TCP retried each a second later (server/start.ts, LISTEN_BACKLOG).
    it('a burst of connections while the event loop is busy waits to be accepted: none is left to TCP’s one-second retry', async () => {
      server = await startTestServer();
      const port = Number(new URL(server.url).port);
      let accepted = 0;
      server.app.http.on('connection', () => accepted++);
      const dialled = Date.now();
      for (let i = 0; i < BURST; i++) sockets.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
      // net.connect dials on the next tick; this runs after those, before the loop can accept anything: a busy loop.
      process.nextTick(() => {
        const until = Date.now() + 300;
        while (Date.now() < until);
      });
      // TCP retries a dropped connection a second after the dial: count until shortly before that.
      while (accepted < BURST && Date.now() - dialled < 850) await new Promise((r) => setTimeout(r, 20));
      expect(accepted).toBe(BURST);
    });
  },
);
