import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../shared/protocol/commands.js';
import { TEST_OPERATOR_TOKEN, startTestServer, type TestServer } from '../../support/test-server.js';
import { TestClient, createSession, expectOk, facilitatorClient } from '../../support/clients.js';

/**
 * Generated garbage at every entry point: commands, attach, join, invite and the HTTP API. Every payload must be
 * answered with an error (never a crash, never silence), the server's memory must stay flat, and valid commands
 * must still work afterwards. Rate limits are loosened so the fuzzer measures validation, not throttling.
 */
const RUNS = 10_000;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimits: { perSocket: [1e9, 1e9], answers: [1e9, 1e9], failedAuth: [1e9, 1e9] } });
});
afterAll(async () => {
  await server.cleanup();
});

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ minLength: 2000, maxLength: 5000 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '\u0000', '\uD800', '<script>alert(1)</script>', '=HYPERLINK("x")', '../../etc/passwd'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }),
);
const deep = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), tie('node'), { maxKeys: 3 }),
  ),
})).node;
/** Mostly well-formed commands with one field wrong, plus pure garbage. */
const payload = fc.oneof(
  deep,
  fc.record({ type: fc.constantFrom(...COMMAND_TYPES), opId: fc.oneof(fc.constant('fuzz-op-0001'), nasty) }, { requiredKeys: [] }),
  fc
    .tuple(
      fc.constantFrom(...COMMAND_TYPES),
      fc.dictionary(fc.constantFrom('promptId', 'text', 'answerId', 'groupId', 'mode', 'sizing', 'durationSeconds', 'message', 'themeId', '__proto__'), deep, {
        maxKeys: 4,
      }),
    )
    .map(([type, rest]) => ({ ...rest, type, opId: 'fuzz-op-0002' })),
);

describe('fuzzing', () => {
  it(`answers ${RUNS} generated socket payloads with an error, keeps its memory, and still works`, async () => {
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    const p = await new TestClient(server.url).connected();
    await p.join(s.joinCode, { name: 'Fuzzed' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    const heapBefore = (await (await fetch(`${server.url}/healthz`, { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } })).json()).metrics
      .heapUsedMb;
    const events = ['command', 'attach', 'join', 'invite'] as const;
    let answered = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), payload, fc.boolean(), async (event, body, asFacilitator) => {
        const client = asFacilitator ? fac : p;
        const ack = await client.emit(event, body);
        answered++;
        expect(typeof ack).toBe('object');
        if (ack.ok) accepted++;
        else expect(ack.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      }),
      { numRuns: RUNS },
    );
    expect(answered).toBe(RUNS);
    // A few generated payloads can be valid by chance (an empty invite, a known command): never most of them.
    expect(accepted).toBeLessThan(RUNS / 20);
    const heapAfter = (await (await fetch(`${server.url}/healthz`, { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } })).json()).metrics.heapUsedMb;
    expect(heapAfter - heapBefore).toBeLessThan(64);
    // Still serving: a fresh session works end to end (a fuzzed facilitator may have closed the first one, legitimately).
    fac.close();
    p.close();
    const s2 = await createSession(server.url);
    const fac2 = await facilitatorClient(server.url, s2);
    const p2 = await new TestClient(server.url).connected();
    await p2.join(s2.joinCode, { name: 'After the storm' });
    await fac2.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac2.ok('round.start', { durationSeconds: 600 });
    expectOk(await p2.command('answer.add', { promptId: fac2.view!.prompts[0].id, text: 'still standing' }));
    fac2.close();
    p2.close();
  }, 180_000);

  it('answers 2,000 generated HTTP bodies with 201 or a JSON 4xx, never a 5xx', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          deep.map((v) => JSON.stringify(v) ?? 'null'),
          fc.string(),
          fc.constantFrom('{"title":', '[]', '{"__proto__":{"x":1}}', '\u0000'),
        ),
        fc.constantFrom('/api/sessions', '/api/sessions/xyz', '/api/templates'),
        async (body, path) => {
          const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status).toBeLessThan(500);
          if (res.status !== 201) expect(await res.json()).toMatchObject({ ok: false, error: { code: expect.any(String) } });
        },
      ),
      { numRuns: 2000 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
