import { nanoid } from 'nanoid';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient, createSession, expectOk } from '../../support/clients.js';
import { startNode, type Node } from './node.js';

const nodes: Node[] = [];
afterEach(async () => {
  for (const n of nodes.splice(0)) await n.close();
});

/**
 * A real full disk, as SQLite reports it: the database may not grow past the pages it has now
 * (`PRAGMA max_page_count`), so the next write that needs a page fails with SQLITE_FULL.
 */
function fillDisk(n: Node): () => void {
  const db = (n.store as unknown as { db: { prepare(sql: string): { get(): Record<string, number> }; exec(sql: string): void } }).db;
  const pages = Object.values(db.prepare('PRAGMA page_count').get())[0];
  db.exec(`PRAGMA max_page_count = ${pages}`);
  return () => db.exec('PRAGMA max_page_count = 1073741823');
}

describe('a full disk is store_unavailable on every path', () => {
  it('session creation answers 503 store_unavailable; a join answers store_unavailable; both work again with space', async () => {
    const n = await startNode();
    nodes.push(n);
    const s = await createSession(n.url);
    // Fill the pages the first writes made room for, so the next ones need new pages.
    const free = fillDisk(n);
    const bodies = Array.from({ length: 40 }, () => ({ title: `T ${nanoid(150)}`, prompts: [{ text: nanoid(400) }] }));
    let created: Response | null = null;
    for (const body of bodies) {
      created = await fetch(`${n.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (created.status !== 201) break;
    }
    expect(created!.status).toBe(503);
    expect(await created!.json()).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    const c = await new TestClient(n.url).connected();
    let join = null;
    for (let i = 0; i < 40; i++) {
      join = await c.emit('join', { opId: nanoid(12), joinCode: s.joinCode, name: `Person ${nanoid(60)}`, organisation: nanoid(100), token: nanoid(40) });
      if (!join.ok) break;
    }
    expect(join).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    free();
    expect(
      (
        await fetch(`${n.url}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ template: 'core-drives' }),
        })
      ).status,
    ).toBe(201);
    expectOk(await c.emit('join', { opId: nanoid(12), joinCode: s.joinCode, name: 'After', token: nanoid(40) }));
    c.close();
  });
});
