import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../../shared/protocol/acks.js';
import type { EventEnvelope } from '../../../shared/protocol/events.js';
import type { SessionView } from '../../../shared/domain/projection.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient, type CreatedSession } from '../../support/clients.js';
import { OPERATOR, startNode, type Node } from './node.js';

let n: Node;
const clients: TestClient[] = [];
beforeAll(async () => {
  n = await startNode();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await n.close();
});

async function client(): Promise<TestClient> {
  const c = await new TestClient(n.url).connected();
  clients.push(c);
  return c;
}

/** A command that may run the synthesis engine: its first run in a worker loads the language data (slow on a busy machine). */
async function slowOk(c: TestClient, type: string, payload: Record<string, unknown> = {}) {
  const socket = c.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Ack> } };
  return expectOk(await socket.timeout(90_000).emitWithAck('command', { type, opId: nanoid(12), ...payload }));
}

/**
 * Every voter id a participant was given: in vote events and in the dots of every synthesis document, whether live,
 * in a catch-up or in a snapshot (group lists name people anyway; what must not travel is who voted for what).
 */
function votersSeen(events: EventEnvelope[], views: (SessionView | null)[]): string[] {
  const ids: string[] = [];
  for (const { event: e } of events) {
    if (e.type === 'vote.cast' || e.type === 'vote.retracted') ids.push(e.participantId);
    if (e.type === 'synthesis.updated' && e.synthesis) ids.push(...Object.keys(e.synthesis.votes));
  }
  for (const v of views) if (v?.synthesis) ids.push(...Object.keys(v.synthesis.votes));
  return ids;
}
const fromAttach = (ack: { result?: { catchUp: { kind: 'events'; events: EventEnvelope[] } | { kind: 'snapshot'; view: SessionView } } }) =>
  ack.result!.catchUp.kind === 'events' ? { events: ack.result!.catchUp.events, views: [] } : { events: [], views: [ack.result!.catchUp.view] };

describe('privacy by default', () => {
  it("another participant never receives a voter's id (live, catch-up, snapshot); the voter sees their own dots; a dot on a hidden theme comes back", async () => {
    const s = await createSession(n.url);
    const fac = await facilitatorClient(n.url, s);
    clients.push(fac);
    const [voter, other] = [await client(), await client()];
    const { participantId: voterId } = await voter.join(s.joinCode, { name: 'Voter' });
    await other.join(s.joinCode, { name: 'Other' });
    // Two groups of one: nothing else ever tells the other participant the voter's id.
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => voter.view?.phase === 'breakout' && other.view?.phase === 'breakout');
    const prompt = fac.view!.prompts[0].id;
    // Alike answers from both groups: the engine makes a theme of them.
    await voter.ok('answer.add', { promptId: prompt, text: 'lobby for our shared interests' });
    await voter.ok('answer.add', { promptId: prompt, text: 'represent the interests of members' });
    await other.ok('answer.add', { promptId: prompt, text: 'lobbying for shared interests' });
    await other.ok('answer.add', { promptId: prompt, text: 'advocacy for common interests' });
    await slowOk(fac, 'round.end');
    await fac.ok('synthesis.publish', { published: true });
    await fac.ok('votes.open', { votesPerParticipant: 3 });
    await eventually(() => (other.view?.synthesis?.votesPerParticipant ?? 0) === 3 && (voter.view?.synthesis?.votesPerParticipant ?? 0) === 3);
    const themes = fac.view!.synthesis!.prompts.flatMap((p) => p.themes);
    expect(themes.length).toBeGreaterThan(0);
    const theme = themes[0].id;
    const before = other.view!.seq;
    await voter.ok('vote.cast', { themeId: theme });
    await voter.ok('vote.cast', { themeId: theme });
    await eventually(() => Object.values(other.view!.synthesis!.votes).flat().length === 2, 5000, 'the other sees the count');
    await eventually(() => (voter.view!.synthesis!.votes[voterId] ?? []).length === 2, 5000, 'the voter sees their dots');
    // A whole-document update while dots are placed (re-publishing travels whole) is redacted per reader too.
    await fac.ok('synthesis.publish', { published: false });
    await fac.ok('synthesis.publish', { published: true });
    await eventually(() => other.view!.synthesis !== null && voter.view!.synthesis !== null);
    expect(voter.view!.synthesis!.votes[voterId]).toEqual([theme, theme]);
    expect(Object.values(other.view!.synthesis!.votes).flat()).toEqual([theme, theme]);
    // Catch-up and snapshot paths: a second socket of the other participant, from before the vote and from nothing.
    const late = await client();
    const caughtUp = expectOk(await late.attach(s.sessionId, { kind: 'participant', token: other.token! }, before));
    const fresh = await client();
    const snapshot = expectOk(await fresh.attach(s.sessionId, { kind: 'participant', token: other.token! }));
    expect(caughtUp.result!.catchUp.kind).toBe('events');
    expect(snapshot.result!.catchUp.kind).toBe('snapshot');
    const [c1, c2] = [fromAttach(caughtUp), fromAttach(snapshot)];
    const seen = votersSeen([...other.received, ...c1.events, ...c2.events], [other.view, ...c1.views, ...c2.views]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(voterId);
    expect(voter.received.some((e) => e.event.type === 'vote.cast' && e.event.participantId === voterId)).toBe(true);
    // The facilitators see who voted.
    expect(fac.view!.synthesis!.votes[voterId]).toEqual([theme, theme]);

    // Hiding the theme gives both dots back to the voter (in the log, so every reader agrees).
    await fac.ok('synthesis.hideTheme', { themeId: theme, hidden: true });
    await eventually(() => (voter.view!.synthesis!.votes[voterId] ?? []).length === 0, 5000, 'dots returned');
    expect(fac.view!.synthesis!.votes[voterId] ?? []).toEqual([]);
    expect(Object.values(other.view!.synthesis!.votes).flat()).toEqual([]);
    const next = themes.find((t) => t.id !== theme);
    if (next) expect((await voter.command('vote.cast', { themeId: next.id })).ok).toBe(true);
    expect(votersSeen(other.received, [other.view])).not.toContain(voterId);
  }, 120_000);

  it('in an anonymous session the author sees their answer as theirs on the live, catch-up and snapshot paths, and nobody else does', async () => {
    const s = await createSession(n.url, { template: 'core-drives', language: 'en', anonymous: true });
    const fac = await facilitatorClient(n.url, s);
    clients.push(fac);
    const [author, mate] = [await client(), await client()];
    const { participantId: authorId } = await author.join(s.joinCode, { name: 'Author' });
    await mate.join(s.joinCode, { name: 'Mate' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => author.view?.phase === 'breakout' && mate.view?.phase === 'breakout');
    const seqBefore = author.view!.seq;
    const { answerId } = (await author.ok<{ answerId: string }>('answer.add', { promptId: fac.view!.prompts[0].id, text: 'mine, anonymously' })).result!;
    const liveAdded = (c: TestClient) => c.received.map((e: EventEnvelope) => e.event).find((e) => e.type === 'answer.added' && e.answer.id === answerId);
    await eventually(() => !!liveAdded(author) && !!liveAdded(mate));
    expect(liveAdded(author)).toMatchObject({ answer: { authorId } });
    expect(liveAdded(mate)).toMatchObject({ answer: { authorId: null } });
    const catchUp = async (token: string) => {
      const c = await client();
      const ack = expectOk(await c.attach(s.sessionId, { kind: 'participant', token }, seqBefore));
      expect(ack.result!.catchUp.kind).toBe('events');
      const e = (ack.result!.catchUp as { events: EventEnvelope[] }).events.map((x) => x.event).find((x) => x.type === 'answer.added');
      return e?.type === 'answer.added' ? e.answer.authorId : 'missing';
    };
    expect(await catchUp(author.token!)).toBe(authorId);
    expect(await catchUp(mate.token!)).toBeNull();
    const snapshot = async (token: string) => {
      const c = await client();
      const ack = expectOk(await c.attach(s.sessionId, { kind: 'participant', token }));
      return (ack.result!.catchUp as { view: SessionView }).view.answers[answerId].authorId;
    };
    expect(await snapshot(author.token!)).toBe(authorId);
    expect(await snapshot(mate.token!)).toBeNull();
    expect(fac.view!.answers[answerId].authorId).toBe(authorId);
  }, 60_000);

  it('/healthz says up and nothing else, unless asked with the operator token', async () => {
    const plain = await fetch(`${n.url}/healthz`);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ ok: true, status: 'up' });
    const wrong = await (await fetch(`${n.url}/healthz`, { headers: { authorization: 'Bearer not-the-operator-token-xxxxxxxx' } })).json();
    expect(wrong).toEqual({ ok: true, status: 'up' });
    const full = await (await fetch(`${n.url}/healthz`, { headers: { authorization: `Bearer ${OPERATOR}` } })).json();
    expect(full).toMatchObject({
      ok: true,
      status: 'up',
      sessionsLoaded: expect.any(Number),
      sockets: expect.any(Number),
      metrics: { heapUsedMb: expect.any(Number) },
    });
  });
});

describe('clean data in', () => {
  let s: CreatedSession;
  let fac: TestClient;
  let a: TestClient;
  let b: TestClient;
  beforeAll(async () => {
    s = await createSession(n.url);
    fac = await facilitatorClient(n.url, s);
    clients.push(fac);
    [a, b] = [await client(), await client()];
    await a.join(s.joinCode, { name: '\u202EAnn\u200B\u2066', organisation: 'Org\u200D', country: 'D\u00ADK' });
    await b.join(s.joinCode, { name: 'Bob' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => a.view?.phase === 'breakout' && b.view?.phase === 'breakout');
  });

  it('ids that name Object.prototype properties are refused by schema, for every command that takes an id', async () => {
    const groupId = fac.view!.groupOrder[0];
    const prompt = fac.view!.prompts[0].id;
    for (const bad of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty']) {
      const tries = [
        fac.command('participant.move', { participantId: bad, groupId }),
        fac.command('participant.move', { participantId: a.participantId, groupId: bad }),
        fac.command('answer.edit', { answerId: bad, text: 'x' }),
        fac.command('answer.delete', { answerId: bad }),
        fac.command('answer.add', { promptId: bad, text: 'x', groupId }),
        fac.command('group.signal', { groupId: bad, help: true }),
        fac.command('prompts.deal', { mode: 'manual', assignments: { [bad]: [prompt] } }),
        fac.command('prompts.deal', { mode: 'manual', assignments: { [groupId]: [bad] } }),
        fac.command('synthesis.hideTheme', { themeId: bad, hidden: true }),
        fac.command('session.update', { prompts: [{ id: bad, text: 'x' }] }),
        a.command('vote.cast', { themeId: bad }),
      ];
      for (const ack of await Promise.all(tries)) expect(ack, bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    // The log has nothing from them, and the session's own export still imports.
    const exported = await (
      await fetch(`${n.url}/api/sessions/${s.sessionId}/export.json`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })
    ).json();
    const res = await fetch(`${n.url}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR}` },
      body: JSON.stringify(exported),
    });
    expect(res.status).toBe(201);
  });

  it('names lose bidi controls and zero-width characters; answers lose non-characters and lone CRs', async () => {
    const me = fac.view!.participants[a.participantId!];
    expect(me).toMatchObject({ name: 'Ann', organisation: 'Org', country: 'DK' });
    const { answerId } = (
      await a.ok<{ answerId: string }>('answer.add', { promptId: fac.view!.prompts[0].id, text: 'a\uFFFEb\uFFFF c\rd \u202Ee\u{10FFFF}f\u0000' })
    ).result!;
    await eventually(() => !!fac.view!.answers[answerId]);
    expect(fac.view!.answers[answerId].text).toBe('ab c\nd ef');
    // Nothing but invisible characters is no name at all.
    const c = await client();
    expect(await c.emit('join', { opId: nanoid(12), joinCode: s.joinCode, name: '\u200B\u202E\u2066', token: nanoid(24) })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it("an opId is scoped to its sender: another participant's command with the same opId is a command of its own", async () => {
    const prompt = fac.view!.prompts[0].id;
    const opId = `same-op-${nanoid(6)}`;
    const first = expectOk(await a.command('answer.add', { promptId: prompt, text: 'from a' }, opId));
    const second = expectOk(await b.command('answer.add', { promptId: prompt, text: 'from b' }, opId));
    expect(second.result).not.toEqual(first.result);
    await eventually(() => Object.values(fac.view!.answers).some((x) => x.text === 'from b'));
    // The sender's own retry is still applied once.
    const retry = expectOk(await a.command('answer.add', { promptId: prompt, text: 'from a' }, opId));
    expect(retry.result).toEqual(first.result);
    expect(Object.values(fac.view!.answers).filter((x) => x.text === 'from a')).toHaveLength(1);
  });
});
