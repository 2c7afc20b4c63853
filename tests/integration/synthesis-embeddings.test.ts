import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, TEST_OPERATOR_TOKEN } from '../support/test-server.js';
import { type TestClient, eventually, expectOk, facilitatorClient } from '../support/clients.js';
import { importSessionWithAnswers } from '../support/big-session.js';
import { fakeEmbeddings, type FakeEmbeddings } from '../support/fake-embeddings.js';

let server: TestServer | null = null;
let fake: FakeEmbeddings | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  await fake?.close();
  server = null;
  fake = null;
});

/** Answers 0 and 3 land on the first prompt, from different groups, and share no word. */
const TEXTS = [
  'apple orchards in spring',
  'lobby for our shared interests',
  'find funding and subsidies',
  'repairing old bicycles',
  'represent the interests of members towards politicians',
  'access to financing, loans and grants',
  'advocacy for common interests',
];
const SAME_MEANING = new Set([TEXTS[0], TEXTS[3]]);

/** The fake's meaning of a text: the two "paraphrases" point the same way, every other text its own way. */
function meaning(text: string): number[] {
  const v = new Array<number>(16).fill(0);
  v[SAME_MEANING.has(text) ? 0 : 1 + ((TEXTS.indexOf(text) >= 0 ? TEXTS.indexOf(text) : 15) % 15)] = 1;
  return v;
}

async function roomWith(embeddings: { url: string; timeoutMs?: number }) {
  server = await startTestServer({ embeddings: { url: embeddings.url, model: 'nomic-embed-text', timeoutMs: embeddings.timeoutMs ?? 5000 } });
  const s = await importSessionWithAnswers(server.url, TEXTS, { groups: 4, operatorToken: TEST_OPERATOR_TOKEN });
  const fac = await facilitatorClient(server.url, s);
  clients.push(fac);
  return { s, fac };
}

const themesOf = (c: TestClient) => c.view!.synthesis!.prompts.flatMap((p) => p.themes);

describe('semantic synthesis with an operator’s embedding server', () => {
  for (const api of ['ollama', 'openai'] as const) {
    it(`${api}: the answers' texts reach the server once, and the doc says the semantic engine made it`, async () => {
      fake = await fakeEmbeddings({ api, vector: meaning });
      const { fac } = await roomWith({ url: fake.url });
      expectOk(await fac.command('synthesis.run'));
      await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
      expect(fac.view!.synthesis!.engine).toEqual({ kind: 'semantic' });
      expect([...fake.texts].sort()).toEqual([...TEXTS].sort());
      expect(new Set(fake.models)).toEqual(new Set(['nomic-embed-text']));
      // A re-run embeds nothing again: the vectors are cached by text.
      expectOk(await fac.command('synthesis.run'));
      expect(fake.texts).toHaveLength(TEXTS.length);
    });
  }

  it('answers the embedding server says mean the same land in one theme, though they share no word', async () => {
    fake = await fakeEmbeddings({ api: 'ollama', vector: meaning });
    const { fac } = await roomWith({ url: fake.url });
    expectOk(await fac.command('synthesis.run'));
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
    const doc = fac.view!.synthesis!;
    const idOf = (text: string) => Object.entries(doc.answers).find(([, a]) => a.text === text)![0];
    const theme = themesOf(fac).find((t) => t.answerIds.includes(idOf(TEXTS[0])));
    expect(theme?.answerIds).toContain(idOf(TEXTS[3]));
  });

  it('a failing embedding server: the lexical engine answers, the doc says why, the session goes on', async () => {
    fake = await fakeEmbeddings({ api: 'ollama', vector: meaning, fail: true });
    const { fac, s } = await roomWith({ url: fake.url });
    expectOk(await fac.command('synthesis.run'));
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
    expect(fac.view!.synthesis!.engine).toMatchObject({ kind: 'lexical', fallbackReason: expect.stringContaining('HTTP 500') });
    expect(themesOf(fac).length).toBeGreaterThan(0);
    expectOk(await fac.command('answer.add', { promptId: fac.view!.prompts[0].id, text: 'one more idea', groupId: s.groupIds[0] }));
  });

  it('a slow embedding server: the run falls back after the time-out instead of waiting for it', async () => {
    // It would answer only long after the test: the run must give up on it at the time-out and go on.
    fake = await fakeEmbeddings({ api: 'openai', vector: meaning, delayMs: 60_000 });
    const { fac } = await roomWith({ url: fake.url, timeoutMs: 300 });
    expectOk(await fac.command('synthesis.run'));
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
    expect(fac.view!.synthesis!.engine).toEqual({ kind: 'lexical', fallbackReason: 'the embedding server did not answer within 300 ms' });
    expect(fake.requests).toBe(1);
  });

  it('an embedding server that cannot be reached: the lexical engine answers', async () => {
    fake = await fakeEmbeddings({ api: 'ollama', vector: meaning });
    const url = fake.url;
    await fake.close();
    fake = null;
    const { fac } = await roomWith({ url });
    expectOk(await fac.command('synthesis.run'));
    await eventually(() => fac.view!.synthesis !== null, 10_000, 'the synthesis');
    expect(fac.view!.synthesis!.engine).toMatchObject({ kind: 'lexical', fallbackReason: expect.stringContaining('could not be reached') });
  });
});
