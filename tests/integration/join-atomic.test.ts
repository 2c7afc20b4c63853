import { nanoid } from 'nanoid';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinResult } from '../../shared/protocol/socket-events.js';
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

describe('a join attaches the socket it came on', () => {
  it('answers with the first view, and the socket then hears the session without attaching', async () => {
    server = await startTestServer();
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    const device = await new TestClient(server.url).connected();
    clients.push(fac, device);

    const ack = await device.emit<JoinResult>('join', {
      opId: nanoid(12),
      joinCode: s.joinCode,
      token: nanoid(24),
      name: 'Ana',
      organisation: 'Ville de Gand',
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const { participantId, attached } = ack.result!;
    expect(attached).toMatchObject({ result: { role: 'participant', participantId, catchUp: { kind: 'snapshot' } } });
    const view = attached!.result.catchUp.kind === 'snapshot' ? attached!.result.catchUp.view : null;
    expect(view?.participants[participantId]).toMatchObject({ name: 'Ana', organisation: 'Ville de Gand' });
    // The view is the committed state as of the join, its own event included.
    expect(attached!.seq).toBeGreaterThanOrEqual(ack.seq);
    expect(device.attaches).toBe(0);

    // No attach: the socket is in the session's rooms already. Grouped, it gets its group's slice; the round's start reaches it.
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => device.slices.length > 0 && device.received.some((e) => e.event.type === 'round.started'), 5000, 'slice and round.started');
    expect(device.slices.at(-1)?.participants[participantId]).toBeDefined();
  });

  it('a device that joins again gets its view again, as the same person', async () => {
    server = await startTestServer();
    const s = await createSession(server.url);
    const first = await new TestClient(server.url).connected();
    const again = await new TestClient(server.url).connected();
    clients.push(first, again);
    const token = nanoid(24);
    const one = await first.emit<JoinResult>('join', { opId: nanoid(12), joinCode: s.joinCode, token, name: 'Bo' });
    const two = await again.emit<JoinResult>('join', { opId: nanoid(12), joinCode: s.joinCode, token, name: 'Bo' });
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect(two.result!.participantId).toBe(one.result!.participantId);
    expect(two.result!.attached?.result.participantId).toBe(one.result!.participantId);
  });
});
