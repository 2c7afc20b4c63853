import { describe, expect, it } from 'vitest';
import { dealJigsaw } from '../../../shared/domain/decide/groups.js';
import { viewFor } from '../../../shared/domain/projection.js';
import { DomainHarness, FAC, asP } from './harness.js';

function room(n: number) {
  const h = new DomainHarness();
  for (let i = 0; i < n; i++) h.join(`p${i}`, `org${i % 3}`, `c${i % 4}`);
  return h;
}

describe('groups', () => {
  it.each([
    [{ by: 'count', count: 3 } as const, 10, [3, 3, 4]],
    [{ by: 'size', size: 4 } as const, 10, [3, 3, 4]],
    [{ by: 'size', size: 2 } as const, 8, [2, 2, 2, 2]],
    [{ by: 'count', count: 50 } as const, 5, [1, 1, 1, 1, 1]],
  ])('forms groups by %o for %i people → sizes %o', (sizing, n, sizes) => {
    const h = room(n);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing });
    const got = h.state.groupOrder.map((id) => h.state.groups[id].memberIds.length).sort();
    expect(got).toEqual(sizes);
    for (const [pid, p] of Object.entries(h.state.participants)) expect(h.state.groups[p.groupId!].memberIds).toContain(pid);
  });

  it('a late joiner goes to the smallest group', () => {
    const h = room(5);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    const small = h.state.groupOrder.map((id) => h.state.groups[id]).sort((a, b) => a.memberIds.length - b.memberIds.length)[0];
    h.join('late');
    expect(h.state.participants.late.groupId).toBe(small.id);
  });

  it('a regroup archives the old groups, keeps them in history, and old answers are not visible to the new groups', () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    const first = [...h.state.groupOrder];
    h.run(FAC, { type: 'round.start', durationSeconds: 60 });
    h.run(asP('p0'), { type: 'answer.add', promptId: 'p1', text: 'round one idea' });
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'groups.form', mode: 'new-faces', sizing: { by: 'count', count: 2 } });
    expect(first.every((id) => h.state.groups[id].archived)).toBe(true);
    expect(h.state.history).toHaveLength(1);
    expect(Object.keys(viewFor(h.state, { role: 'participant', participantId: 'p0' }).answers)).toHaveLength(0);
    expect(Object.keys(viewFor(h.state, { role: 'facilitator' }).answers)).toHaveLength(1);
  });

  it('"same as last round" keeps the groups and their answers', () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    const before = h.state.groupOrder;
    h.run(FAC, { type: 'groups.form', mode: 'same' });
    expect(h.state.groupOrder).toBe(before);
    expect(h.outcome(FAC, { type: 'groups.form', mode: 'same' })).toBe('ok');
    expect(new DomainHarness().outcome(FAC, { type: 'groups.form', mode: 'same' })).toBe('conflict');
  });

  it('merging pairs gives groups of four that see the answers their parts wrote', () => {
    const h = room(8);
    h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'size', size: 2 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 60 });
    const [g1, g2] = h.state.groupOrder.map((id) => h.state.groups[id]);
    h.run(asP(g1.memberIds[0]), { type: 'answer.add', promptId: 'p1', text: 'from g1' });
    h.run(asP(g2.memberIds[0]), { type: 'answer.add', promptId: 'p1', text: 'from g2' });
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'groups.merge' });
    expect(h.state.groupOrder).toHaveLength(2);
    const merged = h.state.groups[h.state.groupOrder[0]];
    expect(merged.memberIds).toHaveLength(4);
    expect(merged.mergedFrom).toEqual([1, 2]);
    const view = viewFor(h.state, { role: 'participant', participantId: g1.memberIds[1] });
    expect(
      Object.values(view.answers)
        .map((a) => a.text)
        .sort(),
    ).toEqual(['from g1', 'from g2']);
  });

  it('moves a person by hand, and refuses unknown people, groups and merging a group twice', () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    const [g1, g2] = h.state.groupOrder;
    const pid = h.state.groups[g1].memberIds[0];
    h.run(FAC, { type: 'participant.move', participantId: pid, groupId: g2 });
    expect(h.state.groups[g2].memberIds).toContain(pid);
    expect(h.state.groups[g1].memberIds).not.toContain(pid);
    expect(h.outcome(FAC, { type: 'participant.move', participantId: 'ghost', groupId: g2 })).toBe('not_found');
    expect(h.outcome(FAC, { type: 'participant.move', participantId: pid, groupId: 'nope' })).toBe('not_found');
    expect(
      h.outcome(FAC, {
        type: 'groups.merge',
        groupIds: [
          [g1, g2],
          [g1, g2],
        ],
      }),
    ).toBe('invalid');
    expect(h.outcome(asP(pid), { type: 'participant.move', participantId: pid, groupId: g1 })).toBe('forbidden');
  });

  it('deals prompts jigsaw-style and rotates them', () => {
    const h = room(6);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 3 } });
    h.run(FAC, { type: 'prompts.deal', mode: 'jigsaw' });
    const dealt = () => h.state.groupOrder.map((id) => h.state.groups[id].promptIds);
    expect(dealt()).toEqual([['p1'], ['p2'], ['p3']]);
    h.run(FAC, { type: 'prompts.rotate' });
    expect(dealt()).toEqual([['p2'], ['p3'], ['p1']]);
    h.run(FAC, { type: 'prompts.deal', mode: 'all' });
    expect(dealt()).toEqual([null, null, null]);
    expect(h.outcome(FAC, { type: 'prompts.rotate' })).toBe('conflict');
  });

  it('jigsaw with more prompts than groups gives a group several prompts and drops none', () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'prompts.deal', mode: 'jigsaw' });
    const dealt = h.state.groupOrder.map((id) => h.state.groups[id].promptIds);
    expect(dealt).toEqual([['p1', 'p3'], ['p2']]);
    expect(new Set(dealt.flat())).toEqual(new Set(['p1', 'p2', 'p3']));
  });

  it('jigsaw with one group gives it every prompt, and with more groups than prompts repeats them', () => {
    expect(dealJigsaw(['g1'], ['p1', 'p2', 'p3'])).toEqual({ g1: ['p1', 'p2', 'p3'] });
    expect(dealJigsaw(['g1', 'g2', 'g3', 'g4'], ['p1', 'p2'])).toEqual({ g1: ['p1'], g2: ['p2'], g3: ['p1'], g4: ['p2'] });
  });

  it('anonymous sessions hide other people’s authorship from participants but not their own', () => {
    const h = new DomainHarness({ anonymous: true });
    h.join('a');
    h.join('b');
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 60 });
    h.run(asP('a'), { type: 'answer.add', promptId: 'p1', text: 'mine' });
    const [answer] = Object.values(viewFor(h.state, { role: 'participant', participantId: 'b' }).answers);
    expect(answer.authorId).toBeNull();
    const [own] = Object.values(viewFor(h.state, { role: 'participant', participantId: 'a' }).answers);
    expect(own.authorId).toBe('a');
  });
});
