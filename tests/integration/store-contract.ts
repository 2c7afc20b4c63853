import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { nanoid } from 'nanoid';
import {
  CredentialTakenError,
  DuplicateOpError,
  JoinCodeTakenError,
  SeqConflictError,
  type AppendBatch,
  type EventRecord,
  type Store,
} from '../../server/store/types.js';

export interface StoreFixture {
  store: Store;
  cleanup: () => Promise<void>;
  /** Closes the store and opens it again on the same data. */
  reopen?: () => Promise<Store>;
}

const ev = (seq: number, data: unknown = { type: 'x', seq }): EventRecord => ({ seq, at: 1_700_000_000_000 + seq, type: 'x', data, version: 1 });
const batch = (sessionId: string, seqs: number[], opId: string | null = nanoid(10), result: unknown = { n: seqs[0] }): AppendBatch => ({
  sessionId,
  opId,
  result,
  events: seqs.map((s) => ev(s)),
});

/** The contract every store must keep; run against each store (SQLite, Postgres). */
export function defineStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`store contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: Store;
    beforeEach(async () => {
      fx = await factory();
      store = fx.store;
    });
    afterEach(async () => {
      await fx.cleanup();
    });

    async function newSession(): Promise<string> {
      const id = nanoid(12);
      await store.createSession(
        { sessionId: id, joinCode: nanoid(8), createdAt: 1, programmeId: null },
        [{ hash: nanoid(20), role: 'facilitator', scopeId: id, subject: 'f', createdAt: 1 }],
        batch(id, [1], null, null),
      );
      return id;
    }

    it('creates a session with its first event, credentials and join code', async () => {
      const id = nanoid(12);
      const hash = nanoid(30);
      await store.createSession(
        { sessionId: id, joinCode: 'ABCDEFGH', createdAt: 5, programmeId: null },
        [{ hash, role: 'facilitator', scopeId: id, subject: 'lead', createdAt: 5 }],
        batch(id, [1]),
      );
      expect(await store.findSession(id)).toEqual({ sessionId: id, joinCode: 'ABCDEFGH', createdAt: 5, programmeId: null });
      expect(await store.findSessionByJoinCode('ABCDEFGH')).toMatchObject({ sessionId: id });
      expect(await store.findCredential(hash)).toEqual({ hash, role: 'facilitator', scopeId: id, subject: 'lead', createdAt: 5 });
      expect(await store.readEvents(id, 0)).toEqual([ev(1)]);
      expect((await store.listSessions()).map((s) => s.sessionId)).toContain(id);
    });

    it('refuses a taken join code and keeps nothing of the second session', async () => {
      await store.createSession({ sessionId: 's1', joinCode: 'SAMECODE', createdAt: 1, programmeId: null }, [], batch('s1', [1]));
      await expect(
        store.createSession(
          { sessionId: 's2', joinCode: 'SAMECODE', createdAt: 1, programmeId: null },
          [{ hash: 'h2xxxxxxxxxxxxxxxxxxxx', role: 'facilitator', scopeId: 's2', subject: null, createdAt: 1 }],
          batch('s2', [1]),
        ),
      ).rejects.toBeInstanceOf(JoinCodeTakenError);
      expect(await store.findSession('s2')).toBeNull();
      expect(await store.readEvents('s2', 0)).toEqual([]);
      expect(await store.findCredential('h2xxxxxxxxxxxxxxxxxxxx')).toBeNull();
    });

    it('appends gap-free, and refuses a gap or a taken seq without changing the log', async () => {
      const id = await newSession();
      await store.append(batch(id, [2, 3]));
      await expect(store.append(batch(id, [3]))).rejects.toBeInstanceOf(SeqConflictError);
      await expect(store.append(batch(id, [5]))).rejects.toBeInstanceOf(SeqConflictError);
      expect((await store.readEvents(id, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await store.lastSeq(id)).toBe(3);
    });

    it('applies an opId once: the retry is refused and the first result is kept', async () => {
      const id = await newSession();
      await store.append(batch(id, [2], 'op-1', { answerId: 'a1' }));
      await expect(store.append(batch(id, [3], 'op-1', { answerId: 'a2' }))).rejects.toBeInstanceOf(DuplicateOpError);
      expect(await store.findOp(id, 'op-1')).toEqual({ result: { answerId: 'a1' }, lastSeq: 2 });
      expect(await store.findOp(id, 'nope')).toBeNull();
      expect(await store.lastSeq(id)).toBe(2);
    });

    it('commits 200 concurrent appends over several sessions in order; a conflicting one fails alone', async () => {
      const ids = await Promise.all([newSession(), newSession(), newSession(), newSession()]);
      const calls: Promise<unknown>[] = [];
      for (let k = 0; k < 50; k++) for (const id of ids) calls.push(store.append(batch(id, [k + 2])));
      const bad = store.append(batch(ids[0], [2])); // seq 2 is taken by the first call
      const results = await Promise.allSettled([...calls, bad]);
      expect(results.slice(0, -1).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(results.at(-1)).toMatchObject({ status: 'rejected' });
      for (const id of ids) expect((await store.readEvents(id, 0)).map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    });

    it("stores a batch's credentials with its events, or neither; a taken hash fails that batch alone", async () => {
      const id = await newSession();
      const token = (hash: string) => ({ hash, role: 'participant' as const, scopeId: id, subject: `p-${hash}`, createdAt: 2 });
      await store.append({ ...batch(id, [2]), credentials: [token('tok-a-xxxxxxxxxxxxxxxx')] });
      expect(await store.findCredential('tok-a-xxxxxxxxxxxxxxxx')).toEqual(token('tok-a-xxxxxxxxxxxxxxxx'));
      // Refused for its seq: its credential is not kept either.
      await expect(store.append({ ...batch(id, [2]), credentials: [token('tok-b-xxxxxxxxxxxxxxxx')] })).rejects.toBeInstanceOf(SeqConflictError);
      expect(await store.findCredential('tok-b-xxxxxxxxxxxxxxxx')).toBeNull();
      // Two joins racing with one token: the second fails alone, its events are not kept, the other batch commits.
      const [taken, other] = await Promise.allSettled([
        store.append({ ...batch(id, [3]), credentials: [token('tok-a-xxxxxxxxxxxxxxxx')] }),
        store.append({ ...batch(id, [3]), credentials: [token('tok-c-xxxxxxxxxxxxxxxx')] }),
      ]);
      expect(taken).toMatchObject({ status: 'rejected', reason: expect.any(CredentialTakenError) });
      expect(other.status).toBe('fulfilled');
      expect(await store.findCredential('tok-c-xxxxxxxxxxxxxxxx')).toEqual(token('tok-c-xxxxxxxxxxxxxxxx'));
      expect((await store.readEvents(id, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('reads after a seq, with a limit', async () => {
      const id = await newSession();
      for (let s = 2; s <= 10; s++) await store.append(batch(id, [s]));
      expect((await store.readEvents(id, 4)).map((e) => e.seq)).toEqual([5, 6, 7, 8, 9, 10]);
      expect((await store.readEvents(id, 4, 2)).map((e) => e.seq)).toEqual([5, 6]);
      expect(await store.readEvents(id, 10)).toEqual([]);
    });

    it('keeps the latest snapshot of a session, never an older one over a newer', async () => {
      const id = await newSession();
      expect(await store.readSnapshot(id)).toBeNull();
      await store.writeSnapshot(id, { seq: 5, version: 1, data: '{"n":5}' });
      await store.writeSnapshot(id, { seq: 9, version: 1, data: '{"n":9, "text":"Ærø «é» 🎉"}' });
      await store.writeSnapshot(id, { seq: 7, version: 1, data: '{"n":7}' });
      expect(await store.readSnapshot(id)).toEqual({ seq: 9, version: 1, data: '{"n":9, "text":"Ærø «é» 🎉"}' });
      expect(await store.readSnapshot('another-session')).toBeNull();
      if (fx.reopen) {
        store = await fx.reopen();
        expect((await store.readSnapshot(id))?.seq).toBe(9);
      }
    });

    it("keeps each event's shape version (absent on write: 1)", async () => {
      const id = await newSession();
      await store.append({
        sessionId: id,
        opId: null,
        result: null,
        events: [
          { ...ev(2), version: 3 },
          { seq: 3, at: 3, type: 'x', data: {} },
        ],
      });
      expect((await store.readEvents(id, 1)).map((e) => e.version)).toEqual([3, 1]);
    });

    it('round-trips any JSON exactly', async () => {
      const id = await newSession();
      const data = {
        text: 'Ærø «l’économie» "quoted, comma"\nnew line 🎉 <script>x</script> =SUM(A1)',
        nested: { deep: [1, 2.5, null, true, { k: 'v' }] },
        empty: '',
      };
      await store.append({ sessionId: id, opId: 'x1', result: data, events: [ev(2, data)] });
      expect((await store.readEvents(id, 1))[0].data).toEqual(data);
      expect((await store.findOp(id, 'x1'))!.result).toEqual(data);
    });

    it('keeps programmes and their sessions', async () => {
      const id = await newSession();
      await store.createProgramme(
        { programmeId: 'p1', createdAt: 3, name: 'Five regional sessions', description: null, organisers: ['A', 'B'], languages: ['nl', 'fr'] },
        [{ hash: 'coordhashxxxxxxxxxxxxxx', role: 'coordinator', scopeId: 'p1', subject: null, createdAt: 3 }],
      );
      await store.setSessionProgramme(id, 'p1');
      expect(await store.findProgramme('p1')).toEqual({
        programmeId: 'p1',
        createdAt: 3,
        name: 'Five regional sessions',
        description: null,
        organisers: ['A', 'B'],
        languages: ['nl', 'fr'],
      });
      expect((await store.listProgrammeSessions('p1')).map((s) => s.sessionId)).toEqual([id]);
      expect(await store.findCredential('coordhashxxxxxxxxxxxxxx')).toMatchObject({ role: 'coordinator', scopeId: 'p1' });
    });

    it('lists the sessions whose latest round marker opened a round, kept with the log and across reopen', async () => {
      const typed = (seq: number, type: string): EventRecord => ({ seq, at: 1_700_000_000_000 + seq, type, data: { type }, version: 1 });
      const put = (id: string, seq: number, ...types: string[]) =>
        store.append({ sessionId: id, opId: nanoid(10), result: null, events: types.map((t, i) => typed(seq + i, t)) });
      const [ended, closed, running, restarted, never] = await Promise.all([newSession(), newSession(), newSession(), newSession(), newSession()]);
      await put(ended, 2, 'round.started');
      await put(ended, 3, 'answer.added', 'round.ended');
      await put(closed, 2, 'round.started', 'answer.added');
      await put(closed, 4, 'session.closed');
      await put(running, 2, 'round.started');
      await put(running, 3, 'round.extended', 'answer.added');
      await put(restarted, 2, 'round.started', 'round.ended');
      await put(restarted, 4, 'round.started');
      await put(never, 2, 'answer.added');
      // A refused batch leaves the index as it was.
      await expect(put(running, 2, 'round.ended')).rejects.toBeInstanceOf(SeqConflictError);
      // A session created with a running round (an import) is listed from its first batch.
      const imported = nanoid(12);
      await store.createSession({ sessionId: imported, joinCode: nanoid(8), createdAt: 1, programmeId: null }, [], {
        sessionId: imported,
        opId: null,
        result: null,
        events: [typed(1, 'session.created'), typed(2, 'round.started')],
      });
      const mine = new Set([ended, closed, running, restarted, never, imported]);
      const open = async () => (await store.sessionsWithOpenRound()).filter((id) => mine.has(id)).sort();
      expect(await open()).toEqual([running, restarted, imported].sort());
      if (fx.reopen) {
        store = await fx.reopen();
        expect(await open()).toEqual([running, restarted, imported].sort());
      }
      await put(running, 5, 'round.ended');
      expect(await open()).toEqual([restarted, imported].sort());
    });

    it('keeps everything across close and reopen', async () => {
      if (!fx.reopen) return;
      const id = await newSession();
      await store.append(batch(id, [2], 'op-r'));
      store = await fx.reopen();
      expect((await store.readEvents(id, 0)).map((e) => e.seq)).toEqual([1, 2]);
      expect(await store.findOp(id, 'op-r')).not.toBeNull();
      await store.append(batch(id, [3]));
      expect(await store.lastSeq(id)).toBe(3);
    });
  });
}
