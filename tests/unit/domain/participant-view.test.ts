import { describe, expect, it } from 'vitest';
import { eventForParticipants, viewFor } from '../../../shared/domain/projection.js';
import { DomainHarness, FAC, asP } from './harness.js';

describe("a participant's view holds its own group only", () => {
  it('no other group, whatever the synthesis cites', () => {
    const h = new DomainHarness();
    for (const [id, org] of [
      ['a', 'x'],
      ['b', 'y'],
      ['c', 'x'],
      ['d', 'y'],
    ])
      h.join(id, org);
    h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 2 } });
    const formed = h.log.at(-1)!.event;
    expect(eventForParticipants(h.state, formed)).toMatchObject({ type: 'groups.formed', groups: [] });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    for (const p of ['a', 'b', 'c', 'd']) h.run(asP(p), { type: 'answer.add', promptId: 'p1', text: 'share knowledge between members' });
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'synthesis.publish', published: true });

    const mine = h.state.participants.a.groupId!;
    const view = viewFor(h.state, { role: 'participant', participantId: 'a' });
    expect(Object.keys(view.groups)).toEqual([mine]);
    expect(view.groupOrder).toEqual([mine]);
    // Participants see how many groups raised a theme (the names are in the facilitators' matrix only).
    const cited = [...new Set(view.synthesis!.prompts.flatMap((p) => p.themes.flatMap((t) => t.groupIds)))];
    expect(cited.length).toBe(2);
    expect(Object.keys(viewFor(h.state, { role: 'facilitator' }).groups).length).toBe(2);
  }, 60_000);
});

/** Every object and array anywhere inside a value. */
function objectsIn(v: unknown, out = new Set<object>()): Set<object> {
  if (v && typeof v === 'object' && !out.has(v)) {
    out.add(v);
    for (const x of Object.values(v)) objectsIn(x, out);
  }
  return out;
}

describe("a participant's view shares no record the server writes in place", () => {
  it('so an attach may read it from the live state without handing the state out (SessionHost.committedRead)', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b', 'c', 'd']) h.join(id, `org-${id}`);
    h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    for (const p of ['a', 'b', 'c', 'd']) h.run(asP(p), { type: 'answer.add', promptId: 'p1', text: 'share knowledge between members' });
    h.run(FAC, { type: 'round.end' });
    h.run(FAC, { type: 'synthesis.publish', published: true });
    h.run(FAC, { type: 'votes.open', votesPerParticipant: 2 });
    const theme = h.state.synthesis!.prompts[0].themes[0].id;
    h.run(asP('a'), { type: 'vote.cast', themeId: theme });
    h.run(FAC, { type: 'evaluation.open' });
    h.run(asP('a'), { type: 'evaluation.respond', rating: 4, takeBack: null, change: null });

    // The records the reducer writes in place (shared/domain/reducer.ts, put).
    const s = h.state;
    const written = [s.participants, s.groups, s.answers, s.synthesis!.votes, s.evaluation!.responses, s.evaluation!.respondents];
    const seen = objectsIn(viewFor(s, { role: 'participant', participantId: 'a' }));
    for (const record of written) expect(seen.has(record)).toBe(false);
    // The facilitators' view is the state itself: it must be released before it is handed out.
    expect(objectsIn(viewFor(s, { role: 'facilitator' })).has(s.answers)).toBe(true);
  });
});
