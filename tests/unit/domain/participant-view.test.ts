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
