import { afterEach, describe, expect, it } from 'vitest';
import type { CommandTimingSummary } from '../../server/sessions/command-timings.js';
import { TestClient, createSession, expectOk, facilitatorClient } from '../support/clients.js';
import { startTestServer, TEST_OPERATOR_TOKEN, type TestServer } from '../support/test-server.js';

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function timings(url: string, token: string | null = TEST_OPERATOR_TOKEN): Promise<Partial<CommandTimingSummary> | undefined> {
  const res = await fetch(`${url}/healthz`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return ((await res.json()) as { metrics?: CommandTimingSummary }).metrics;
}

/** Holds the store's thread in every commit, as a slow disk would. */
const SLOW_COMMIT_MS = 25;
const slowDisk = () => {
  const until = performance.now() + SLOW_COMMIT_MS;
  while (performance.now() < until);
};

describe("the operator's /healthz: where committed commands spend their time", () => {
  it('reports the durable commit inside each command, and starts again from zero after a reset', async () => {
    const server: TestServer = await startTestServer({ beforeCommit: slowDisk });
    cleanups.push(() => server.cleanup());
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    const p = await new TestClient(server.url).connected();
    cleanups.push(() => [fac, p].forEach((c) => c.close()));
    await p.join(s.joinCode, { name: 'Ana', organisation: 'Org' });
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'size', size: 4 } });
    await fac.ok('round.start', { durationSeconds: 600 });

    await fetch(`${server.url}/healthz/reset-metrics`, { method: 'POST' });
    expect(await timings(server.url)).toMatchObject({ commands: 0 });
    for (let i = 0; i < 5; i++) expectOk(await p.command('answer.add', { promptId: fac.view!.prompts[0].id, text: `Idea ${i}` }));

    const t = (await timings(server.url))!;
    expect(t.commands).toBe(5);
    // Every commit waited for the slow disk, and the command's time holds its commit's.
    expect(t.commitMsP50).toBeGreaterThanOrEqual(SLOW_COMMIT_MS * 0.9);
    expect(t.commandMsP50).toBeGreaterThanOrEqual(t.commitMsP50!);
    expect(t.commandMsP95).toBeGreaterThanOrEqual(t.commandMsP50!);
    // A stranger learns nothing of the load.
    expect(await timings(server.url, null)).toBeUndefined();
  });
});
