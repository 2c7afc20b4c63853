import { describe, expect, it } from 'vitest';
import { programmeIndicators, sessionIndicators } from '../../../shared/domain/indicators.js';
import { PartnerSettings } from '../../../shared/schemas/attendance.js';
import { DomainHarness, FAC } from '../domain/harness.js';

const SETTINGS = PartnerSettings.parse({ partners: [{ name: 'ENSIE', aliases: ['European Network of Social Integration Enterprises'] }] });

/** Groups of two, in join order (count-based split with "random" would shuffle; we move people by hand instead). */
function session(people: [string, string, string][], answeringGroups: number[] | 'all' = 'all') {
  const h = new DomainHarness();
  for (const [id, org, country] of people) h.join(id, org, country);
  h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'size', size: 2 } });
  // Put people pairwise in join order, so the test says who worked with whom.
  const groups = h.state.groupOrder;
  people.forEach(([id], i) => {
    const g = groups[Math.floor(i / 2)];
    if (h.state.participants[id].groupId !== g) h.run(FAC, { type: 'participant.move', participantId: id, groupId: g });
  });
  h.run(FAC, { type: 'round.start', durationSeconds: 60 });
  groups.forEach((g, i) => {
    if (answeringGroups === 'all' || answeringGroups.includes(i)) h.run(FAC, { type: 'answer.add', promptId: 'p1', text: `idea ${i}`, groupId: g });
  });
  return h.state;
}

describe('indicators', () => {
  it('count a group only when it wrote and its organisations come from two countries or more', () => {
    const s = session(
      [
        ['a', 'ENSIE', 'BE'],
        ['b', 'Ashoka', 'DK'], // group 1: BE + DK → cross-border
        ['c', 'RREUSE', 'BE'],
        ['d', 'Stad Gent', 'be'], // group 2: one country
        ['e', 'Kommune', 'DK'],
        ['f', 'Ville', 'FR'], // group 3: cross-border but never wrote
      ],
      [0, 1],
    );
    expect(sessionIndicators(s, SETTINGS)).toMatchObject({
      participants: 6,
      organisations: 6,
      partnerOrganisations: 1,
      externalOrganisations: 5,
      countries: 3,
      crossBorderGroups: 1,
      crossBorderOrganisations: 2,
    });
  });

  it('a programme counts an organisation and a country once, however many sessions they came to', () => {
    const one = session([
      ['a', 'ENSIE', 'BE'],
      ['b', 'Ashoka', 'DK'],
    ]);
    const two = session([
      ['c', 'European Network of Social Integration Enterprises', 'Belgium'],
      ['d', 'ashoka', 'dk'],
    ]);
    const p = programmeIndicators([one, two], SETTINGS);
    expect(p.sessions.map((x) => x.organisations)).toEqual([2, 2]);
    expect(p.total).toMatchObject({
      sessions: 2,
      participants: 4,
      organisations: 2,
      partnerOrganisations: 1,
      externalOrganisations: 1,
      countries: 3,
      crossBorderGroups: 2,
      crossBorderOrganisations: 2,
    });
  });
});
