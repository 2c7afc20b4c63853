import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR_TOKEN, startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, type CreatedSession } from '../support/clients.js';

/*
 * Issue 16, item 1's leftovers: a partner organisation may carry its address (Erasmus+ asks for the sending
 * organisation's address), shown on the attendance list when known; and the programme's JSON export carries its
 * partner list, which an import restores.
 */
const ADDRESS = 'Bischoffsheimlaan 1-8, 1000 Brussel';
const PARTNERS = {
  partners: [
    { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden en Gemeenten'], address: `Bischoffsheimlaan 1-8\n1000 Brussel` },
    { name: 'ENSIE', aliases: [], address: '' },
  ],
  corrections: [{ organisation: 'Stad Gent', tag: 'partner' }],
};

let server: TestServer;
let programme: { programmeId: string; coordinatorKey: string };
let s: CreatedSession;
const clients: TestClient[] = [];

const call = (method: string, path: string, key: string | null, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

beforeAll(async () => {
  server = await startTestServer();
  programme = await (await call('POST', '/api/programmes', null, { name: 'Peer-learning in Flanders', organisers: ['VVSG'], languages: ['en'] })).json();
  expect((await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, PARTNERS)).status).toBe(200);
  const res = await call('POST', '/api/sessions', programme.coordinatorKey, { template: 'core-drives', language: 'en', programmeId: programme.programmeId });
  s = await res.json();
  for (const person of [
    { name: 'Ann', organisation: 'Vereniging van Vlaamse Steden en Gemeenten', country: 'België', attendanceConsent: true },
    { name: 'Bo', organisation: 'ENSIE', country: 'Denmark', attendanceConsent: true },
    { name: 'Cy', organisation: 'Stad Gent', country: 'België', attendanceConsent: true },
  ]) {
    const c = await new TestClient(server.url).connected();
    clients.push(c);
    await c.join(s.joinCode, person);
  }
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.cleanup();
});

describe('a partner organisation’s address', () => {
  it('is kept on one line, and an empty one is no address', async () => {
    const body = await (await call('GET', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey)).json();
    expect(body.partners.partners).toEqual([
      { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden en Gemeenten'], address: ADDRESS },
      { name: 'ENSIE', aliases: [] },
    ]);
  });

  it('is refused when too long, with the field named', async () => {
    const res = await call('PUT', `/api/programmes/${programme.programmeId}/partners`, programme.coordinatorKey, {
      partners: [{ name: 'VVSG', address: 'x'.repeat(301) }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('address');
  });

  it('shows on the attendance list (CSV and print-ready HTML) next to the organisation it belongs to', async () => {
    const csv = await (await call('GET', `/api/sessions/${s.sessionId}/attendance.csv`, s.facilitatorKey)).text();
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // The address column comes last, so the others keep their places.
    expect(parsed.meta.fields?.at(-1)).toBe('organisation_address');
    expect(parsed.data.map((r) => [r.name, r.organisation, r.organisation_address])).toEqual([
      ['Ann', 'VVSG', ADDRESS],
      ['Bo', 'ENSIE', ''],
      ['Cy', 'Stad Gent', ''],
    ]);
    const html = await (await call('GET', `/api/sessions/${s.sessionId}/attendance.html?mode=room`, s.facilitatorKey)).text();
    expect(html).toContain('<th>Address of the organisation</th>');
    expect(html).toMatch(/<td>VVSG<\/td><td>Bischoffsheimlaan 1-8, 1000 Brussel<\/td>/);
    // The partner tag is still the cell that carries its class.
    expect(html).toMatch(/<td class="tag-partner">partner<\/td>/);
  });
});

describe('the programme’s JSON export', () => {
  it('carries the partner list (tag corrections only with names), and an import restores it', async () => {
    const anonymous = await (await call('GET', `/api/programmes/${programme.programmeId}/export.json`, programme.coordinatorKey)).json();
    expect(anonymous.partners.partners[0]).toMatchObject({ name: 'VVSG', address: ADDRESS });
    expect(anonymous.partners.corrections).toEqual([]);
    const full = await (await call('GET', `/api/programmes/${programme.programmeId}/export.json?names=1`, programme.coordinatorKey)).json();
    expect(full.partners.corrections).toEqual([{ organisation: 'Stad Gent', tag: 'partner' }]);

    const res = await call('POST', '/api/programmes/import', TEST_OPERATOR_TOKEN, full);
    expect(res.status).toBe(201);
    const imported = await res.json();
    const partners = await (await call('GET', `/api/programmes/${imported.programmeId}/partners`, imported.coordinatorKey)).json();
    expect(partners.partners.partners).toEqual([
      { name: 'VVSG', aliases: ['Vereniging van Vlaamse Steden en Gemeenten'], address: ADDRESS },
      { name: 'ENSIE', aliases: [] },
    ]);
    expect(partners.partners.corrections).toEqual([{ organisation: 'Stad Gent', tag: 'partner' }]);
  });
});
