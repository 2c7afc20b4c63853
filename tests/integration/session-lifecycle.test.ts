import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import type { AckFail } from '../../shared/protocol/acks.js';
import { openSqliteStore } from '../../server/store/sqlite-store.js';
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite-schema.js';
import { TestClient, createSession, eventually, expectOk, facilitatorClient, type CreatedSession } from '../support/clients.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let servers: TestServer[] = [];
let processes: ServerProcess[] = [];
let dirs: string[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  clients.forEach((c) => c.close());
  for (const p of processes) await p.kill('SIGKILL');
  for (const s of servers.reverse()) await s.cleanup();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  servers = [];
  processes = [];
  dirs = [];
  clients = [];
});

async function server(opts: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(opts);
  servers.push(s);
  return s;
}

async function client(url: string): Promise<TestClient> {
  const c = await new TestClient(url).connected();
  clients.push(c);
  return c;
}

async function facilitator(url: string, s: CreatedSession): Promise<TestClient> {
  const c = await facilitatorClient(url, s);
  clients.push(c);
  return c;
}

/** A session with two people in one group and an answer each; with a running round when `minutes` is given. */
async function busySession(url: string, minutes?: number): Promise<CreatedSession> {
  const s = await createSession(url);
  const fac = await facilitator(url, s);
  const people = [await client(url), await client(url)];
  for (const [i, p] of people.entries()) await p.join(s.joinCode, { name: `P${i}`, organisation: `Org ${i}` });
  await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
  await fac.ok('round.start', { durationSeconds: (minutes ?? 1) * 60 });
  const prompt = fac.view!.prompts[0].id;
  for (const [i, p] of people.entries()) expectOk(await p.command('answer.add', { promptId: prompt, text: `idea from P${i}` }));
  if (minutes === undefined) await fac.ok('round.end', { roundNumber: fac.view!.round!.number });
  [fac, ...people].forEach((c) => c.close());
  return s;
}

describe('sessions come and go', () => {
  it('resumes running round timers at start from the store, loading only those sessions', async () => {
    const first = await server();
    const quiet = await busySession(first.url);
    const running = await busySession(first.url, 10 / 60); // a 10-second round
    const untouched = await createSession(first.url);
    expect(await first.app.registry.store.sessionsWithOpenRound()).toEqual([running.sessionId]);
    await first.stop();

    // The clock 10 s ahead: the resumed timer fires at once.
    const second = await server({ dataDir: first.dataDir, now: () => Date.now() + 10_500 });
    expect(second.app.registry.loadedIds()).toEqual([running.sessionId]);
    const fac = await facilitator(second.url, running);
    await eventually(() => fac.view!.phase === 'plenary', 5000, 'round ended by the resumed timer');
    expect(await second.app.registry.store.sessionsWithOpenRound()).toEqual([]);
    // Every other session loads on its first use.
    expect(second.app.registry.loadedIds()).not.toContain(quiet.sessionId);
    await facilitator(second.url, untouched);
    expect(second.app.registry.loadedIds().sort()).toEqual([running.sessionId, untouched.sessionId].sort());
  });

  it('unloads a session idle without sockets, keeps one with a socket attached, and reloads it identical', async () => {
    const t = await server({ sessionIdleMs: 200 });
    const s = await busySession(t.url, 15);
    const watched = await busySession(t.url);
    const { registry } = t.app;
    const before = await (await registry.get(s.sessionId))!.committedState();
    // A facilitator stays attached to the other session: it stays loaded however long it is quiet.
    const watcher = await facilitator(t.url, watched);
    await eventually(() => !registry.loadedIds().includes(s.sessionId), 3000, 'the idle session to be unloaded');
    await new Promise((r) => setTimeout(r, 400));
    expect(registry.loadedIds()).toContain(watched.sessionId);

    const after = await (await registry.get(s.sessionId))!.committedState();
    expect(after).toEqual(before);
    // It works as before: its people see their answers, the round (and its timer) still runs, commands are taken.
    const fac = await facilitator(t.url, s);
    expect(
      Object.values(fac.view!.answers)
        .map((a) => a.text)
        .sort(),
    ).toEqual(['idea from P0', 'idea from P1']);
    expect(fac.view!.round).toEqual(before.round);
    const ack = await fac.ok('round.extend', { seconds: 60 });
    expect(ack.seq).toBe(before.seq + 1);
    await eventually(() => fac.view!.round!.endsAt === before.round!.endsAt + 60_000, 2000, 'the extension to arrive');
    watcher.close();
    fac.close();
    await eventually(() => registry.loadedIds().length === 0, 3000, 'both sessions to be unloaded once nobody is attached');
  });

  it('refuses a session whose rows cannot be read, says why, and serves the others', async () => {
    const t = await server();
    const broken = await busySession(t.url, 15); // a running round: the start itself tries to load it
    const healthy = await busySession(t.url);
    await t.stop();
    const db = new Database(path.join(t.dataDir, 'sessions.db'));
    db.prepare('UPDATE events SET data = ? WHERE session_id = ? AND seq = 2').run('{"type": "participant.joi', broken.sessionId);
    db.close();

    const proc = await spawnServer({ DATA_DIR: t.dataDir, PORT: '0' });
    processes.push(proc);
    await eventually(() => proc.output().includes(`session ${broken.sessionId} cannot be loaded`), 5000, 'the log to name the session');
    expect(proc.output()).toMatch(/event 2 \(participant\.joined\)/);

    const fac = await client(proc.url);
    const refused = (await fac.attach(broken.sessionId, { kind: 'facilitator', key: broken.facilitatorKey })) as AckFail;
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(refused.error.message).toContain(broken.sessionId);
    expect(refused.error.message).toMatch(/event 2 .*cannot be read/);
    const joiner = await client(proc.url);
    expect(await joiner.emit('join', { opId: 'j-broken-1', joinCode: broken.joinCode, token: 'tok_broken_participant_1', name: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'store_unavailable' },
    });
    const http = await fetch(`${proc.url}/api/sessions/${broken.sessionId}`, { headers: { authorization: `Bearer ${broken.facilitatorKey}` } });
    expect(http.status).toBe(503);
    expect(await http.json()).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });

    // The rest of the server serves: the other session loads and takes commands.
    const other = await facilitator(proc.url, healthy);
    expect(Object.keys(other.view!.answers)).toHaveLength(2);
    await other.ok('round.start', { durationSeconds: 60 });
    const p = await client(proc.url);
    await p.join(healthy.joinCode, { name: 'Newcomer' });
    expect(other.view!.phase).toBe('breakout');
    expect(proc.output()).not.toContain(`session ${healthy.sessionId} cannot be loaded`);
  });

  it('names a damaged SQLite file in the log at start (PRAGMA quick_check) and still starts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-damaged-'));
    dirs.push(dataDir);
    const store = await openSqliteStore({ dataDir });
    for (let i = 0; i < 20; i++) {
      const id = `session-${i}`;
      const events = Array.from({ length: 20 }, (_, k) => ({ seq: k + 1, at: 1, type: 'answer.added', data: { text: `answer ${k} `.repeat(20) } }));
      await store.createSession({ sessionId: id, joinCode: `CODE${i}XYZ`, createdAt: 1, programmeId: null }, [], {
        sessionId: id,
        opId: null,
        result: null,
        events,
      });
    }
    await store.close();
    const file = path.join(dataDir, 'sessions.db');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
    db.close();
    // Scribble over the last page (a leaf of the log): the header and the schema stay readable.
    const bytes = await readFile(file);
    const lastPage = bytes.length / pageSize - 1;
    bytes.fill(0xff, lastPage * pageSize + 8, lastPage * pageSize + 72);
    await writeFile(file, bytes);

    const proc = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
    processes.push(proc);
    await eventually(() => proc.output().includes('quick_check'), 5000, 'the quick_check line');
    expect(proc.output()).toContain(`The SQLite file ${file} is damaged`);
    expect((await fetch(`${proc.url}/healthz`)).status).toBe(200);
  });

  it('fills the open-rounds index from an existing log when the store is upgraded', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-upgrade-'));
    dirs.push(dataDir);
    // A file as the previous version left it: the first two migrations, a running round in s1, an ended one in s2.
    const db = new Database(path.join(dataDir, 'sessions.db'));
    SQLITE_MIGRATIONS.slice(0, 2).forEach((m) => db.exec(m));
    db.pragma('user_version = 2');
    const insert = db.prepare('INSERT INTO events (session_id, seq, at, type, data) VALUES (?, ?, 1, ?, ?)');
    const log: [string, string[]][] = [
      ['s1', ['session.created', 'round.started', 'round.ended', 'round.started', 'answer.added']],
      ['s2', ['session.created', 'round.started', 'round.ended']],
      ['s3', ['session.created', 'round.started', 'session.closed']],
    ];
    for (const [id, types] of log) types.forEach((type, i) => insert.run(id, i + 1, type, JSON.stringify({ type })));
    db.close();
    const store = await openSqliteStore({ dataDir });
    expect(await store.sessionsWithOpenRound()).toEqual(['s1']);
    await store.close();
  });
});
