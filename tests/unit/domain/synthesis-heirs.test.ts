import { describe, expect, it } from 'vitest';
import { generateSynthesis, type MachineSynthesis } from '../../../shared/domain/curation/generate.js';
import { DomainHarness, FAC, asP } from './harness.js';

/** A machine result with the given themes (answer ids) for prompt p1, made up so the test controls the clustering. */
function machine(themes: string[][]): MachineSynthesis {
  return {
    prompts: [
      {
        promptId: 'p1',
        themes: themes.map((answerIds, i) => ({
          id: `m${i}-${answerIds.join('')}`,
          label: `Theme ${i}`,
          answerIds,
          groupIds: [],
          representativeAnswerId: answerIds[0],
          consensus: false,
        })),
        otherAnswerIds: [],
        groupsAnswering: 1,
        summary: '',
      },
    ],
  } as MachineSynthesis;
}

describe('a new draft keeps the ids of the themes it continues', () => {
  it('a theme sharing at least half of its answers with a previous one inherits its id (and whether it was hidden); others are new', () => {
    const h = new DomainHarness();
    h.join('a');
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((h.run(asP('a'), { type: 'answer.add', promptId: 'p1', text: `idea ${i}` }) as { answerId: string }).answerId);
    const [a, b, c, d, e, f, g, k] = ids;
    const first = generateSynthesis(
      h.state,
      null,
      1,
      0.5,
      machine([
        [a, b, c, d],
        [e, f],
        [g, k],
      ]),
    );
    const before = first.prompts[0].themes;
    const hidden = { ...first, prompts: [{ ...first.prompts[0], themes: before.map((t, i) => (i === 1 ? { ...t, hidden: true } : t)) }] };
    // [a,b,c] continues [a,b,c,d] (Jaccard 3/4); [e,f,g] continues [e,f] (2/3); [d,k] matches nothing by half.
    const next = generateSynthesis(
      h.state,
      hidden,
      2,
      0.5,
      machine([
        [a, b, c],
        [e, f, g],
        [d, k],
      ]),
    );
    const byAnswers = new Map(next.prompts[0].themes.map((t) => [t.answerIds.join(','), t]));
    expect(byAnswers.get([a, b, c].join(','))!.id).toBe(before[0].id);
    expect(byAnswers.get([e, f, g].join(','))).toMatchObject({ id: before[1].id, hidden: true });
    expect([before[0].id, before[1].id, before[2].id]).not.toContain(byAnswers.get([d, k].join(','))!.id);
  });
});
