import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, createSession, expectOk, facilitatorClient, type CreatedSession } from '../../support/clients.js';
import { startNode, type Node } from './node.js';

interface KeyInfo {
  keyId: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  own: boolean;
  creator: boolean;
}

let n: Node;
const clients: TestClient[] = [];
beforeAll(async () => {
  n = await startNode();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await n.close();
});

const keysOf = async (s: CreatedSession, key: string) => {
  const res = await fetch(`${n.url}/api/sessions/${s.sessionId}/keys`, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, keys: res.ok ? ((await res.json()).keys as KeyInfo[]) : [] };
};
const revoke = (s: CreatedSession, key: string, keyId: string) =>
  fetch(`${n.url}/api/sessions/${s.sessionId}/keys/${keyId}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
const logOf = async (s: CreatedSession) =>
  (await (await fetch(`${n.url}/api/sessions/${s.sessionId}/export.json`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).json()).events as {
    type: string;
    data: Record<string, unknown>;
  }[];

describe('facilitator keys a facilitator controls', () => {
  it('lists keys (label, made, last used), only the creator invites and revokes, a revoked key cannot attach, and every key is in the log', async () => {
    const s = await createSession(n.url);
    const fac = await facilitatorClient(n.url, s);
    clients.push(fac);
    const first = await keysOf(s, s.facilitatorKey);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ label: 'facilitator', own: true, creator: true, lastUsedAt: expect.any(Number) });

    const invite = expectOk(await fac.emit<{ key: string }>('invite', { opId: 'invite-0001', label: 'Sam' }));
    const coKey = invite.result!.key;
    const co = await facilitatorClient(n.url, { ...s, facilitatorKey: coKey });
    clients.push(co);
    const listed = await keysOf(s, s.facilitatorKey);
    expect(listed.keys.map((k) => k.label)).toEqual(['facilitator', 'Sam']);
    const sam = listed.keys.find((k) => k.label === 'Sam')!;
    expect(sam).toMatchObject({ own: false, creator: false });
    expect(sam.lastUsedAt).toEqual(expect.any(Number));

    // The same opId again makes no second key (and the first was shown once).
    expect(await fac.emit('invite', { opId: 'invite-0001', label: 'Sam' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await keysOf(s, s.facilitatorKey)).keys).toHaveLength(2);
    // A co-facilitator neither invites nor revokes.
    expect(await co.emit('invite', { opId: 'invite-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await revoke(s, coKey, first.keys[0].keyId)).status).toBe(403);
    // Nobody revokes their own key (the creator would lock themselves out).
    expect((await revoke(s, s.facilitatorKey, first.keys[0].keyId)).status).toBe(409);

    const closed = new Promise<void>((r) => co.socket.once('disconnect', () => r()));
    const res = await revoke(s, s.facilitatorKey, sam.keyId);
    expect(res.status).toBe(200);
    expect(((await res.json()).keys as KeyInfo[]).map((k) => k.label)).toEqual(['facilitator']);
    await closed;
    const again = await new TestClient(n.url).connected();
    clients.push(again);
    expect(await again.attach(s.sessionId, { kind: 'facilitator', key: coKey })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect((await keysOf(s, coKey)).status).toBe(401);
    expect((await fetch(`${n.url}/api/sessions/${s.sessionId}/export.md`, { headers: { authorization: `Bearer ${coKey}` } })).status).toBe(401);

    const log = await logOf(s);
    expect(log.filter((e) => e.type === 'facilitator.invited').map((e) => e.data.keyId)).toEqual([sam.keyId]);
    expect(log.filter((e) => e.type === 'facilitator.revoked').map((e) => e.data.keyId)).toEqual([sam.keyId]);
  });

  it('participants and unattached sockets cannot invite', async () => {
    const s = await createSession(n.url);
    const p = await new TestClient(n.url).connected();
    clients.push(p);
    await p.join(s.joinCode, { name: 'Pat' });
    expect(await p.emit('invite', { opId: `invite-${nanoid(6)}` })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stranger = await new TestClient(n.url).connected();
    clients.push(stranger);
    expect(await stranger.emit('invite', { opId: `invite-${nanoid(6)}` })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect((await keysOf(s, s.facilitatorKey)).keys).toHaveLength(1);
    // A participant's token opens no list of keys either.
    expect((await keysOf(s, p.token!)).status).toBe(403);
  });

  it('no invitations once the session is closed', async () => {
    const s = await createSession(n.url);
    const fac = await facilitatorClient(n.url, s);
    clients.push(fac);
    await fac.ok('session.close');
    expect(await fac.emit('invite', { opId: `invite-${nanoid(6)}` })).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect((await keysOf(s, s.facilitatorKey)).keys).toHaveLength(1);
  });
});
