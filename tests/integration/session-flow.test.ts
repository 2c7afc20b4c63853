import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../support/clients.js';

let server: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
});

async function participant(url: string, joinCode: string, name: string, organisation: string, country: string) {
  const c = await new TestClient(url).connected();
  clients.push(c);
  await c.join(joinCode, { name, organisation, country });
  return c;
}

/** A session with a facilitator and six participants from three organisations in two mixed groups, round running. */
async function roomInRound() {
  server = await startTestServer();
  const s = await createSession(server.url);
  const fac = await facilitatorClient(server.url, s);
  clients.push(fac);
  const people: TestClient[] = [];
  for (const [i, org, country] of [
    [1, 'Ashoka', 'BE'],
    [2, 'Ashoka', 'NL'],
    [3, 'ENSIE', 'FR'],
    [4, 'ENSIE', 'DK'],
    [5, 'RREUSE', 'BE'],
    [6, 'RREUSE', 'NL'],
  ] as const) {
    people.push(await participant(server.url, s.joinCode, `Person ${i}`, org, country));
  }
  await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 2 } });
  await eventually(() => people.every((p) => p.view?.participants[p.participantId!]?.groupId), 5000, 'everyone grouped');
  await fac.ok('round.start', { durationSeconds: 600 });
  await eventually(() => people.every((p) => p.view?.phase === 'breakout'), 5000, 'round started everywhere');
  const groupOf = (c: TestClient) => c.view!.participants[c.participantId!].groupId!;
  const [g1, g2] = fac.view!.groupOrder;
  const inGroup = (g: string) => people.filter((p) => groupOf(p) === g);
  return { s, fac, people, groupOf, g1: inGroup(g1), g2: inGroup(g2) };
}

describe('a whole session over real sockets', () => {
  it('runs from create to close, with mixed groups, answers, broadcast, extend and end', async () => {
    const { fac, people, g1, g2 } = await roomInRound();
    // Mixed: three organisations of two people over two groups → each group holds at most one pair from one organisation.
    for (const gid of fac.view!.groupOrder) {
      const orgs = fac.view!.groups[gid].memberIds.map((id) => fac.view!.participants[id].organisation);
      expect(new Set(orgs).size).toBeGreaterThanOrEqual(2);
    }
    const prompt = fac.view!.prompts[0].id;
    const a1 = await g1[0].ok<{ answerId: string }>('answer.add', { promptId: prompt, text: 'Speak with one voice' });
    await g2[0].ok('answer.add', { promptId: prompt, text: 'Access to funding' });
    await g1[0].ok('answer.edit', { answerId: a1.result!.answerId, text: 'Speak with one voice to policy makers' });
    await fac.ok('broadcast.send', { message: 'Five minutes left' });
    const before = fac.view!.round!.endsAt;
    await fac.ok('round.extend', { seconds: 120 });
    await eventually(() => people.every((p) => p.view?.round?.endsAt === before + 120_000), 5000, 'extension seen');
    await eventually(() => people.every((p) => p.view?.broadcast?.message === 'Five minutes left'), 5000, 'broadcast seen');
    await fac.ok('round.end');
    await fac.ok('session.close');
    await eventually(() => people.every((p) => p.view?.phase === 'closed'), 5000, 'closed everywhere');
    expect(
      Object.values(fac.view!.answers)
        .map((a) => a.text)
        .sort(),
    ).toEqual(['Access to funding', 'Speak with one voice to policy makers']);
    const refused = await g1[0].command('answer.add', { promptId: prompt, text: 'too late' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'closed' } });
  });

  it('an answer reaches group-mates and the facilitator, never another group', async () => {
    const { fac, g1, g2 } = await roomInRound();
    const prompt = fac.view!.prompts[1].id;
    const { result } = await g1[0].ok<{ answerId: string }>('answer.add', { promptId: prompt, text: 'Share good practices' });
    const id = result!.answerId;
    await eventually(() => !!fac.view!.answers[id] && g1.every((p) => !!p.view!.answers[id]), 5000, 'answer delivered');
    await new Promise((r) => setTimeout(r, 200));
    for (const p of g2) {
      expect(p.view!.answers[id]).toBeUndefined();
      expect(p.received.some((e) => e.event.type === 'answer.added')).toBe(false);
    }
  });

  it('a reconnect with the last seq receives exactly the missed events', async () => {
    const { s, fac, g1 } = await roomInRound();
    const [writer, reader] = g1;
    const lastSeq = reader.view!.seq;
    const token = reader.token!;
    reader.close();
    const prompt = fac.view!.prompts[0].id;
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) ids.push((await writer.ok<{ answerId: string }>('answer.add', { promptId: prompt, text })).result!.answerId);
    await fac.ok('broadcast.send', { message: 'hello' });

    const back = await new TestClient(server!.url).connected();
    clients.push(back);
    back.adoptView(reader.view!); // the view the client kept from before
    const ack = expectOk(await back.attach(s.sessionId, { kind: 'participant', token }, lastSeq));
    const catchUp = ack.result!.catchUp;
    expect(catchUp.kind).toBe('events');
    if (catchUp.kind !== 'events') return;
    expect(catchUp.events.map((e) => e.event.type)).toEqual(['answer.added', 'answer.added', 'answer.added', 'broadcast.sent']);
    expect(catchUp.events.every((e) => e.seq > lastSeq)).toBe(true);
    expect(Object.keys(back.view!.answers).sort()).toEqual([...ids].sort());
    expect(back.view!.participants[back.participantId!].name).toBe(reader.view!.participants[reader.participantId!].name);
  });

  it('a retried opId is applied once and answered the same', async () => {
    const { fac, g1 } = await roomInRound();
    const cmd = { promptId: fac.view!.prompts[0].id, text: 'only once' };
    const first = await g1[0].command('answer.add', cmd, 'retry-op-0001');
    const second = await g1[0].command('answer.add', cmd, 'retry-op-0001');
    expect(second).toEqual(first);
    await new Promise((r) => setTimeout(r, 100));
    expect(Object.values(fac.view!.answers).filter((a) => a.text === 'only once')).toHaveLength(1);
  });
});

describe('refusals change nothing', () => {
  it('refuses forbidden actions with { ok: false } and leaves the state as it was', async () => {
    const { s, fac, g1, g2 } = await roomInRound();
    const prompt = fac.view!.prompts[0].id;
    const { result } = await g2[0].ok<{ answerId: string }>('answer.add', { promptId: prompt, text: 'theirs' });
    const seq = fac.view!.seq;
    const cases = [
      await g1[0].command('round.end'),
      await g1[0].command('groups.form', { mode: 'random' }),
      await g1[0].command('answer.add', { promptId: prompt, text: 'sneaky', groupId: fac.view!.participants[g2[0].participantId!].groupId }),
      await g1[0].command('answer.edit', { answerId: result!.answerId, text: 'hijacked' }),
      await g1[0].command('answer.delete', { answerId: result!.answerId }),
    ];
    for (const ack of cases) expect(ack.ok).toBe(false);
    expect(cases.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
    // Wrong join code, a participant token presented as a facilitator key, another session's key.
    const stranger = await new TestClient(server!.url).connected();
    clients.push(stranger);
    const wrongCode = await stranger.emit('join', { opId: 'join-op-0001', joinCode: 'ZZZZZZZZ', name: 'X', token: 'x'.repeat(24) });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const other = await createSession(server!.url);
    const wrongKey = await stranger.attach(s.sessionId, { kind: 'facilitator', key: other.facilitatorKey });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    const unattached = await stranger.command('broadcast.send', { message: 'hi' });
    expect(unattached).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(fac.view!.seq).toBe(seq);
    expect(fac.view!.answers[result!.answerId].text).toBe('theirs');
  });

  it('answers malformed payloads with { ok: false, invalid } and keeps serving', async () => {
    const { fac, g1 } = await roomInRound();
    const bad: unknown[] = [
      null,
      42,
      'answer.add',
      [],
      { type: 'answer.add' },
      { type: 'answer.add', opId: 'short', promptId: 'p', text: 'x' },
      { type: 'nope', opId: 'opid-00000001' },
      { type: 'answer.add', opId: 'opid-00000002', promptId: 'p', text: 'x'.repeat(5000) },
      { type: 'answer.add', opId: 'opid-00000003', promptId: 'p', text: '   ' },
      JSON.parse('{"type":"answer.add","opId":"opid-00000004","promptId":"p","text":"x","__proto__":{"admin":true}}'),
      { type: 'round.start', opId: 'opid-00000005', durationSeconds: -5 },
    ];
    for (const payload of bad) {
      const ack = await g1[0].emit('command', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await g1[0].emit('attach', { sessionId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await g1[0].emit('join', { joinCode: '<script>' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // Still serving.
    const ok = await g1[0].command('answer.add', { promptId: fac.view!.prompts[0].id, text: 'still here' });
    expect(ok.ok).toBe(true);
    const health = await fetch(`${server!.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
