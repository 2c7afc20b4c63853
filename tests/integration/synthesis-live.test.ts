import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient } from '../support/clients.js';

let server: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.cleanup();
  server = null;
});

const WHY = [
  ['lobby for our shared interests', 'find funding and subsidies'],
  ['represent the interests of members towards politicians', 'access to financing, loans and grants'],
  ['advocacy for common interests', 'we like coffee'],
];

/** Three groups answer "Why a network?"; the round ends and the synthesis is there. */
async function plenaryWithSynthesis() {
  server = await startTestServer();
  const s = await createSession(server.url);
  const fac = await facilitatorClient(server.url, s);
  clients.push(fac);
  const people: TestClient[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await new TestClient(server.url).connected();
    clients.push(c);
    await c.join(s.joinCode, { name: `P${i}`, organisation: `O${i}` });
    people.push(c);
  }
  await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 3 } });
  await fac.ok('round.start', { durationSeconds: 600 });
  await eventually(() => people.every((p) => p.view?.phase === 'breakout'));
  const why = fac.view!.prompts[0].id;
  for (const [i, p] of people.entries()) for (const text of WHY[i]) await p.ok('answer.add', { promptId: why, text });
  await fac.ok('round.end');
  await eventually(() => fac.view!.synthesis !== null, 5000, 'synthesis after the round');
  return { s, fac, people, why };
}

const themesOf = (c: TestClient, promptId: string) => c.view!.synthesis!.prompts.find((p) => p.promptId === promptId)!.themes;

describe('the synthesis in a live session', () => {
  it('is computed when the round ends, and reaches participants only once published', async () => {
    const { fac, people, why } = await plenaryWithSynthesis();
    const themes = themesOf(fac, why);
    expect(themes.length).toBeGreaterThanOrEqual(2);
    expect(themes[0]).toMatchObject({ consensus: true });
    expect(themes[0].groupIds).toHaveLength(3);
    expect(people[0].view!.synthesis).toBeNull();
    await fac.ok('synthesis.publish', { published: true });
    await eventually(() => people.every((p) => p.view!.synthesis?.published === true), 5000, 'published everywhere');
    // Participants see every group's answers that the synthesis is made of, even other groups'.
    const doc = people[0].view!.synthesis!;
    expect(Object.values(doc.answers).map((a) => a.text)).toContain(WHY[2][0]);
  });

  it('keeps every curation decision when it is re-run after more answers', async () => {
    const { fac, people, why } = await plenaryWithSynthesis();
    const [advocacy, funding] = themesOf(fac, why);
    await fac.ok('synthesis.renameTheme', { themeId: advocacy.id, label: 'Represent common interests' });
    await fac.ok('synthesis.setConsensus', { themeId: funding.id, consensus: false });
    const coffee = fac.view!.synthesis!.prompts[0].otherAnswerIds[0];
    await fac.ok('synthesis.moveAnswer', { answerId: coffee, themeId: funding.id });
    await fac.ok('synthesis.editSummary', { promptId: why, summary: 'Our own words.' });
    // A second round brings more answers, then the synthesis runs again.
    await fac.ok('round.start', { durationSeconds: 600 });
    // Plainly the same idea as the curated theme: this test is about keeping curation, not about the engine's reach.
    await people[0].ok('answer.add', { promptId: why, text: 'lobby together for our common interests' });
    await fac.ok('round.end');
    await fac.ok('synthesis.run');
    await eventually(() => Object.keys(fac.view!.synthesis!.answers).length === 7, 5000, 'rerun with the new answer');
    const after = themesOf(fac, why);
    const renamed = after.find((t) => t.id === advocacy.id)!;
    expect(renamed.label).toBe('Represent common interests');
    expect(renamed.answerIds).toHaveLength(4); // the new lobbying answer joined the curated theme
    const fundingAfter = after.find((t) => t.id === funding.id)!;
    expect(fundingAfter.consensus).toBe(false);
    expect(fundingAfter.answerIds).toContain(coffee);
    expect(fac.view!.synthesis!.prompts[0].summary).toBe('Our own words.');
  });

  it('counts dot-votes live, within each participant’s allowance; only facilitators curate', async () => {
    const { fac, people, why } = await plenaryWithSynthesis();
    const [first] = themesOf(fac, why);
    expect(await people[0].command('vote.cast', { themeId: first.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await fac.ok('synthesis.publish', { published: true });
    await fac.ok('votes.open', { votesPerParticipant: 2 });
    await people[0].ok('vote.cast', { themeId: first.id });
    await people[0].ok('vote.cast', { themeId: first.id });
    expect(await people[0].command('vote.cast', { themeId: first.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await people[1].ok('vote.cast', { themeId: first.id });
    const count = (c: TestClient) =>
      Object.values(c.view!.synthesis!.votes)
        .flat()
        .filter((id) => id === first.id).length;
    await eventually(() => [fac, ...people].every((c) => count(c) === 3), 5000, 'votes everywhere');
    await people[0].ok('vote.retract', { themeId: first.id });
    await eventually(() => count(people[2]) === 2, 5000, 'retraction seen');
    expect(await people[0].command('synthesis.renameTheme', { themeId: first.id, label: 'mine now' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await people[0].command('synthesis.publish', { published: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hidden themes never reach participants', async () => {
    const { fac, people, why } = await plenaryWithSynthesis();
    const [first] = themesOf(fac, why);
    await fac.ok('synthesis.hideTheme', { themeId: first.id, hidden: true });
    await fac.ok('synthesis.publish', { published: true });
    await eventually(() => people[1].view!.synthesis?.published === true);
    expect(themesOf(people[1], why).some((t) => t.id === first.id)).toBe(false);
    expect(themesOf(fac, why).some((t) => t.id === first.id)).toBe(true);
  });
});
