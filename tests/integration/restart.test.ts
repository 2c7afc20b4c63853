import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient } from '../support/clients.js';

let servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.reverse()) await s.cleanup();
  servers = [];
});

describe('restart', () => {
  it('keeps every acknowledged answer, the groups and the running round across a stop and start', async () => {
    const first = await startTestServer();
    servers.push(first);
    const s = await createSession(first.url);
    const fac = await facilitatorClient(first.url, s);
    const people: TestClient[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await new TestClient(first.url).connected();
      await c.join(s.joinCode, { name: `P${i}`, organisation: `O${i % 2}` });
      people.push(c);
    }
    await fac.ok('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 900 });
    const prompt = fac.view!.prompts[0].id;
    await eventually(() => people.every((p) => p.view?.phase === 'breakout'));
    // Fire answers without waiting in between, as a busy room does; keep the ones that were acknowledged.
    const acks = await Promise.all(people.flatMap((p, i) => [1, 2, 3].map((n) => p.command('answer.add', { promptId: prompt, text: `P${i} idea ${n}` }))));
    const acknowledged = acks.filter((a) => a.ok).map((a) => (a.ok ? (a.result as { answerId: string }).answerId : ''));
    expect(acknowledged).toHaveLength(12);
    const tokens = people.map((p) => p.token!);
    const roundBefore = fac.view!.round;
    for (const c of [fac, ...people]) c.close();
    await first.stop();

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    const fac2 = await facilitatorClient(second.url, s);
    expect(Object.keys(fac2.view!.answers).sort()).toEqual([...acknowledged].sort());
    expect(fac2.view!.phase).toBe('breakout');
    expect(fac2.view!.round).toEqual(roundBefore);
    // A participant comes back as themselves, in their group, with everything they wrote.
    const back = await new TestClient(second.url).connected();
    expectOk(await back.attach(s.sessionId, { kind: 'participant', token: tokens[0] }));
    const mine = Object.values(back.view!.answers).filter((a) => a.authorId === back.participantId);
    expect(mine.map((a) => a.text).sort()).toEqual(['P0 idea 1', 'P0 idea 2', 'P0 idea 3']);
    expect(back.view!.participants[back.participantId!].groupId).toBeTruthy();
    fac2.close();
    back.close();
  });

  it('ends a round on time by the server clock, also when the round was started before a restart', async () => {
    const first = await startTestServer();
    servers.push(first);
    const s = await createSession(first.url);
    const fac = await facilitatorClient(first.url, s);
    const p = await new TestClient(first.url).connected();
    await p.join(s.joinCode, { name: 'Solo' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await fac.ok('round.start', { durationSeconds: 10 });
    fac.close();
    p.close();
    await first.stop();
    // Restart with a clock 10 s ahead: the timer resumes and fires at once.
    const second = await startTestServer({ dataDir: first.dataDir, now: () => Date.now() + 10_500 });
    servers.push(second);
    const fac2 = await facilitatorClient(second.url, s);
    await eventually(() => fac2.view!.phase === 'plenary', 5000, 'round ended by the timer');
    expect(fac2.view!.round!.endedAt).not.toBeNull();
    const log = await second.app.registry.store.readEvents(s.sessionId, 0);
    expect(log.filter((e) => e.type === 'round.ended').map((e) => e.data)).toEqual([{ type: 'round.ended', reason: 'timer' }]);
    fac2.close();
  });
});
