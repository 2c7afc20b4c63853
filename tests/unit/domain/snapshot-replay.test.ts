import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { Ownership } from '../../../shared/domain/ownership.js';
import { EMPTY_STATE, applyAll, applyOwned } from '../../../shared/domain/reducer.js';
import { parseSnapshot, serialiseSnapshot } from '../../../server/sessions/snapshot.js';
import { type CommandInput, DomainHarness, FAC, asP } from './harness.js';

/** One thing that happens in a room; refused commands are simply not logged, as on the server. */
const action = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), who: fc.integer({ min: 0, max: 9 }), org: fc.constantFrom('o1', 'o2', 'o3') }),
  fc.record({
    kind: fc.constant('form' as const),
    count: fc.integer({ min: 1, max: 4 }),
    mode: fc.constantFrom('random' as const, 'mixed' as const, 'new-faces' as const),
  }),
  fc.record({ kind: fc.constant('merge' as const) }),
  fc.record({ kind: fc.constant('start' as const) }),
  fc.record({ kind: fc.constant('end' as const) }),
  fc.record({
    kind: fc.constant('answer' as const),
    who: fc.integer({ min: 0, max: 9 }),
    prompt: fc.constantFrom('p1', 'p2'),
    text: fc.string({ minLength: 1, maxLength: 30 }),
  }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text: fc.string({ minLength: 1, maxLength: 30 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), who: fc.integer({ min: 0, max: 9 }), pick: fc.nat() }),
  fc.record({ kind: fc.constant('signal' as const), who: fc.integer({ min: 0, max: 9 }), help: fc.boolean() }),
  fc.record({ kind: fc.constant('broadcast' as const), text: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function play(actions: Action[]): EventEnvelope[] {
  const h = new DomainHarness({ prompts: ['Why?', 'How?'] });
  const joined = new Set<string>();
  const pid = (i: number) => `p${i}`;
  const answerIds = () => Object.keys(h.state.answers);
  for (const a of actions) {
    h.now += 1_000;
    const run = (actor: Parameters<DomainHarness['outcome']>[0], cmd: CommandInput) => h.outcome(actor, cmd);
    switch (a.kind) {
      case 'join':
        if (!joined.has(pid(a.who))) {
          joined.add(pid(a.who));
          h.join(pid(a.who), a.org, a.org === 'o1' ? 'BE' : 'DK');
        }
        break;
      case 'form':
        run(FAC, { type: 'groups.form', mode: a.mode, sizing: { by: 'count', count: a.count } });
        break;
      case 'merge':
        run(FAC, { type: 'groups.merge' });
        break;
      case 'start':
        run(FAC, { type: 'round.start', durationSeconds: 600 });
        break;
      case 'end':
        run(FAC, { type: 'round.end' });
        break;
      case 'answer':
        if (joined.has(pid(a.who))) run(asP(pid(a.who)), { type: 'answer.add', promptId: a.prompt, text: a.text });
        break;
      case 'edit': {
        const ids = answerIds();
        if (ids.length) run(FAC, { type: 'answer.edit', answerId: ids[a.pick % ids.length], text: a.text });
        break;
      }
      case 'delete': {
        const ids = answerIds();
        if (ids.length) run(FAC, { type: 'answer.delete', answerId: ids[a.pick % ids.length] });
        break;
      }
      case 'move': {
        const groups = h.state.groupOrder;
        if (joined.has(pid(a.who)) && groups.length) run(FAC, { type: 'participant.move', participantId: pid(a.who), groupId: groups[a.pick % groups.length] });
        break;
      }
      case 'signal':
        if (joined.has(pid(a.who))) run(asP(pid(a.who)), { type: 'group.signal', help: a.help });
        break;
      case 'broadcast':
        run(FAC, { type: 'broadcast.send', message: a.text ?? '' });
        break;
    }
  }
  return h.log;
}

const replay = (log: EventEnvelope[]) => applyAll(EMPTY_STATE, log);

describe('snapshot + tail equals a full replay', () => {
  it('for random logs cut at any point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), async (actions, where) => {
        const log = play(actions);
        const cut = Math.floor(where * log.length);
        const atCut = replay(log.slice(0, cut));
        const restored = parseSnapshot(atCut.id, await serialiseSnapshot(atCut));
        expect(restored).not.toBeNull();
        expect(applyAll(restored!, log.slice(cut))).toEqual(replay(log));
      }),
      { numRuns: 150 },
    );
  });

  it('a snapshot of another version or session is not used', async () => {
    const log = play([{ kind: 'join', who: 1, org: 'o1' }]);
    const s = replay(log);
    const snap = await serialiseSnapshot(s);
    expect(parseSnapshot('another', snap)).toBeNull();
    expect(parseSnapshot(s.id, { ...snap, version: snap.version + 1 })).toBeNull();
    expect(parseSnapshot(s.id, { ...snap, data: snap.data.slice(0, -3) })).toBeNull();
  });
});

describe('the server applies events in place, through the same reducer', () => {
  it('ends where the pure reducer ends, and every state a reader was given stays as it was', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 10 }), (actions, reads) => {
        const log = play(actions);
        const readAt = new Set(reads.map((r) => r % log.length));
        const owner = new Ownership();
        let s: SessionState = EMPTY_STATE;
        const given: { state: SessionState; copy: SessionState }[] = [];
        log.forEach((env, i) => {
          s = applyOwned(s, env, owner);
          if (readAt.has(i)) {
            owner.release();
            given.push({ state: s, copy: structuredClone(s) });
          }
        });
        expect(s).toEqual(replay(log));
        for (const g of given) expect(g.state).toEqual(g.copy);
      }),
      { numRuns: 150 },
    );
  });

  it('replays a 20,000-answer log with 2,000 joins in bounded time, one event at a time as the server does', () => {
    const h = new DomainHarness({ prompts: ['Why?'] });
    for (let i = 0; i < 2_000; i++) h.join(`p${i}`, `o${i % 50}`, 'BE');
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'size', size: 8 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    const base = h.log.length;
    const g = h.state.participants.p0.groupId!;
    const log = [...h.log];
    for (let i = 0; i < 20_000; i++) {
      log.push({
        seq: base + i + 1,
        at: 2e9 + i,
        event: {
          type: 'answer.added',
          answer: { id: `a${i}`, promptId: 'p1', groupId: g, authorId: 'p0', text: `idea ${i}`, round: 1, createdAt: 2e9 + i, updatedAt: 2e9 + i },
        },
      });
    }
    const owner = new Ownership();
    const started = performance.now();
    let s = EMPTY_STATE;
    for (const env of log) s = applyOwned(s, env, owner);
    const ms = performance.now() - started;
    expect(Object.keys(s.answers)).toHaveLength(20_000);
    expect(Object.keys(s.participants)).toHaveLength(2_000);
    // A generous ceiling, not a benchmark: copying the answer map per event took minutes here.
    expect(ms).toBeLessThan(10_000);
  });
});
