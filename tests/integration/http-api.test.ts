import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createSession } from '../support/clients.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.cleanup();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('HTTP API', () => {
  it('GET /healthz answers 200 with JSON', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('POST /api/sessions creates a session with absolute links and the key only in the fragment', async () => {
    const res = await post('/api/sessions', { title: 'Regional networks', language: 'nl', prompts: [{ text: 'Waarom een netwerk?' }] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(body.facilitatorKey.length).toBeGreaterThanOrEqual(21);
    const fac = new URL(body.facilitatorUrl);
    expect(fac.origin).toBe(server.url);
    expect(fac.pathname + fac.search).not.toContain(body.facilitatorKey);
    expect(fac.hash).toBe(`#key=${body.facilitatorKey}`);
    expect(body.participantUrl).toBe(`${server.url}/join/${body.joinCode}`);
  });

  it('creates from a template in the session’s language', async () => {
    const s = await createSession(server.url, { template: 'core-drives', language: 'fr' });
    const res = await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    const { session } = await res.json();
    expect(session.prompts.map((p: { text: string }) => p.text)).toEqual([
      'Pourquoi un réseau ?',
      'Comment fonctionne un réseau ?',
      'Que doit faire un réseau ?',
    ]);
    expect(session.language).toBe('fr');
    expect(session.phase).toBe('lobby');
  });

  it.each([
    ['no prompts nor template', { title: 'x' }],
    ['unknown language', { title: 'x', language: 'de', prompts: [{ text: 'a' }] }],
    ['empty prompt', { title: 'x', prompts: [{ text: ' ' }] }],
    ['unknown template', { template: 'nope' }],
    ['extra field', { title: 'x', prompts: [{ text: 'a' }], admin: true }],
    ['not JSON', '{"title":'],
  ])('answers 400 with the issues for %s', async (_name, body) => {
    const res = await post('/api/sessions', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('GET /api/sessions/:id needs that session’s key: 401 without, 403 with another’s', async () => {
    const a = await createSession(server.url);
    const b = await createSession(server.url);
    const get = (key?: string) => fetch(`${server.url}/api/sessions/${a.sessionId}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get('x'.repeat(32))).status).toBe(401);
    expect((await get(b.facilitatorKey)).status).toBe(403);
    const ok = await get(a.facilitatorKey);
    expect(ok.status).toBe(200);
    const { session } = await ok.json();
    expect(session).toMatchObject({ id: a.sessionId, phase: 'lobby', participants: {}, groups: {}, answers: {} });
    expect(session.prompts).toHaveLength(3);
  });

  it('refuses a socket from a foreign Origin', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    const same = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url } });
    expect(same.status).toBe(200);
  });
});
