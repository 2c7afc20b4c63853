import { nanoid } from 'nanoid';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient } from '../support/clients.js';

let server: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
});

const connected = async (url: string) => {
  const c = await new TestClient(url).connected();
  clients.push(c);
  return c;
};

describe('a join stores the device token with the person it makes, in one transaction', () => {
  it('a join the session refuses stores nothing: the same device then joins another session', async () => {
    server = await startTestServer();
    const closed = await createSession(server.url);
    const fac = await facilitatorClient(server.url, closed);
    clients.push(fac);
    await fac.ok('session.close');
    const open = await createSession(server.url);
    const device = await connected(server.url);
    const token = nanoid(24);
    const refused = await device.emit('join', { opId: nanoid(12), joinCode: closed.joinCode, token, name: 'Ana' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'closed' } });
    // Its token was not kept for the closed session, so it is not "a token of another session" here.
    const joined = await device.join(open.joinCode, { name: 'Ana' }, token);
    expect(joined.sessionId).toBe(open.sessionId);
  });

  it('the same device joining again (a new opId) is the same person, once; its attach finds its token', async () => {
    server = await startTestServer();
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    const token = nanoid(24);
    const first = await (await connected(server.url)).join(s.joinCode, { name: 'Ben' }, token);
    const again = await (await connected(server.url)).join(s.joinCode, { name: 'Ben' }, token);
    expect(again.participantId).toBe(first.participantId);
    await eventually(() => Object.keys(fac.view!.participants).length === 1, 5000, 'one participant');
    expect(fac.received.filter((e) => e.event.type === 'participant.joined')).toHaveLength(1);
  });
});
