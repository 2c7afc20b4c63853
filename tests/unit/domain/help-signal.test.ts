import { describe, expect, it } from 'vitest';
import { DomainHarness, FAC, asP } from './harness.js';

describe('a help request keeps the time it was made, and ends with the round', () => {
  it('records helpSince once, keeps it through other signals, clears it when withdrawn and at the round end', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b']) h.join(id, id);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    h.now += 5_000;
    const asked = h.now;
    h.run(asP('a'), { type: 'group.signal', help: true });
    h.now += 5_000;
    h.run(asP('b'), { type: 'group.signal', help: true });
    h.run(asP('b'), { type: 'group.signal', done: true });
    expect(h.groupOf('a')).toMatchObject({ help: true, done: true, helpSince: asked });
    h.run(asP('a'), { type: 'group.signal', help: false });
    expect(h.groupOf('a')).toMatchObject({ help: false, helpSince: null });
    h.now += 1_000;
    h.run(asP('a'), { type: 'group.signal', help: true });
    expect(h.groupOf('a')?.helpSince).toBe(h.now);
    h.run(FAC, { type: 'broadcast.send', message: 'Two minutes left' });
    h.run(FAC, { type: 'round.end' });
    expect(h.groupOf('a')).toMatchObject({ help: false, done: false, helpSince: null });
    expect(h.state.broadcast).toBeNull();
  });
});
