import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { handshakeAuth } from '../../../shared/protocol/socket-events.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { TestClient, createSession, facilitatorClient } from '../../support/clients.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.cleanup();
});

describe('limits', () => {
  it('throttles one participant adding answers too fast, with a clear message, without slowing the others', async () => {
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    const [flooder, other] = [await new TestClient(server.url).connected(), await new TestClient(server.url).connected()];
    await flooder.join(s.joinCode, { name: 'Flood' });
    await other.join(s.joinCode, { name: 'Calm' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    const prompt = fac.view!.prompts[0].id;
    const acks = await Promise.all(Array.from({ length: 45 }, (_, i) => flooder.command('answer.add', { promptId: prompt, text: `spam ${i}` })));
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThanOrEqual(9);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/very fast: wait \d+ s/) } });
    expect((await other.command('answer.add', { promptId: prompt, text: 'my turn' })).ok).toBe(true);
    for (const c of [fac, flooder, other]) c.close();
  });

  it('limits failed joins per address (30 a minute, counted after the look-up failed)', async () => {
    const codes = [];
    // Reconnecting every 8 tries: one connection gets at most 10 failed look-ups.
    for (let k = 0; k < 4; k++) {
      const c = await new TestClient(server.url).connected();
      for (let i = 0; i < 8; i++)
        codes.push(await c.emit('join', { opId: `bad-join-${k}-${i}00`, joinCode: 'ZZZZZZZZ', name: 'Guess', token: 'g'.repeat(24) }));
      c.close();
    }
    expect(codes.slice(0, 30).every((a) => !a.ok && a.error.code === 'not_found')).toBe(true);
    expect(codes[31]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Too many failed attempts: wait \d+ s/) } });
  });

  it('drops a socket that sends more than 64 KB in one message', async () => {
    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: handshakeAuth() });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const closed = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
    socket.emit('command', { type: 'answer.add', opId: 'big-op-0001', promptId: 'p', text: 'x'.repeat(100_000) });
    expect(await closed).toMatch(/transport close|transport error/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('sends strict security headers on every page', async () => {
    for (const path of ['/', '/facilitate/abc', '/healthz', '/api/templates']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});
