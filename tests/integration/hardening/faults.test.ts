import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/schemas/session.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient, type CreatedSession } from '../../support/clients.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function stateOf(url: string, s: CreatedSession): Promise<SessionState> {
  return (await (await fetch(`${url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).json()).session;
}

async function roomOn(url: string, people: number) {
  const s = await createSession(url);
  const fac = await facilitatorClient(url, s);
  const clients: TestClient[] = [];
  for (let i = 0; i < people; i++) {
    const c = await new TestClient(url).connected();
    await c.join(s.joinCode, { name: `P${i}`, organisation: `O${i % 7}`, country: `C${i % 5}` });
    clients.push(c);
  }
  await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'size', size: 6 } });
  await fac.ok('round.start', { durationSeconds: 1800 });
  await eventually(() => clients.every((c) => c.view?.phase === 'breakout'), 10_000, 'round everywhere');
  return { s, fac, clients, prompt: fac.view!.prompts[0].id };
}

/** Everyone writes continuously; returns what was sent (opId → text) and what was acknowledged. */
function writeContinuously(clients: TestClient[], prompt: string) {
  const sent = new Map<string, { client: number; text: string }>();
  const acked = new Set<string>();
  let running = true;
  const loops = clients.map(async (c, i) => {
    for (let k = 0; running; k++) {
      const opId = nanoid(16);
      const text = `P${i} idea ${k}`;
      sent.set(opId, { client: i, text });
      let ack = await c.command('answer.add', { promptId: prompt, text }, opId).catch(() => null);
      // Throttled: wait as asked and resend the same command, as the app's queue does.
      while (ack && !ack.ok && ack.error.code === 'rate_limited' && running) {
        await new Promise((r) => setTimeout(r, 1000));
        ack = await c.command('answer.add', { promptId: prompt, text }, opId).catch(() => null);
      }
      if (ack?.ok) acked.add(opId);
      else if (!c.socket.connected) return;
      await new Promise((r) => setTimeout(r, 150));
    }
  });
  return {
    sent,
    acked,
    stop: async () => {
      running = false;
      await Promise.allSettled(loops);
    },
  };
}

describe('faults', () => {
  it('SIGKILL mid-round with 60 participants writing: every acknowledged answer is there, none twice, all back in sync within 10 s', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-kill-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    let server: ServerProcess = await spawnServer({ DATA_DIR: dataDir, PORT: port });
    cleanups.push(() => server.kill('SIGKILL'));
    const { s, fac, clients, prompt } = await roomOn(server.url, 60);
    const writing = writeContinuously(clients, prompt);
    await new Promise((r) => setTimeout(r, 1500));
    await server.kill('SIGKILL');
    await writing.stop();
    const views = clients.map((c) => c.view!);
    for (const c of [fac, ...clients]) c.close();
    expect(writing.acked.size).toBeGreaterThan(60);

    server = await spawnServer({ DATA_DIR: dataDir, PORT: port });
    const restartedAt = Date.now();
    // Clients come back with their last seq, and resend what was never acknowledged (same opIds).
    const back = await Promise.all(
      clients.map(async (c, i) => {
        const b = await new TestClient(server.url).connected();
        cleanups.push(() => b.close());
        b.adoptView(views[i]);
        expectOk(await b.attach(s.sessionId, { kind: 'participant', token: c.token! }, views[i].seq));
        return b;
      }),
    );
    await Promise.all(
      [...writing.sent]
        .filter(([opId]) => !writing.acked.has(opId))
        .map(async ([opId, { client, text }]) => expectOk(await back[client].command('answer.add', { promptId: prompt, text }, opId))),
    );
    const truth = await stateOf(server.url, s);
    await eventually(
      () =>
        back.every(
          (b) =>
            Object.keys(b.view!.answers).length ===
            Object.values(truth.answers).filter((a) => a.groupId === truth.participants[b.participantId!].groupId).length,
        ),
      10_000,
      'clients in sync',
    );
    const syncSeconds = (Date.now() - restartedAt) / 1000;
    expect(syncSeconds).toBeLessThan(10);
    const texts = Object.values(truth.answers).map((a) => a.text);
    for (const opId of writing.acked) expect(texts).toContain(writing.sent.get(opId)!.text);
    expect(new Set(texts).size).toBe(texts.length); // none twice
    expect(texts.length).toBe(writing.sent.size);
  }, 90_000);

  it('disk full: clients get a clear error, nothing acknowledged is lost, and it recovers with the disk', async () => {
    let failing = false;
    const server: TestServer = await startTestServer({
      beforeCommit: () => {
        if (failing) throw new Error('SQLITE_FULL: database or disk is full');
      },
    });
    cleanups.push(() => server.cleanup());
    const { s, fac, clients, prompt } = await roomOn(server.url, 3);
    cleanups.push(() => [fac, ...clients].forEach((c) => c.close()));
    expectOk(await clients[0].command('answer.add', { promptId: prompt, text: 'before the disk filled up' }));
    failing = true;
    const refused = await clients[1].command('answer.add', { promptId: prompt, text: 'while full' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable', message: expect.stringMatching(/nothing was changed/i) } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    failing = false;
    expectOk(await clients[1].command('answer.add', { promptId: prompt, text: 'after the disk recovered' }));
    const texts = Object.values((await stateOf(server.url, s)).answers)
      .map((a) => a.text)
      .sort();
    expect(texts).toEqual(['after the disk recovered', 'before the disk filled up']);
  });

  it('SIGTERM: finishes what was acknowledged, exits cleanly, and the data is whole after a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-term-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let server = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
    cleanups.push(() => server.kill('SIGKILL'));
    const { s, clients, prompt } = await roomOn(server.url, 6);
    const writing = writeContinuously(clients, prompt);
    await new Promise((r) => setTimeout(r, 500));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await writing.stop();
    clients.forEach((c) => c.close());
    server = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
    const texts = Object.values((await stateOf(server.url, s)).answers).map((a) => a.text);
    for (const opId of writing.acked) expect(texts).toContain(writing.sent.get(opId)!.text);
  }, 60_000);
});
