import { describe, expect, it } from 'vitest';
import { DomainHarness, FAC, asP } from './harness.js';

function roomInRound(opts: { anonymous?: boolean } = {}) {
  const h = new DomainHarness(opts);
  for (const [id, org] of [
    ['a', 'o1'],
    ['b', 'o2'],
    ['c', 'o1'],
    ['d', 'o2'],
  ] as const)
    h.join(id, org);
  h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 2 } });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  return h;
}

/** Two people in different groups. */
function splitPair(h: DomainHarness): { me: string; mate: string; other: string } {
  const me = 'a';
  const g = h.groupOf(me)!;
  const mate = g.memberIds.find((id) => id !== me)!;
  const other = Object.keys(h.state.participants).find((id) => !g.memberIds.includes(id))!;
  return { me, mate, other };
}

describe('phases and rounds', () => {
  it('runs lobby → breakout → plenary → closed', () => {
    const h = roomInRound();
    expect(h.state.phase).toBe('breakout');
    expect(h.state.round).toMatchObject({ number: 1, endsAt: h.now + 600_000, endedAt: null });
    h.now += 1000;
    h.run(FAC, { type: 'round.end' });
    expect(h.state.phase).toBe('plenary');
    expect(h.state.round?.endedAt).toBe(h.now);
    h.run(FAC, { type: 'session.close' });
    expect(h.state.phase).toBe('closed');
  });

  it.each([
    ['start while running', (h: DomainHarness) => h.outcome(FAC, { type: 'round.start', durationSeconds: 60 }), 'conflict'],
    ['regroup while running', (h: DomainHarness) => h.outcome(FAC, { type: 'groups.form', mode: 'random' }), 'conflict'],
    ['stale timer for round 0', (h: DomainHarness) => h.outcome({ role: 'system' }, { type: 'round.end', roundNumber: 0 }), 'conflict'],
    ['timer before time is up', (h: DomainHarness) => h.outcome({ role: 'system' }, { type: 'round.end', roundNumber: 1 }), 'conflict'],
    ['participant ends round', (h: DomainHarness) => h.outcome(asP('a'), { type: 'round.end' }), 'forbidden'],
    ['participant broadcasts', (h: DomainHarness) => h.outcome(asP('a'), { type: 'broadcast.send', message: 'hi' }), 'forbidden'],
  ])('refuses: %s', (_name, act, code) => {
    expect(act(roomInRound())).toBe(code);
  });

  it('the timer ends the round once its time is up, and extension moves the end', () => {
    const h = roomInRound();
    h.now += 300_000;
    h.run(FAC, { type: 'round.extend', seconds: 120 });
    expect(h.state.round!.endsAt).toBe(1_000_000 + 720_000);
    h.now = h.state.round!.endsAt;
    h.run({ role: 'system' }, { type: 'round.end', roundNumber: 1 });
    expect(h.state.phase).toBe('plenary');
    expect(h.log.at(-1)!.event).toMatchObject({ type: 'round.ended', reason: 'timer' });
  });

  it('extending after the time is up counts from now', () => {
    const h = roomInRound();
    h.now += 700_000;
    h.run(FAC, { type: 'round.extend', seconds: 60 });
    expect(h.state.round!.endsAt).toBe(h.now + 60_000);
  });

  it('a closed session refuses everything', () => {
    const h = roomInRound();
    h.run(FAC, { type: 'session.close' });
    expect(h.outcome(FAC, { type: 'broadcast.send', message: 'x' })).toBe('closed');
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: 'p1', text: 'late' })).toBe('closed');
  });
});

describe('answers', () => {
  it('adds into the participant’s own group with author and round', () => {
    const h = roomInRound();
    const { answerId } = h.run(asP('a'), { type: 'answer.add', promptId: 'p1', text: 'Speak with one voice' }) as { answerId: string };
    expect(h.state.answers[answerId]).toMatchObject({ groupId: h.groupOf('a')!.id, authorId: 'a', round: 1, text: 'Speak with one voice' });
    expect(h.groupOf('a')!.lastActivityAt).toBe(h.now);
  });

  it.each([
    ['author edits own', 'me', 'answer.edit', 'ok'],
    ['author deletes own', 'me', 'answer.delete', 'ok'],
    ['group-mate edits', 'mate', 'answer.edit', 'forbidden'],
    ['group-mate deletes', 'mate', 'answer.delete', 'forbidden'],
    ['other group edits', 'other', 'answer.edit', 'forbidden'],
    ['facilitator edits', 'fac', 'answer.edit', 'ok'],
    ['facilitator deletes', 'fac', 'answer.delete', 'ok'],
  ] as const)('rule: %s → %s', (_name, who, type, expected) => {
    const h = roomInRound();
    const people = splitPair(h);
    const { answerId } = h.run(asP(people.me), { type: 'answer.add', promptId: 'p1', text: 'original' }) as { answerId: string };
    const actor = who === 'fac' ? FAC : asP(people[who]);
    const payload = type === 'answer.edit' ? { type, answerId, text: 'changed' } : { type, answerId };
    expect(h.outcome(actor, payload)).toBe(expected);
  });

  it.each([['in the lobby', (h: DomainHarness) => h, 'conflict']])('refuses answers %s', (_n, _f, code) => {
    const h = new DomainHarness();
    h.join('a');
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: 'p1', text: 'x' })).toBe(code);
  });

  it('refuses a prompt not dealt to the group (jigsaw) and an unknown prompt', () => {
    const h = roomInRound();
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'prompts.deal', mode: 'jigsaw' });
    const g = h.groupOf('a')!;
    const other = ['p1', 'p2', 'p3'].find((p) => !g.promptIds!.includes(p))!;
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: g.promptIds![0], text: 'fine' })).toBe('ok');
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: other, text: 'no' })).toBe('forbidden');
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: 'nope', text: 'no' })).toBe('not_found');
  });

  it('a participant cannot write in another group; the facilitator can, as scribe', () => {
    const h = roomInRound();
    const { other } = splitPair(h);
    const otherGroup = h.groupOf(other)!.id;
    expect(h.outcome(asP('a'), { type: 'answer.add', promptId: 'p1', text: 'x', groupId: otherGroup })).toBe('forbidden');
    expect(h.outcome(FAC, { type: 'answer.add', promptId: 'p1', text: 'scribed', groupId: otherGroup })).toBe('ok');
  });

  it('signals done and help per group and clears them when a round starts', () => {
    const h = roomInRound();
    h.run(asP('a'), { type: 'group.signal', help: true });
    h.run(asP('a'), { type: 'group.signal', done: true });
    expect(h.groupOf('a')).toMatchObject({ help: true, done: true });
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'round.start', durationSeconds: 60 });
    expect(h.groupOf('a')).toMatchObject({ help: false, done: false });
  });
});
