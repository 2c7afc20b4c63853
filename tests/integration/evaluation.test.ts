import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingSummary } from '../../shared/domain/evaluation.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, type CreatedSession, eventually, facilitatorClient } from '../support/clients.js';

/**
 * The evaluation round over a real server (issue 16, item 2): participants answer on their phones, the facilitator
 * sees the aggregate live without learning who said what, the open answers are themed by the synthesis engine and
 * land in the session report; a programme of three sessions shows the trend in date order.
 */
let server: TestServer;
let programme: { programmeId: string; coordinatorKey: string };
const clients: TestClient[] = [];

const get = (path: string, key: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

async function programmeSession(title: string, date: string): Promise<CreatedSession> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.coordinatorKey}` },
    body: JSON.stringify({ template: 'core-drives', language: 'en', title, date, programmeId: programme.programmeId }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function people(s: CreatedSession, n: number): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const c = await new TestClient(server.url).connected();
    clients.push(c);
    await c.join(s.joinCode, { name: `Person ${i}`, organisation: `Org ${i}` });
    out.push(c);
  }
  return out;
}

async function facilitator(s: CreatedSession): Promise<TestClient> {
  const fac = await facilitatorClient(server.url, s);
  clients.push(fac);
  return fac;
}

/** Every string in a value, keys included: where a participant id could hide. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/programmes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Five peer-learning sessions', organisers: ['ENSIE'], languages: ['en'] }),
  });
  programme = await res.json();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.cleanup();
});

const ANSWERS: [number, string, string | null][] = [
  [5, 'Study visits to partner cities', 'More time for the breakout groups'],
  [4, 'Organise study visits with our partners', 'Longer breakout groups please'],
  [4, 'Study visits between the cities', 'The breakout groups were too short'],
  [3, 'A shared funding calendar for grants', 'Fewer presentations'],
  [2, 'Share the grant funding calendar', null],
];

describe('evaluation round over Socket.IO', () => {
  let s: CreatedSession;
  let fac: TestClient;
  let room: TestClient[];
  let secondSession: CreatedSession;

  it('participants answer once each, the facilitator sees the aggregate live and nobody learns who said what', async () => {
    // Created second, dated first: the trend must follow the date, not the creation order.
    secondSession = await programmeSession('Second session', '2026-03-12');
    s = await programmeSession('First session', '2026-01-20');
    fac = await facilitator(s);
    room = await people(s, ANSWERS.length + 1);
    const ids = room.map((c) => c.participantId!);

    await fac.ok('evaluation.open', { questions: { takeBack: 'What will you take back to your organisation?' } });
    await eventually(() => room.every((c) => c.view?.evaluation?.open === true), 5000, 'form open on every phone');

    for (const [i, [rating, takeBack, change]] of ANSWERS.entries()) {
      await room[i].ok('evaluation.respond', { rating, takeBack, change, language: 'en' });
      // Live: the facilitator's view follows each response.
      await eventually(() => ratingSummary(fac.view!.evaluation).count === i + 1, 5000, `response ${i + 1} on the console`);
    }
    expect(ratingSummary(fac.view!.evaluation)).toEqual({ count: 5, average: 3.6, distribution: [0, 1, 1, 2, 1] });
    expect(Object.values(fac.view!.evaluation!.responses).map((r) => r.takeBack)).toContain('Study visits to partner cities');

    // One each: a second answer is refused, and so is a rating out of range (by the schema).
    expect(await room[0].command('evaluation.respond', { rating: 1, takeBack: 'again', change: null })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await room[5].command('evaluation.respond', { rating: 7 })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    // A participant's phone knows whether they answered, nothing of anyone else's answers.
    await eventually(() => room[0].view?.evaluation?.respondents[ids[0]] === true, 5000, 'own answer marked');
    expect(room[0].view!.evaluation).toMatchObject({ responses: {}, themes: null, respondents: { [ids[0]]: true } });
    expect(room[5].view!.evaluation!.respondents).toEqual({});

    // Nobody (facilitator included) received a participant id with the evaluation, except the respondent their own.
    const evaluationEvents = (c: TestClient) => c.received.filter((e) => e.event.type.startsWith('evaluation.')).map((e) => e.event);
    for (const id of ids) expect(strings(evaluationEvents(fac))).not.toContain(id);
    for (const [i, c] of room.entries())
      for (const [j, id] of ids.entries()) if (i !== j) expect(strings(evaluationEvents(c)), `reader ${i} sees ${j}`).not.toContain(id);
    expect(evaluationEvents(room[0]).some((e) => e.type === 'evaluation.responded')).toBe(false);

    // The facilitators' other paths: the HTTP state, a fresh attach, and the JSON export.
    const state = (await (await get(`/api/sessions/${s.sessionId}`, s.facilitatorKey)).json()).session;
    expect(state.evaluation.respondents).toEqual({});
    expect(Object.keys(state.evaluation.responses)).toHaveLength(5);
    const late = await facilitator(s);
    expect(late.view!.evaluation!.respondents).toEqual({});
    const log = (await (await get(`/api/sessions/${s.sessionId}/export.json?names=1`, s.facilitatorKey)).json()).events;
    for (const id of ids) expect(strings(log.filter((e: { type: string }) => e.type.startsWith('evaluation.')))).not.toContain(id);
  });

  it('closing themes the open answers with the synthesis engine, and the session report shows them', async () => {
    await fac.ok('evaluation.close');
    await eventually(() => fac.view?.evaluation?.themes !== null && fac.view?.evaluation?.open === false, 10_000, 'themes on the console');
    await eventually(() => room[5].view?.evaluation?.open === false, 5000, 'form closed on the phones');
    expect(room[5].view!.evaluation!.themes).toBeNull();
    const themes = fac.view!.evaluation!.themes!;
    expect(themes.takeBack.find((t) => /visit/i.test(t.label))?.responseIds).toHaveLength(3);
    expect(await room[5].command('evaluation.respond', { rating: 3 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const md = await (await get(`/api/sessions/${s.sessionId}/export.md`, s.facilitatorKey)).text();
    const section = md.slice(md.indexOf('## Evaluation'), md.indexOf('## Synthesis'));
    expect(section).toContain('**Responses:** 5');
    expect(section).toMatch(/\*\*Average rating:\*\* 3\.6 out of 5/);
    expect(section).toContain('- 4: 2');
    expect(section).toContain('### What will you take back to your organisation?');
    expect(section).toContain('### What should we change next time?');
    const visits = themes.takeBack.find((t) => /visit/i.test(t.label))!;
    expect(section).toContain(`(3)`);
    expect(section).toMatch(new RegExp(`- ${visits.label.replace(/[.*+?^${}()|[\]\\-]/g, '\\\\?$&')} \\(3\\)`));
    expect(section).toContain('Study visits to partner cities');
    for (let i = 0; i < room.length; i++) expect(section).not.toContain(`Person ${i}`);
    const html = await (await get(`/api/sessions/${s.sessionId}/export.html`, s.facilitatorKey)).text();
    expect(html).toContain('<section class="evaluation">');
    const docx = await get(`/api/sessions/${s.sessionId}/export.docx`, s.facilitatorKey);
    expect(docx.status).toBe(200);

    // Left out on request, like the other sections.
    const without = await (await get(`/api/sessions/${s.sessionId}/export.md?omit=evaluation`, s.facilitatorKey)).text();
    expect(without).not.toContain('## Evaluation');
    expect(without).toContain('## Synthesis');
  });

  it('a programme keeps its own questions, which its sessions’ consoles open with', async () => {
    const put = (body: unknown, key = programme.coordinatorKey) =>
      fetch(`${server.url}/api/programmes/${programme.programmeId}/evaluation`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    const asked = () => get(`/api/sessions/${s.sessionId}/evaluation-questions`, s.facilitatorKey).then((r) => r.json());
    expect((await asked()).questions).toEqual({ rating: null, takeBack: null, change: null });
    expect((await put({ questions: { rating: 'Was it worth the trip?', takeBack: '', change: 'One thing to change?' } })).status).toBe(200);
    expect((await asked()).questions).toEqual({ rating: 'Was it worth the trip?', takeBack: null, change: 'One thing to change?' });
    // Only the coordinator sets them, and only as the schema allows.
    expect((await put({ questions: { rating: 'x' } }, s.facilitatorKey)).status).toBe(403);
    expect((await put({ questions: { rating: 'x'.repeat(301) } })).status).toBe(400);
    expect((await put({ questions: {}, extra: 1 })).status).toBe(400);
    const other = await (
      await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"template":"core-drives"}' })
    ).json();
    expect((await (await get(`/api/sessions/${other.sessionId}/evaluation-questions`, other.facilitatorKey)).json()).questions).toEqual({
      rating: null,
      takeBack: null,
      change: null,
    });
    expect((await get(`/api/sessions/${s.sessionId}/evaluation-questions`, other.facilitatorKey)).status).toBe(403);
    expect((await put({ questions: {} })).status).toBe(200);
  });

  it('a programme of three sessions shows the average per session in date order', async () => {
    const third = await programmeSession('Third session', '2026-05-05');
    await programmeSession('No evaluation', '2026-04-01');
    for (const [session, ratings] of [
      [third, [5, 5, 4]],
      [secondSession, [4, 4]],
    ] as const) {
      const f = await facilitator(session);
      const ps = await people(session, ratings.length);
      await f.ok('evaluation.open');
      for (const [i, rating] of ratings.entries()) await ps[i].ok('evaluation.respond', { rating, takeBack: 'Peer visits', change: null });
      await f.ok('evaluation.close');
    }
    const md = await (await get(`/api/programmes/${programme.programmeId}/export.md`, programme.coordinatorKey)).text();
    const trend = md.slice(md.indexOf('## Evaluation across the sessions'));
    const rows = trend
      .split('\n')
      .filter((l) => /^\| 2026/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    // The session that never opened an evaluation is left out rather than drawn as zero.
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['2026-01-20', 'First session', '5', '3.6'],
      ['2026-03-12', 'Second session', '2', '4.0'],
      ['2026-05-05', 'Third session', '3', '4.7'],
    ]);
    // The coordinator's dashboard has the same figures per session.
    const dash = await (await get(`/api/programmes/${programme.programmeId}`, programme.coordinatorKey)).json();
    const byTitle = Object.fromEntries(dash.sessions.map((x: { title: string; evaluation: unknown }) => [x.title, x.evaluation]));
    expect(byTitle).toMatchObject({
      'First session': { responses: 5, average: 3.6 },
      'Second session': { responses: 2, average: 4 },
      'No evaluation': null,
    });
    const omitted = await (await get(`/api/programmes/${programme.programmeId}/export.md?omit=evaluation`, programme.coordinatorKey)).text();
    expect(omitted).not.toContain('Evaluation across the sessions');
  });
});
