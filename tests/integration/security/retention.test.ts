import { afterEach, describe, expect, it } from 'vitest';
import { startRetention } from '../../../server/security/retention.js';
import { TestClient, createSession, eventually, facilitatorClient, type CreatedSession } from '../../support/clients.js';
import { startNode, type Node } from './node.js';

const DAY = 86_400_000;
const nodes: Node[] = [];
afterEach(async () => {
  for (const n of nodes.splice(0)) await n.close();
});

/** A session with two named people, closed, every socket gone and the session out of memory (as days later). */
async function closedSession(n: Node, close = true): Promise<CreatedSession> {
  const s = await createSession(n.url);
  const fac = await facilitatorClient(n.url, s);
  const people = [await new TestClient(n.url).connected(), await new TestClient(n.url).connected()];
  await people[0].join(s.joinCode, { name: 'Astrid Hansen', organisation: 'Grøn Omstilling', country: 'Denmark' });
  await people[1].join(s.joinCode, { name: 'Pieter de Vries', organisation: 'Samen Sterk', country: 'Nederland' });
  if (close) await fac.ok('session.close');
  for (const c of [fac, ...people]) c.close();
  await eventually(() => n.app.registry.sweep() >= 0 && !n.app.registry.loaded(s.sessionId), 5000, 'unloaded');
  // The snapshot written on the way out has landed (it holds names too).
  for (let i = 0; i < 100 && !(await n.store.readSnapshot(s.sessionId)); i++) await new Promise((r) => setTimeout(r, 20));
  return s;
}

const exportOf = async (n: Node, s: CreatedSession) =>
  fetch(`${n.url}/api/sessions/${s.sessionId}/export.json?names=1`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });

describe('retention of closed sessions (off by default)', () => {
  it('anonymises closed sessions older than N days: no names, organisations or countries left, in the log or its snapshot', async () => {
    const n = await startNode({ sessionIdleMs: 1 });
    nodes.push(n);
    const closed = await closedSession(n);
    const open = await closedSession(n, false);
    const log = () => undefined;
    const off = startRetention({ store: n.store, registry: n.app.registry, now: () => Date.now() + 40 * DAY, log, days: 0, mode: 'anonymise' });
    expect(await off.runOnce()).toBe(0);
    const early = startRetention({ store: n.store, registry: n.app.registry, now: () => Date.now() + 20 * DAY, log, days: 30, mode: 'anonymise' });
    expect(await early.runOnce()).toBe(0);
    const late = startRetention({ store: n.store, registry: n.app.registry, now: () => Date.now() + 40 * DAY, log, days: 30, mode: 'anonymise' });
    expect(await late.runOnce()).toBe(1);
    const text = await (await exportOf(n, closed)).text();
    for (const word of ['Astrid', 'Hansen', 'Grøn', 'Denmark', 'Pieter', 'Nederland']) expect(text).not.toContain(word);
    expect(text).toContain('Participant 2');
    expect(JSON.stringify(await n.store.readSnapshot(closed.sessionId))).not.toContain('Astrid');
    const state = (await (await fetch(`${n.url}/api/sessions/${closed.sessionId}`, { headers: { authorization: `Bearer ${closed.facilitatorKey}` } })).json())
      .session;
    expect(
      Object.values(state.participants)
        .map((p) => (p as { name: string }).name)
        .sort(),
    ).toEqual(['Participant 1', 'Participant 2']);
    // A session still open is kept as it is; a second pass finds nothing more to do.
    expect(await (await exportOf(n, open)).text()).toContain('Astrid');
    expect(await late.runOnce()).toBe(0);
  });

  it('deletes closed sessions older than N days: log, keys and row', async () => {
    const n = await startNode({ sessionIdleMs: 1 });
    nodes.push(n);
    const closed = await closedSession(n);
    const retention = startRetention({
      store: n.store,
      registry: n.app.registry,
      now: () => Date.now() + 40 * DAY,
      log: () => undefined,
      days: 30,
      mode: 'delete',
    });
    expect(await retention.runOnce()).toBe(1);
    expect(await n.store.findSession(closed.sessionId)).toBeNull();
    expect(await n.store.readEvents(closed.sessionId, 0)).toEqual([]);
    expect((await exportOf(n, closed)).status).toBe(401);
  });
});
