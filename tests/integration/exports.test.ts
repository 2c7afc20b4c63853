import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR_TOKEN, startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient, type CreatedSession } from '../support/clients.js';
import { CHROMIUM, chromiumMissing, launch } from '../e2e/browser.js';

const TRICKY = [
  '=SUM(A1:A9)',
  '<script>alert(1)</script> & "quoted, comma"',
  'line one\nline two',
  'Ærø, l’économie sociale 🎉',
  '+31 lobby for @members',
  '-minus first',
];

let server: TestServer;
let s: CreatedSession;
let programme: { programmeId: string; coordinatorKey: string };
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/programmes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Five regional sessions', organisers: ['ENSIE', 'RREUSE'], languages: ['en'] }),
  });
  expect(res.status).toBe(201);
  programme = await res.json();
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.coordinatorKey}` },
    body: JSON.stringify({ template: 'core-drives', language: 'en', date: '2026-11-24', programmeId: programme.programmeId }),
  });
  expect(created.status).toBe(201);
  s = await created.json();
  const fac = await facilitatorClient(server.url, s);
  clients.push(fac);
  const people: TestClient[] = [];
  for (const [i, org] of ['Ashoka', 'ENSIE', 'RREUSE', 'Ashoka'].entries()) {
    const c = await new TestClient(server.url).connected();
    clients.push(c);
    await c.join(s.joinCode, { name: `Person ${i}`, organisation: org, country: i % 2 ? 'Denmark' : 'België' });
    people.push(c);
  }
  await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 2 } });
  await fac.ok('round.start', { durationSeconds: 600 });
  await eventually(() => people.every((p) => p.view?.phase === 'breakout'));
  const why = fac.view!.prompts[0].id;
  for (const [i, text] of [...TRICKY, 'lobby for our shared interests', 'represent the interests of members', 'advocacy for common interests'].entries())
    await people[i % 4].ok('answer.add', { promptId: why, text });
  await fac.ok('round.end');
  await fac.ok('synthesis.publish', { published: true });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.cleanup();
});

const get = (path: string, key: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
/** Imports are the operator's: their token as Bearer. */
const importAs = (path: string, body: unknown, token: string | null = TEST_OPERATOR_TOKEN) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('exports', () => {
  it('Markdown and HTML hold the synthesis and every answer, special characters intact and escaped', async () => {
    const md = await (await get(`/api/sessions/${s.sessionId}/export.md`, s.facilitatorKey)).text();
    expect(md).toContain('# The core drives of a network');
    expect(md).toContain('Five regional sessions');
    expect(md).toMatch(/## Synthesis/);
    expect(md).toContain('&lt;script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).toContain('Ærø, l’économie sociale 🎉');
    const html = await (await get(`/api/sessions/${s.sessionId}/export.html`, s.facilitatorKey)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted, comma&quot;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('@page');
    expect(html).toContain('Ashoka (2)');
    expect(html).toMatch(/class="consensus"/);
  });

  it('DOCX unzips to a document whose XML holds the answers', async () => {
    const res = await get(`/api/sessions/${s.sessionId}/export.docx`, s.facilitatorKey);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('lobby for our shared interests');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('<w:tbl>');
  });

  it('CSV parses back into one row per answer, formulas neutralised, names only on request', async () => {
    const csv = await (await get(`/api/sessions/${s.sessionId}/export.csv`, s.facilitatorKey)).text();
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'programme',
      'session',
      'date',
      'round',
      'group',
      'prompt',
      'answer',
      'organisation',
      'country',
      'theme',
      'consensus',
      'votes',
      'language',
    ]);
    expect(parsed.data).toHaveLength(TRICKY.length + 3);
    // Which organisations raised what, without names: the first answer is Person 0's (Ashoka, België).
    expect(parsed.data.find((r) => r.answer === "'=SUM(A1:A9)")).toMatchObject({ organisation: 'Ashoka', country: 'België' });
    expect(new Set(parsed.data.map((r) => r.organisation))).toEqual(new Set(['Ashoka', 'ENSIE', 'RREUSE']));
    const answers = parsed.data.map((r) => r.answer);
    expect(answers).toContain("'=SUM(A1:A9)");
    expect(answers).toContain("'+31 lobby for @members");
    expect(answers).toContain("'-minus first");
    expect(answers).toContain('line one\nline two');
    expect(answers).toContain('<script>alert(1)</script> & "quoted, comma"');
    expect(answers).toContain('Ærø, l’économie sociale 🎉');
    expect(parsed.data[0]).toMatchObject({ programme: 'Five regional sessions', date: '2026-11-24', round: '1', language: 'en' });
    const withNames = Papa.parse<Record<string, string>>(
      (await (await get(`/api/sessions/${s.sessionId}/export.csv?names=1`, s.facilitatorKey)).text()).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(withNames.data.map((r) => r.author)).toContain('Person 0');
  });

  it('JSON imports into a new session whose export is identical but for its id and code', async () => {
    const original = await (await get(`/api/sessions/${s.sessionId}/export.json`, s.facilitatorKey)).json();
    expect(original).toMatchObject({ schemaVersion: 1, kind: 'session' });
    const res = await importAs('/api/sessions/import', original);
    expect(res.status).toBe(201);
    const imported = await res.json();
    expect(imported.facilitatorKey).not.toBe(s.facilitatorKey);
    const again = await (await get(`/api/sessions/${imported.sessionId}/export.json`, imported.facilitatorKey)).json();
    const normalise = (x: { sessionId: string; events: { data: Record<string, unknown> }[] }) => ({
      ...x,
      sessionId: '',
      events: x.events.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, id: '', joinCode: '' } } : e)),
    });
    expect(normalise(again)).toEqual(normalise(original));
    const md = await (await get(`/api/sessions/${imported.sessionId}/export.md`, imported.facilitatorKey)).text();
    expect(md).toContain('lobby for our shared interests');
    const bad = await importAs('/api/sessions/import', {
      ...original,
      events: [{ seq: 1, at: 0, type: 'session.created', data: { type: 'session.created', evil: true } }],
    });
    expect(bad.status).toBe(400);
  });

  it('programme: dashboard, recurring themes, exports and a JSON round trip', async () => {
    const dash = await (await get(`/api/programmes/${programme.programmeId}`, programme.coordinatorKey)).json();
    expect(dash.sessions).toHaveLength(1);
    expect(dash.sessions[0]).toMatchObject({ participants: 4, groups: 2, answers: TRICKY.length + 3, byOrganisation: { Ashoka: 2, ENSIE: 1, RREUSE: 1 } });
    const md = await (await get(`/api/programmes/${programme.programmeId}/export.md`, programme.coordinatorKey)).text();
    expect(md).toContain('# Five regional sessions');
    const csv = await (await get(`/api/programmes/${programme.programmeId}/export.csv`, programme.coordinatorKey)).text();
    expect(Papa.parse(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data).toHaveLength(TRICKY.length + 3);
    const json = await (await get(`/api/programmes/${programme.programmeId}/export.json`, programme.coordinatorKey)).json();
    const res = await importAs('/api/programmes/import', json);
    expect(res.status).toBe(201);
    const copy = await res.json();
    const dash2 = await (await get(`/api/programmes/${copy.programmeId}`, copy.coordinatorKey)).json();
    expect(dash2.sessions.map((x: { answers: number }) => x.answers)).toEqual([TRICKY.length + 3]);
  });

  it('the JSON export holds no names, organisations or countries unless asked for (?names=1)', async () => {
    const plain = await (await get(`/api/sessions/${s.sessionId}/export.json`, s.facilitatorKey)).text();
    for (const word of ['Person 0', 'Ashoka', 'RREUSE', 'Denmark', 'België']) expect(plain).not.toContain(word);
    expect(plain).toContain('Participant 1');
    const named = await (await get(`/api/sessions/${s.sessionId}/export.json?names=1`, s.facilitatorKey)).text();
    for (const word of ['Person 0', 'Ashoka', 'Denmark']) expect(named).toContain(word);
    const prog = await (await get(`/api/programmes/${programme.programmeId}/export.json`, programme.coordinatorKey)).text();
    expect(prog).not.toContain('Person 0');
    expect(prog).not.toContain('Denmark');
  });

  it('an import needs the operator token, and one event beyond the live limits refuses the whole import', async () => {
    const original = await (await get(`/api/sessions/${s.sessionId}/export.json`, s.facilitatorKey)).json();
    expect((await importAs('/api/sessions/import', original, null)).status).toBe(401);
    expect((await importAs('/api/sessions/import', original, 'not-the-operator-token-at-all-0000')).status).toBe(403);
    expect((await importAs('/api/sessions/import', original, s.facilitatorKey)).status).toBe(403);
    expect(
      (
        await importAs(
          '/api/programmes/import',
          { schemaVersion: 1, kind: 'programme', programme: { name: 'x', description: null, organisers: [], languages: [], createdAt: 0 }, sessions: [] },
          null,
        )
      ).status,
    ).toBe(401);
    type Ev = { seq: number; at: number; type: string; data: Record<string, any> };
    const events = original.events as Ev[];
    const edit = (pick: (e: Ev) => boolean, change: (data: Record<string, any>) => Record<string, any>) => ({
      ...original,
      events: events.map((e) => (pick(e) ? { ...e, data: change(structuredClone(e.data)) } : e)),
    });
    const before = (await server.app.registry.store.listSessions()).length;
    const cases: [string, unknown][] = [
      [
        'a 200,000-character title',
        edit(
          (e) => e.type === 'session.created',
          (d) => ({ ...d, title: 'T'.repeat(200_000) }),
        ),
      ],
      [
        'a 100 KB answer',
        edit(
          (e) => e.type === 'answer.added',
          (d) => ({ ...d, answer: { ...d.answer, text: 'a'.repeat(100_000) } }),
        ),
      ],
      [
        'a 50 KB name',
        edit(
          (e) => e.type === 'participant.joined',
          (d) => ({ ...d, participant: { ...d.participant, name: 'n'.repeat(50_000) } }),
        ),
      ],
      [
        '5,001 prompts',
        edit(
          (e) => e.type === 'session.created',
          (d) => ({ ...d, prompts: Array.from({ length: 5001 }, (_, i) => ({ id: `p${i}`, text: 'why' })) }),
        ),
      ],
      [
        'an answer to an unknown group',
        edit(
          (e) => e.type === 'answer.added',
          (d) => ({ ...d, answer: { ...d.answer, groupId: 'nosuchgroup00000' } }),
        ),
      ],
      [
        'an answer by someone who never joined',
        edit(
          (e) => e.type === 'answer.added',
          (d) => ({ ...d, answer: { ...d.answer, authorId: 'nobody0000000000' } }),
        ),
      ],
      [
        'an id that names Object.prototype',
        edit(
          (e) => e.type === 'participant.joined',
          (d) => ({ ...d, participant: { ...d.participant, id: '__proto__' } }),
        ),
      ],
      [
        'a name with a right-to-left override',
        edit(
          (e) => e.type === 'participant.joined',
          (d) => ({ ...d, participant: { ...d.participant, name: 'Eve\u202Egnp.exe' } }),
        ),
      ],
    ];
    for (const [what, body] of cases) {
      const res = await importAs('/api/sessions/import', body);
      expect(res.status, what).toBe(400);
      expect((await res.json()).error.code, what).toBe('invalid');
    }
    // A programme whose second session is bad: nothing of it is written, not even the first session.
    const prog = {
      schemaVersion: 1,
      kind: 'programme',
      programme: { name: 'Half good', description: null, organisers: [], languages: ['en'], createdAt: 0 },
      sessions: [original, cases[4][1]],
    };
    expect((await importAs('/api/programmes/import', prog)).status).toBe(400);
    expect((await server.app.registry.store.listSessions()).length).toBe(before);
  });

  it('a Word export of an answer with U+FFFE, U+FFFF, a lone CR and a bidi override is well-formed XML', async () => {
    const t = await createSession(server.url);
    const fac = await facilitatorClient(server.url, t);
    const p = await new TestClient(server.url).connected();
    clients.push(fac, p);
    await p.join(t.joinCode, { name: 'Zoe\u200B\u202E' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    await eventually(() => p.view?.phase === 'breakout');
    await p.ok('answer.add', { promptId: fac.view!.prompts[0].id, text: 'one\uFFFEtwo\uFFFF three\rfour \u202Efive\u0007' });
    const res = await get(`/api/sessions/${t.sessionId}/export.docx?names=1`, t.facilitatorKey);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    // jsdom ships no types; its DOMParser is the standard one.
    const jsdom = 'jsdom';
    const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml).toContain('onetwo three');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u202E\u0007\r]/);
    expect(xml).toContain('Zoe');
    expect(xml).not.toContain('Zoe\u200B');
    const md = await (await get(`/api/sessions/${t.sessionId}/export.md`, t.facilitatorKey)).text();
    expect(md).not.toContain('\r');
  });

  it('a key opens only its own session or programme', async () => {
    const other = await createSession(server.url);
    expect((await get(`/api/sessions/${s.sessionId}/export.md`, other.facilitatorKey)).status).toBe(403);
    expect((await get(`/api/programmes/${programme.programmeId}/export.md`, s.facilitatorKey)).status).toBe(403);
    expect((await get(`/api/sessions/${other.sessionId}/export.csv`, programme.coordinatorKey)).status).toBe(403);
    expect((await fetch(`${server.url}/api/sessions/${s.sessionId}/export.md`)).status).toBe(401);
    expect((await get(`/api/sessions/${s.sessionId}/export.md`, programme.coordinatorKey)).status).toBe(200);
  });

  it.skipIf(chromiumMissing() !== null || !existsSync(CHROMIUM))('the HTML prints to a PDF in Chromium with the appendix on its own pages', async () => {
    const html = await (await get(`/api/sessions/${s.sessionId}/export.html`, s.facilitatorKey)).text();
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pages).toBeGreaterThanOrEqual(2); // the report, then the appendix after a page break
    } finally {
      await browser.close();
    }
  });
});
