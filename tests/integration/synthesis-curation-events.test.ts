import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { startTestServer, type TestServer, TEST_OPERATOR_TOKEN } from '../support/test-server.js';
import { TestClient, eventually, expectOk, facilitatorClient } from '../support/clients.js';
import { answerTexts, importSessionWithAnswers } from '../support/big-session.js';

let server: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
});

const OPEN: { perSocket: [number, number]; answers: [number, number] } = { perSocket: [100_000, 100_000], answers: [100_000, 100_000] };
const ANSWERS = 1500;

const ofType = (c: TestClient, type: string, after = 0) => c.received.filter((e: EventEnvelope) => e.event.type === type && e.seq > after);
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

/** A participant's view as a fresh attach (a snapshot) gives it, to compare with the one kept from live events. */
async function snapshotOf(url: string, sessionId: string, token: string) {
  const c = await new TestClient(url).connected();
  clients.push(c);
  expectOk(await c.attach(sessionId, { kind: 'participant', token }));
  return c.view!;
}

describe('curation in a big live session', () => {
  it('travels as small events; participants stay right and never hear of hidden or unpublished themes', async () => {
    server = await startTestServer({ rateLimits: OPEN });
    const s = await importSessionWithAnswers(server.url, answerTexts(ANSWERS, 5), { groups: 6, operatorToken: TEST_OPERATOR_TOKEN });
    const fac = await facilitatorClient(server.url, s);
    clients.push(fac);
    const people: TestClient[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await new TestClient(server.url).connected();
      clients.push(c);
      await c.join(s.joinCode, { name: `P${i}` });
      people.push(c);
    }
    await fac.ok('synthesis.run');
    await eventually(() => fac.view!.synthesis !== null, 20_000, 'the synthesis');
    const doc = () => fac.view!.synthesis!;
    expect(Object.keys(doc().answers)).toHaveLength(ANSWERS);
    const themes = () => doc().prompts[0].themes;
    expect(themes().length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = themes();

    // Unpublished: the facilitators hear a small rename, participants nothing.
    let seq = fac.view!.seq;
    await fac.ok('synthesis.renameTheme', { themeId: first.id, label: 'Draft label' });
    await eventually(() => ofType(fac, 'synthesis.themeRenamed', seq).length === 1, 5000, 'the rename');
    await fac.ok('synthesis.publish', { published: true });
    await eventually(() => people.every((p) => p.view!.synthesis?.published === true), 10_000, 'published everywhere');
    expect(people.flatMap((p) => ofType(p, 'synthesis.themeRenamed'))).toEqual([]);

    // Published: one rename is one small event for everyone, while the document is big.
    seq = fac.view!.seq;
    await fac.ok('synthesis.renameTheme', { themeId: first.id, label: 'Lobbying together' });
    await eventually(() => [fac, ...people].every((c) => ofType(c, 'synthesis.themeRenamed', seq).length === 1), 5000, 'the rename everywhere');
    for (const c of [fac, ...people]) expect(bytes(ofType(c, 'synthesis.themeRenamed', seq)[0])).toBeLessThan(1024);
    expect(bytes(doc())).toBeGreaterThan(100_000);
    for (const p of people) expect(p.view!.synthesis!.prompts[0].themes.find((t) => t.id === first.id)!.label).toBe('Lobbying together');

    // More curation, shown and hidden; then every participant's live view equals a fresh snapshot.
    await fac.ok('synthesis.mergeThemes', { themeIds: [first.id, second.id] });
    await eventually(() => !themes().some((t) => t.id === second.id), 5000, 'the merge');
    await fac.ok('synthesis.moveAnswer', { answerId: themes().find((t) => t.id === first.id)!.answerIds[0], themeId: null });
    await fac.ok('synthesis.hideTheme', { themeId: third.id, hidden: true });
    seq = fac.view!.seq;
    await fac.ok('synthesis.renameTheme', { themeId: third.id, label: 'SECRET hidden label' });
    await fac.ok('synthesis.setConsensus', { themeId: first.id, consensus: true });
    await eventually(() => people.every((p) => ofType(p, 'synthesis.consensusSet', seq).length === 1), 5000, 'the last step everywhere');
    for (const p of people) {
      expect(JSON.stringify(p.received.filter((e) => e.event.type !== 'synthesis.updated'))).not.toContain('SECRET');
      expect(p.view!.synthesis!.prompts[0].themes.some((t) => t.id === third.id)).toBe(false);
      const fresh = await snapshotOf(server.url, s.sessionId, p.token!);
      expect(p.view!.synthesis).toEqual(fresh.synthesis);
    }
    // Only the run, the publication and the hiding travelled whole.
    expect(ofType(fac, 'synthesis.updated').length).toBe(3);
  }, 60_000);

  it('a fresh draft travels without the texts every reader holds; each view has them, and equals a fresh snapshot', async () => {
    server = await startTestServer({ rateLimits: OPEN });
    const texts = answerTexts(ANSWERS, 7);
    const s = await importSessionWithAnswers(server.url, texts, { groups: 6, operatorToken: TEST_OPERATOR_TOKEN });
    const fac = await facilitatorClient(server.url, s);
    const person = await new TestClient(server.url).connected();
    clients.push(fac, person);
    await person.join(s.joinCode, { name: 'P' });
    await fac.ok('synthesis.run');
    await eventually(() => fac.view!.synthesis !== null, 20_000, 'the synthesis');

    // On the wire and in the log: themes and answer ids, no texts (which are most of a whole document).
    const [draft] = ofType(fac, 'synthesis.updated');
    if (draft.event.type !== 'synthesis.updated') throw new Error('unreachable');
    expect(draft.event.synthesis?.answers).toBeUndefined();
    expect(bytes(draft)).toBeLessThan(bytes(fac.view!.synthesis) / 2);
    // The facilitator's view has every text back, as the server's state (a fresh attach) has it.
    expect(Object.keys(fac.view!.synthesis!.answers)).toHaveLength(ANSWERS);
    const quoted = Object.values(fac.view!.synthesis!.answers).map((a) => a.text);
    expect(new Set(quoted)).toEqual(new Set(texts));
    const again = await facilitatorClient(server.url, s);
    clients.push(again);
    expect(again.view!.synthesis).toEqual(fac.view!.synthesis);

    // Participants hold their own group's answers only: the published document reaches them with the texts.
    await fac.ok('synthesis.publish', { published: true });
    await eventually(() => person.view!.synthesis?.published === true, 10_000, 'published');
    const shown = person.view!.synthesis!;
    const cited = shown.prompts.flatMap((p) => [...p.themes.flatMap((t) => t.answerIds), ...p.otherAnswerIds]);
    expect(cited.length).toBeGreaterThan(ANSWERS / 2);
    for (const id of cited) expect(shown.answers[id]?.text).toBe(fac.view!.synthesis!.answers[id].text);
    // A run while published: the new draft also reaches them whole, texts included, as a fresh snapshot has it.
    const seq = person.view!.seq;
    await fac.ok('synthesis.run', { threshold: 0.3 });
    await eventually(() => ofType(person, 'synthesis.updated', seq).length === 1, 20_000, 'the new draft');
    expect(Object.keys(person.view!.synthesis!.answers).length).toBeGreaterThan(ANSWERS / 2);
    expect(person.view!.synthesis).toEqual((await snapshotOf(server.url, s.sessionId, person.token!)).synthesis);
  }, 60_000);
});
