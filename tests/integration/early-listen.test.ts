import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/app.js';
import { listenEarly } from '../../server/start.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { createSession, facilitatorClient, type TestClient } from '../support/clients.js';

let http: Server | null = null;
let app: App | null = null;
let client: TestClient | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  client?.close();
  if (app) await app.close();
  else if (http) await new Promise((r) => http!.close(r));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  [http, app, client, dataDir] = [null, null, null, null];
});

describe('a node that is still starting', () => {
  it('answers every request at once with 503 "starting", then the app takes the same port over, sockets included', async () => {
    http = await listenEarly(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const early = await fetch(`${url}/healthz`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(await early.json()).toMatchObject({ ok: false, status: 'starting', error: { code: 'starting' } });
    expect((await fetch(`${url}/api/sessions`, { method: 'POST' })).status).toBe(503);

    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-early-'));
    const store = await openSqliteStore({ dataDir });
    app = createApp({ store, http, config: { ALLOWED_ORIGINS: [], TRUST_PROXY: false, LOG_LEVEL: 'silent' } });
    expect(await app.listen(0, '127.0.0.1')).toBe(url);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, status: 'up' });
    // The same port now serves the API and Socket.IO.
    const s = await createSession(url);
    client = await facilitatorClient(url, s);
    expect(client.view?.id).toBe(s.sessionId);
  });

  it('listens in plain Node, before any TypeScript loader is registered (what makes a restart answer within ~0.1 s)', async () => {
    // No `--import tsx` here, as in server/main.mjs before it registers one: the early listener must need none.
    const start = path.resolve('server/start.js');
    const script = `const { listenEarly } = await import(${JSON.stringify(start)}); const s = await listenEarly(0, '127.0.0.1');
      const r = await fetch('http://127.0.0.1:' + s.address().port + '/healthz'); console.log(r.status); s.close();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH } });
    expect(stdout.trim()).toBe('503');
  });
});
