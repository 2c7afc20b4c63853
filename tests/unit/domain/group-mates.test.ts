import { describe, expect, it } from 'vitest';
import { decideJoin } from '../../../shared/domain/decide/groups.js';
import { eventForParticipants, viewFor } from '../../../shared/domain/projection.js';
import { DomainHarness, FAC } from './harness.js';

describe('what group-mates see of each other', () => {
  it('names, organisations and countries, but not the type of organisation nor the attendance consent', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b']) {
      const d = decideJoin(
        h.state,
        { participantId: id, name: id.toUpperCase(), organisation: 'ENSIE', country: 'BE', organisationType: 'social-enterprise', attendanceConsent: true },
        h.ctx({ role: 'system' }),
      );
      h.append(d.events);
    }
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    const view = viewFor(h.state, { role: 'participant', participantId: 'a' });
    expect(view.participants.a).toMatchObject({ organisationType: 'social-enterprise', attendanceConsent: true });
    expect(view.participants.b).toMatchObject({ name: 'B', organisation: 'ENSIE', country: 'BE' });
    expect(view.participants.b).not.toHaveProperty('organisationType');
    expect(view.participants.b).not.toHaveProperty('attendanceConsent');
    const joined = h.log.find((e) => e.event.type === 'participant.joined')!.event;
    expect(eventForParticipants(h.state, joined, 'b')).toMatchObject({ participant: { name: 'A' } });
    expect(JSON.stringify(eventForParticipants(h.state, joined, 'b'))).not.toContain('attendanceConsent');
  });
});
