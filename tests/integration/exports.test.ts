import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient, type CreatedSession } from '../support/clients.js';
import { CHROMIUM, chromiumMissing, launch } from '../e2e/browser.js';

const TRICKY = ['=SUM(A1:A9)', '<script>alert(1)</script> & "quoted, comma"', 'line one\nline two', 'Ærø, l’économie sociale 🎉', '+31 lobby for @members', '-minus first'];

let server: TestServer;
let s: CreatedSession;
let programme: { programmeId: string; coordinatorKey: string };
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/programmes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Five regional sessions', organisers: ['ENSIE', 'RREUSE'], languages: ['en'] }) });
  expect(res.status).toBe(201);
  programme = await res.json();
  const created = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.coordinatorKey}` }, body: JSON.stringify({ template: 'core-drives', language: 'en', date: '2026-11-24', programmeId: programme.programmeId }) });
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
  for (const [i, text] of [...TRICKY, 'lobby for our shared interests', 'represent the interests of members', 'advocacy for common interests'].entries()) await people[i % 4].ok('answer.add', { promptId: why, text });
  await fac.ok('round.end');
  await fac.ok('synthesis.publish', { published: true });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.cleanup();
});

const get = (path: string, key: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

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
    expect(parsed.meta.fields).toEqual(['programme', 'session', 'date', 'round', 'group', 'prompt', 'answer', 'theme', 'consensus', 'votes', 'language']);
    expect(parsed.data).toHaveLength(TRICKY.length + 3);
    const answers = parsed.data.map((r) => r.answer);
    expect(answers).toContain("'=SUM(A1:A9)");
    expect(answers).toContain("'+31 lobby for @members");
    expect(answers).toContain("'-minus first");
    expect(answers).toContain('line one\nline two');
    expect(answers).toContain('<script>alert(1)</script> & "quoted, comma"');
    expect(answers).toContain('Ærø, l’économie sociale 🎉');
    expect(parsed.data[0]).toMatchObject({ programme: 'Five regional sessions', date: '2026-11-24', round: '1', language: 'en' });
    const withNames = Papa.parse<Record<string, string>>((await (await get(`/api/sessions/${s.sessionId}/export.csv?names=1`, s.facilitatorKey)).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(withNames.data.map((r) => r.author)).toContain('Person 0');
  });

  it('JSON imports into a new session whose export is identical but for its id and code', async () => {
    const original = await (await get(`/api/sessions/${s.sessionId}/export.json`, s.facilitatorKey)).json();
    expect(original).toMatchObject({ schemaVersion: 1, kind: 'session' });
    const res = await fetch(`${server.url}/api/sessions/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(original) });
    expect(res.status).toBe(201);
    const imported = await res.json();
    expect(imported.facilitatorKey).not.toBe(s.facilitatorKey);
    const again = await (await get(`/api/sessions/${imported.sessionId}/export.json`, imported.facilitatorKey)).json();
    const normalise = (x: { sessionId: string; events: { data: Record<string, unknown> }[] }) => ({ ...x, sessionId: '', events: x.events.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, id: '', joinCode: '' } } : e)) });
    expect(normalise(again)).toEqual(normalise(original));
    const md = await (await get(`/api/sessions/${imported.sessionId}/export.md`, imported.facilitatorKey)).text();
    expect(md).toContain('lobby for our shared interests');
    const bad = await fetch(`${server.url}/api/sessions/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...original, events: [{ seq: 1, at: 0, type: 'session.created', data: { type: 'session.created', evil: true } }] }) });
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
    const res = await fetch(`${server.url}/api/programmes/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    expect(res.status).toBe(201);
    const copy = await res.json();
    const dash2 = await (await get(`/api/programmes/${copy.programmeId}`, copy.coordinatorKey)).json();
    expect(dash2.sessions.map((x: { answers: number }) => x.answers)).toEqual([TRICKY.length + 3]);
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
