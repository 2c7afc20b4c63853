import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../../shared/protocol/commands.js';
import { COMMAND_ROLES } from '../../shared/domain/permissions.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../support/clients.js';
import { sampleCommands } from '../support/sample-commands.js';
import { ENTRY_REQUESTS, type EntryActor, mayEnter } from '../../shared/domain/decide/entry.js';
import { nanoid } from 'nanoid';

/**
 * Every command × every role, generated from the command list: a new command cannot be forgotten.
 * A refused cell must answer { ok: false, error: { code: "forbidden" | "unauthorised" } } and leave the state as it was.
 */
type Role = 'facilitator' | 'co-facilitator' | 'author' | 'group-mate' | 'other-group' | 'other-session-facilitator' | 'not-attached';
const ROLES: Role[] = ['other-session-facilitator', 'not-attached', 'other-group', 'group-mate', 'author', 'co-facilitator', 'facilitator'];

/** Commands whose finer rule (beyond the role table) refuses everyone but the author among participants. */
const AUTHOR_ONLY = new Set<CommandType>(['answer.edit', 'answer.delete']);

function expected(role: Exclude<Role, 'other-session-facilitator'>, type: CommandType): 'allowed' | 'forbidden' | 'unauthorised' {
  if (role === 'not-attached') return 'unauthorised';
  const asRole = role === 'facilitator' || role === 'co-facilitator' ? 'facilitator' : 'participant';
  if (!COMMAND_ROLES[type].includes(asRole)) return 'forbidden';
  if (asRole === 'participant' && AUTHOR_ONLY.has(type) && role !== 'author') return 'forbidden';
  return 'allowed';
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.cleanup();
});

async function stateOf(sessionId: string, key: string): Promise<SessionState> {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()).session;
}

/** A fresh session in plenary after one round: two groups, an answer by "author", a published synthesis with votes open. */
async function arena() {
  const s = await createSession(server.url);
  const fac = await facilitatorClient(server.url, s);
  const invite = expectOk(await fac.emit<{ key: string }>('invite', { opId: 'invite-0001' }));
  const co = await facilitatorClient(server.url, { ...s, facilitatorKey: invite.result!.key });
  const people: TestClient[] = [];
  for (const [name, org] of [
    ['A1', 'x'],
    ['A2', 'y'],
    ['B1', 'x'],
    ['B2', 'y'],
  ]) {
    const c = await new TestClient(server.url).connected();
    await c.join(s.joinCode, { name, organisation: org });
    people.push(c);
  }
  await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
  await eventually(() => people.every((p) => p.view?.participants[p.participantId!]?.groupId), 5000, 'grouped');
  await fac.ok('round.start', { durationSeconds: 600 });
  const groupOf = (c: TestClient) => fac.view!.participants[c.participantId!].groupId;
  const author = people[0];
  const mate = people.find((p) => p !== author && groupOf(p) === groupOf(author))!;
  const other = people.find((p) => groupOf(p) !== groupOf(author))!;
  await author.ok('answer.add', { promptId: fac.view!.prompts[0].id, text: 'Represent common interests' });
  await fac.ok('round.end');
  await fac.ok('synthesis.publish', { published: true });
  await fac.ok('votes.open', { votesPerParticipant: 3 });
  const stranger = await new TestClient(server.url).connected();
  const otherSession = await createSession(server.url);
  const otherFac = await facilitatorClient(server.url, otherSession);
  const clients: Record<Role, TestClient> = {
    facilitator: fac,
    'co-facilitator': co,
    author,
    'group-mate': mate,
    'other-group': other,
    'not-attached': stranger,
    'other-session-facilitator': otherFac,
  };
  return { s, clients, close: () => [fac, co, ...people, stranger, otherFac].forEach((c) => c.close()) };
}

describe('authorisation matrix: every command × every role', () => {
  it.each(COMMAND_TYPES.map((t) => [t]))('%s', async (type) => {
    const { s, clients, close } = await arena();
    try {
      for (const role of ROLES) {
        const client = clients[role];
        // The other session's facilitator tries this session's ids from their own socket (attached elsewhere).
        const state = await stateOf(s.sessionId, s.facilitatorKey);
        const payload = sampleCommands(state, {
          participantId: client.participantId && state.participants[client.participantId] ? client.participantId : null,
        })[type];
        const ack = await client.command(type, payload);
        if (role === 'other-session-facilitator') {
          // Their socket can only ever reach their own session: ours must not move, whatever they send.
          expect(await stateOf(s.sessionId, s.facilitatorKey), `${role} → ${type} changed the session`).toEqual(state);
          continue;
        }
        const want = expected(role, type);
        if (want === 'allowed') {
          if (!ack.ok)
            expect.soft(['forbidden', 'unauthorised', 'invalid'], `${role} should be allowed ${type}: ${ack.error.message}`).not.toContain(ack.error.code);
          continue;
        }
        expect(ack, `${role} → ${type}`).toMatchObject({ ok: false, error: { code: want } });
        const after = await stateOf(s.sessionId, s.facilitatorKey);
        expect(after, `${role} → ${type} changed the session`).toEqual(state);
      }
    } finally {
      close();
    }
  });

  it('another session’s key cannot attach to this session', async () => {
    const { s, clients, close } = await arena();
    try {
      const other = await createSession(server.url);
      const ack = await clients['not-attached'].attach(s.sessionId, { kind: 'facilitator', key: other.facilitatorKey });
      expect(ack).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    } finally {
      close();
    }
  });
});

/**
 * The ways into the log that are not session commands (create, join, invite), generated from their table
 * (shared/domain/decide/entry.ts ENTRY_ROLES) the same way: a refused request answers forbidden (or unauthorised
 * when not attached at all) and changes nothing.
 */
const ENTRY_ACTOR: Record<EntryActor, Role> = { visitor: 'not-attached', participant: 'author', 'co-facilitator': 'co-facilitator', creator: 'facilitator' };

describe('authorisation matrix: every way into the log × every role', () => {
  it.each(ENTRY_REQUESTS.map((r) => [r]))('%s', async (request) => {
    const { s, clients, close } = await arena();
    try {
      for (const [actor, role] of Object.entries(ENTRY_ACTOR) as [EntryActor, Role][]) {
        const client = clients[role];
        const before = await stateOf(s.sessionId, s.facilitatorKey);
        let code: string;
        if (request === 'session.create') {
          // Over HTTP, where nobody is anyone yet: creating is open (and limited per address).
          const res = await fetch(`${server.url}/api/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ template: 'core-drives' }),
          });
          code = res.status === 201 ? 'ok' : (await res.json()).error.code;
        } else if (request === 'session.join') {
          const ack = await client.emit('join', { opId: nanoid(12), joinCode: s.joinCode, token: nanoid(24), name: `Joiner ${actor}` });
          code = ack.ok ? 'ok' : ack.error.code;
        } else {
          const ack = await client.emit('invite', { opId: nanoid(12), label: `by ${actor}` });
          code = ack.ok ? 'ok' : ack.error.code;
        }
        const want = mayEnter(actor, request) ? 'ok' : role === 'not-attached' ? 'unauthorised' : 'forbidden';
        expect(code, `${actor} → ${request}`).toBe(want);
        if (want !== 'ok') expect(await stateOf(s.sessionId, s.facilitatorKey), `${actor} → ${request} changed the session`).toEqual(before);
      }
    } finally {
      close();
    }
  });
});
