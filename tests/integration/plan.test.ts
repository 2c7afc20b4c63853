import JSZip from 'jszip';
import { nanoid } from 'nanoid';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextBlock, type PlanBlock } from '../../shared/domain/plan.js';
import { planTemplateById } from '../../shared/domain/plan-templates.js';
import { runBlock, type PlanDriver } from '../../client/features/plan/run.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient, type CreatedSession } from '../support/clients.js';

/**
 * The session plan over a real server and real sockets: laid out from a template, stepped through with the same
 * stages the console's button runs (client/features/plan/run.ts), and shown as planned and as run in the report.
 */
let server: TestServer;
let s: CreatedSession;
let fac: TestClient;
const people: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  s = await createSession(server.url, { template: 'core-drives', language: 'en' });
  fac = await facilitatorClient(server.url, s);
});
afterAll(async () => {
  for (const c of [fac, ...people]) c.close();
  await server.cleanup();
});

/**
 * The console's driver, over the test's socket client. Commands wait as long as a busy shared machine needs: the
 * first round.end of a process runs the synthesis engine, which loads its language data first.
 */
const driver = (): PlanDriver => ({
  send: async (c) => {
    const started = Date.now();
    const socket = fac.socket as unknown as Socket;
    return socket
      .timeout(90_000)
      .emitWithAck('command', { type: c.type, opId: nanoid(12), ...(c.payload as Record<string, unknown>) })
      .catch((err: Error) => {
        throw new Error(`${c.type} after ${Date.now() - started} ms: ${err.message}`);
      });
  },
  state: () => fac.view,
  waitForSeq: (seq) => eventually(() => (fac.view?.seq ?? 0) >= seq, 10_000, `seq ${seq}`),
});

async function step(): Promise<PlanBlock> {
  const block = nextBlock(fac.view!.plan)!;
  const failed = await runBlock(block, driver());
  expect(failed, `${block.title}: ${failed && !failed.ok ? failed.error.message : ''}`).toBeNull();
  return block;
}

async function join(name: string, organisation: string, country: string) {
  const c = await new TestClient(server.url).connected();
  await c.join(s.joinCode, { name, organisation, country });
  people.push(c);
  return c;
}

async function write(texts: string[]) {
  const promptId = fac.view!.prompts[0].id;
  for (const [i, text] of texts.entries()) {
    const c = people[i % people.length];
    await eventually(() => c.view?.phase === 'breakout' && !!c.view.participants[c.participantId!]?.groupId, 5000, 'in a group, in a round');
    await c.ok('answer.add', { promptId, text });
  }
}

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });

/** The agenda table of the Markdown report, as rows of cells (Markdown escapes removed). */
function agendaRows(md: string): string[][] {
  const section = md.split('## Agenda: as planned and as run')[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| #'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.replace(/\\(.)/g, '$1')),
    );
}

describe('a session plan, stepped through over the socket', () => {
  it('refuses an invalid block with a message naming the field, and nothing changes', async () => {
    const before = fac.view!.seq;
    const ack = await fac.command('plan.set', {
      blocks: [{ kind: 'breakout', title: null, durationSeconds: 3, grouping: 'mixed', sizing: null, promptIds: null, jigsaw: false }],
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!ack.ok && ack.error.message).toMatch(/durationSeconds/);
    expect(fac.view!.seq).toBe(before);
    expect(fac.view!.plan).toBeUndefined();
  });

  it('runs a whole session from the peer-learning template; the report shows planned vs run with people and answers per block', async () => {
    for (const [name, org, country] of [
      ['Ann', 'VVSG', 'Belgium'],
      ['Bo', 'KL', 'Denmark'],
      ['Cé', 'UNIOPSS', 'France'],
      ['Dirk', 'VVSG', 'Belgium'],
    ])
      await join(name, org, country);
    const blocks = planTemplateById('peer-learning')!.blocks('en');
    await fac.ok('plan.set', { blocks });
    await eventually(() => fac.view?.plan?.blocks.length === 6, 5000, 'the plan');
    expect(nextBlock(fac.view!.plan)?.title).toBe('Welcome and introduction');

    // Participants see nothing of the plan.
    await eventually(() => (people[0].view?.seq ?? 0) > 0);
    expect(people[0].view).not.toHaveProperty('plan');

    await step(); // welcome: lobby → plenary
    expect(fac.view!.phase).toBe('plenary');

    await step(); // round 1: new faces, 20 minutes
    expect(fac.view!.phase).toBe('breakout');
    expect(fac.view!.round).toMatchObject({ number: 1 });
    expect(fac.view!.round!.endsAt - fac.view!.round!.startedAt).toBe(20 * 60_000);
    await write(['Share what works', 'Lobby together']);

    await step(); // round 2: ends round 1 first, mixed groups
    expect(fac.view!.round).toMatchObject({ number: 2, endedAt: null });
    await join('Eva', 'KL', 'Denmark'); // late, during round 2: she goes to the smallest group
    await write(['Common advocacy', 'Exchange of staff', 'Shared training']);

    await step(); // synthesis: ends round 2, runs and publishes
    expect(fac.view!.phase).toBe('plenary');
    expect(fac.view!.synthesis?.published).toBe(true);

    await step(); // dot-voting
    expect(fac.view!.synthesis?.votesPerParticipant).toBe(3);

    await step(); // evaluation
    expect(fac.view!.evaluation?.open).toBe(true);
    expect(nextBlock(fac.view!.plan)).toBeNull();
    await fac.ok('plan.step', { blockId: null });
    await eventually(() => fac.view?.plan?.currentId === null, 5000, 'the plan ended');

    const plan = fac.view!.plan!;
    expect(plan.runs.map((r) => plan.blocks.findIndex((b) => b.id === r.blockId))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(plan.runs.every((r) => r.endedAt !== null && r.endedAt >= r.startedAt)).toBe(true);
    // One block ends when the next starts.
    for (let i = 1; i < plan.runs.length; i++) expect(plan.runs[i].startedAt).toBe(plan.runs[i - 1].endedAt);

    const md = await (await get(`/api/sessions/${s.sessionId}/export.md`)).text();
    const rows = agendaRows(md);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', 'Welcome and introduction', 'Plenary · 10 min'],
      ['2', 'Breakout round 1', 'Breakout round · 20 min · new faces'],
      ['3', 'Breakout round 2', 'Breakout round · 20 min · mixed groups'],
      ['4', 'Synthesis in plenary', 'Synthesis · 15 min · shown to everyone'],
      ['5', 'Dot-voting', 'Dot-voting · 10 min · 3 votes each'],
      ['6', 'Evaluation', 'Evaluation · 10 min'],
    ]);
    for (const r of rows) {
      expect(r[3]).toMatch(/^\d\d:\d\d$/);
      expect(r[4]).toMatch(/^\d\d:\d\d$/);
      expect(r[5]).toMatch(/^\d+ min$/);
    }
    // People: who had joined by the block's end (Eva came during round 2); answers: written during the block.
    expect(rows.map((r) => [r[6], r[7]])).toEqual([
      ['4', '0'],
      ['4', '2'],
      ['5', '3'],
      ['5', '0'],
      ['5', '0'],
      ['5', '0'],
    ]);
    expect(md).toContain('Times in UTC');

    const without = await (await get(`/api/sessions/${s.sessionId}/export.md?omit=plan`)).text();
    expect(without).not.toContain('Agenda');
    expect(without).toContain('## Synthesis');
    const html = await (await get(`/api/sessions/${s.sessionId}/export.html`)).text();
    expect(html).toContain('<table class="agenda">');
    expect(html).toContain('Breakout round · 20 min · new faces');
    const docx = await get(`/api/sessions/${s.sessionId}/export.docx`);
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toContain('Agenda: as planned and as run');
    expect(texts).toContain('Breakout round · 20 min · new faces');
  }, 120_000);

  it('a block that ran cannot be removed, and the plan can still be reordered and edited', async () => {
    const blocks = fac.view!.plan!.blocks;
    const refused = await fac.command('plan.set', { blocks: blocks.slice(1) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await fac.ok('plan.set', { blocks: [...blocks].reverse().map((b) => ({ ...b, title: b.title ? `${b.title}!` : null })) });
    await eventually(() => fac.view!.plan!.blocks[0].id === blocks[5].id, 5000, 'reordered');
    expect(fac.view!.plan!.blocks[0].title).toBe('Evaluation!');
    expect(fac.view!.plan!.runs).toHaveLength(6);
  });
});
