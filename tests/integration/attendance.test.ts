import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, facilitatorClient, type CreatedSession } from '../support/clients.js';

/*
 * Issue 16 through the real HTTP API and sockets: a programme of three sessions whose participants come from
 * partly the same organisations (spelt differently), its partner list, the indicators, and the attendance exports
 * read back with papaparse and jszip.
 */

interface Person {
  name: string;
  organisation: string;
  country: string;
  organisationType?: string;
  attendanceConsent?: boolean;
}

const PARTNERS = {
  partners: [
    { name: 'ENSIE', aliases: ['European Network of Social Integration Enterprises'] },
    { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden en Gemeenten'] },
  ],
};

const SESSIONS: { language: string; date: string; people: Person[] }[] = [
  {
    language: 'en',
    date: '2026-03-02',
    people: [
      { name: 'Ann Peeters', organisation: 'VVSG', country: 'België', organisationType: 'public', attendanceConsent: true },
      { name: 'Bo Jensen', organisation: 'Ashoka', country: 'Denmark', organisationType: 'ngo', attendanceConsent: false },
      { name: 'Cy Maes', organisation: 'ENSIE', country: 'België', organisationType: 'social-enterprise', attendanceConsent: true },
    ],
  },
  {
    language: 'fr',
    date: '2026-04-06',
    people: [
      { name: 'Di Dubois', organisation: 'European Network of Social Integration Enterprises', country: 'België', attendanceConsent: true },
      { name: 'Ed Holm', organisation: 'ashoka', country: 'Denmark', organisationType: 'ngo', attendanceConsent: true },
      // No consent given at all (an older client, or the box left alone): counted, not named.
      { name: 'Fi Lund', organisation: 'Kommune Aarhus', country: 'Denmark', organisationType: 'public' },
    ],
  },
  {
    language: 'en',
    date: '2026-05-04',
    people: [
      { name: 'Gu Claes', organisation: 'Stad Gent', country: 'België', organisationType: 'public', attendanceConsent: true },
      { name: 'Ha Wouters', organisation: 'Vereniging van Vlaamse Steden en Gemeenten', country: 'België', attendanceConsent: true },
    ],
  },
];

let server: TestServer;
let programme: { programmeId: string; coordinatorKey: string };
const sessions: CreatedSession[] = [];
const clients: TestClient[] = [];

const call = (method: string, path: string, key: string | null, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

beforeAll(async () => {
  server = await startTestServer();
  programme = await (await call('POST', '/api/programmes', null, { name: 'Five peer-learning sessions', organisers: ['ENSIE'], languages: ['en'] })).json();
  for (const plan of SESSIONS) {
    const res = await call('POST', '/api/sessions', programme.coordinatorKey, {
      template: 'core-drives',
      language: plan.language,
      date: plan.date,
      programmeId: programme.programmeId,
    });
    expect(res.status).toBe(201);
    const s: CreatedSession = await res.json();
    sessions.push(s);
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    for (const person of plan.people) {
      const c = await new TestClient(server.url).connected();
      clients.push(c);
      await c.join(s.joinCode, person).catch((e) => {
        throw new Error(`join ${person.name}: ${e}`);
      });
    }
    // One group per session, which writes: who worked with whom is then known to the test.
    const formed = await fac.ok<{ groupIds: string[] }>('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    const promptId = fac.view!.prompts[0].id;
    await fac.ok('answer.add', { promptId, text: 'A shared lobbying agenda', groupId: formed.result!.groupIds[0] });
  }
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.cleanup();
});

const indicators = async () => {
  const res = await call('GET', `/api/programmes/${programme.programmeId}/indicators`, programme.coordinatorKey);
  expect(res.status).toBe(200);
  return (await res.json()).indicators;
};

describe('programme partners and indicators', () => {
  it('without a partner list every organisation is external, and long names are not yet joined to their acronyms', async () => {
    const i = await indicators();
    // ENSIE and its long name, VVSG and its long name: four organisations until the aliases say otherwise.
    expect(i.total).toMatchObject({ sessions: 3, participants: 8, organisations: 7, partnerOrganisations: 0, externalOrganisations: 7 });
  });

  it('the coordinator lists partners with aliases; spelling variants count as one organisation', async () => {
    const put = await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, PARTNERS);
    expect(put.status).toBe(200);
    const i = await indicators();
    expect(
      i.sessions.map((s: Record<string, number>) => [
        s.participants,
        s.organisations,
        s.partnerOrganisations,
        s.externalOrganisations,
        s.countries,
        s.crossBorderGroups,
        s.crossBorderOrganisations,
      ]),
    ).toEqual([
      [3, 3, 2, 1, 2, 1, 3],
      [3, 3, 1, 2, 2, 1, 3],
      [2, 2, 1, 1, 1, 0, 0],
    ]);
    // VVSG, ENSIE, Ashoka, Kommune Aarhus, Stad Gent; België and Denmark; Ashoka and ENSIE crossed borders twice, counted once.
    expect(i.total).toEqual({
      sessions: 3,
      participants: 8,
      organisations: 5,
      partnerOrganisations: 2,
      externalOrganisations: 3,
      countries: 2,
      crossBorderGroups: 2,
      crossBorderOrganisations: 4,
    });
  });

  it('lists every organisation met with its tag, and takes the coordinator’s correction', async () => {
    const before = await (await call('GET', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey)).json();
    expect(before.organisations).toContainEqual({ name: 'Stad Gent', tag: 'external', corrected: false, participants: 1 });
    expect(before.organisations).toContainEqual({ name: 'ENSIE', tag: 'partner', corrected: false, participants: 2 });
    const put = await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, {
      ...PARTNERS,
      corrections: [{ organisation: 'stad gent', tag: 'partner' }],
    });
    expect(put.status).toBe(200);
    const after = await (await call('GET', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey)).json();
    expect(after.organisations).toContainEqual({ name: 'Stad Gent', tag: 'partner', corrected: true, participants: 1 });
    expect((await indicators()).total).toMatchObject({ organisations: 5, partnerOrganisations: 3, externalOrganisations: 2 });
  });

  it('refuses bad input and other keys, always as { ok: false, error }', async () => {
    const bad = await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, {
      partners: [{ name: '' }],
      corrections: [{ organisation: 'x', tag: 'friend' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const extra = await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, { partners: [], sneaky: 1 });
    expect(extra.status).toBe(400);
    const asFacilitator = await call('GET', `/api/programmes/${programme.programmeId}/indicators`, sessions[0].facilitatorKey);
    expect(asFacilitator.status).toBe(403);
    expect((await asFacilitator.json()).ok).toBe(false);
    expect((await call('GET', `/api/programmes/${programme.programmeId}/partners`, null)).status).toBe(401);
    const otherFacilitator = await call('GET', `/api/sessions/${sessions[0].sessionId}/attendance.csv`, sessions[1].facilitatorKey);
    expect(otherFacilitator.status).toBe(403);
    const format = await call('GET', `/api/sessions/${sessions[0].sessionId}/attendance.pdf`, sessions[0].facilitatorKey);
    expect(format.status).toBe(404);
    expect((await format.json()).error.code).toBe('not_found');
    const mode = await call('GET', `/api/sessions/${sessions[0].sessionId}/attendance.csv?mode=hybrid`, sessions[0].facilitatorKey);
    expect(mode.status).toBe(400);
    const omit = await call('GET', `/api/sessions/${sessions[0].sessionId}/export.md?omit=everything`, sessions[0].facilitatorKey);
    expect(omit.status).toBe(400);
    expect((await omit.json()).error.code).toBe('invalid');
  });
});

describe('attendance exports', () => {
  const attendance = async (i: number, format: string, query = '', key = sessions[i].facilitatorKey) => {
    const res = await call('GET', `/api/sessions/${sessions[i].sessionId}/attendance.${format}${query}`, key);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return res;
  };

  it('CSV: only those who consented, each organisation tagged partner or external', async () => {
    const csv = await (await attendance(1, 'csv')).text();
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['session', 'date', 'place', 'number', 'name', 'organisation', 'organisation_type', 'country', 'partner_or_external']);
    // A French session: the values are in French; Fi Lund gave no consent and is not there.
    expect(parsed.data.map((r) => [r.name, r.organisation, r.organisation_type, r.partner_or_external])).toEqual([
      ['Di Dubois', 'ENSIE', '', 'partenaire'],
      ['Ed Holm', 'ashoka', 'Association ou ONG', 'externe'],
    ]);
    expect(csv).not.toContain('Fi Lund');
    expect(csv).not.toContain('Kommune Aarhus');
  });

  it('CSV follows the coordinator’s corrections', async () => {
    const rows = Papa.parse<Record<string, string>>((await (await attendance(2, 'csv', '', programme.coordinatorKey)).text()).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.name, r.organisation, r.partner_or_external])).toEqual([
      ['Gu Claes', 'Stad Gent', 'partner'],
      ['Ha Wouters', 'VVSG', 'partner'],
    ]);
  });

  it('DOCX: the names who consented, a signature column in the room, the counts of everyone', async () => {
    const buf = Buffer.from(await (await attendance(0, 'docx', '?place=Brussels')).arrayBuffer());
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toContain('Attendance list');
    expect(texts).toContain('Signature');
    expect(texts).toContain('Place: Brussels');
    expect(texts).toContain('Ann Peeters');
    expect(texts).toContain('Cy Maes');
    expect(xml).not.toContain('Bo Jensen');
    // Bo is counted: 3 participants, 2 listed by name; one signing row is left blank for whoever signs by hand.
    expect(texts).toContain('Participants: 3 (2 listed by name)');
    expect(texts).toContain('One further participant took part without consenting to be named; they are counted, not listed.');
    const rowOf = (name: string) => texts.slice(texts.indexOf(name) - 1, texts.indexOf(name) + 5);
    expect(rowOf('Ann Peeters')).toEqual(['1', 'Ann Peeters', 'VVSG', 'Public authority', 'België', 'partner']);
    expect(rowOf('Cy Maes')).toEqual(['2', 'Cy Maes', 'ENSIE', 'Social enterprise', 'België', 'partner']);
    expect(texts).toContain('Ashoka');
    expect(xml).toContain('w:tblHeader');
  });

  it('DOCX online: the organiser’s declaration instead of signatures, in the session’s language', async () => {
    const buf = Buffer.from(await (await attendance(1, 'docx', '?mode=online')).arrayBuffer());
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Liste de présence');
    expect(xml).toContain('Déclaration de l’organisateur');
    expect(xml).toContain('Lieu: En ligne');
    expect(xml).not.toContain('Signature</w:t></w:r></w:p></w:tc>');
    expect(xml).not.toContain('Fi Lund');
  });

  it('HTML: print-ready, escaped, with signature rows in the room and a declaration online', async () => {
    const room = await (await attendance(0, 'html', '?place=%3Cb%3EBrussels%3C%2Fb%3E')).text();
    expect(room).toContain('<th>Signature</th>');
    expect(room).toContain('&lt;b&gt;Brussels&lt;/b&gt;');
    expect(room.match(/<tr data-participant>/g)).toHaveLength(2);
    expect(room).not.toContain('Bo Jensen');
    expect(room).toContain('data-unlisted="1"');
    const online = await (await attendance(0, 'html', '?mode=online')).text();
    expect(online).not.toContain('<th>Signature</th>');
    expect(online).toContain('Declaration of the organiser');
  });
});

describe('reports gain attendance and indicators, each can be left out', () => {
  it('session report: both sections by default, counts respecting consent', async () => {
    const md = await (await call('GET', `/api/sessions/${sessions[0].sessionId}/export.md`, sessions[0].facilitatorKey)).text();
    expect(md).toContain('## Attendance');
    expect(md).toContain('**Participants:** 3 (2 listed by name)');
    expect(md).toContain('Ashoka (external, 1)');
    expect(md).toContain('## Indicators');
    expect(md).toContain('| Groups with organisations from 2+ countries | 1 |');
    const html = await (await call('GET', `/api/sessions/${sessions[0].sessionId}/export.html?omit=attendance`, sessions[0].facilitatorKey)).text();
    expect(html).not.toContain('>Attendance<');
    expect(html).toContain('data-indicator="crossBorderOrganisations">3<');
    const none = await (await call('GET', `/api/sessions/${sessions[0].sessionId}/export.md?omit=attendance,indicators`, sessions[0].facilitatorKey)).text();
    expect(none).not.toContain('## Attendance');
    expect(none).not.toContain('## Indicators');
  });

  it('programme report: indicators per session and for the programme, in Markdown, HTML and DOCX', async () => {
    const md = await (await call('GET', `/api/programmes/${programme.programmeId}/export.md`, programme.coordinatorKey)).text();
    expect(md).toMatch(/\| \*\*Whole programme\*\* \| 8 \| 5 \| 3 \| 2 \| 2 \| 2 \| 4 \|/);
    const docx = Buffer.from(await (await call('GET', `/api/programmes/${programme.programmeId}/export.docx`, programme.coordinatorKey)).arrayBuffer());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Whole programme');
    // The French session's own sections stay in French inside the English programme report.
    expect(xml).toContain('Indicateurs');
    const without = await (await call('GET', `/api/programmes/${programme.programmeId}/export.html?omit=indicators`, programme.coordinatorKey)).text();
    expect(without).not.toContain('Whole programme');
    expect(without).toContain('>Attendance<');
  });
});
