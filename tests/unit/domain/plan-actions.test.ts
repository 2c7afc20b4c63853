import { describe, expect, it } from 'vitest';
import { blockStages, type CommandCall, endRound } from '../../../client/features/plan/actions.js';
import type { PlanBlock } from '../../../shared/domain/plan.js';
import { type CommandInput, DomainHarness, FAC } from './harness.js';

/** Runs a block's stages against the pure domain, as the console's button does over the socket; answers the commands sent. */
function runStages(h: DomainHarness, block: PlanBlock): string[] {
  const sent: string[] = [];
  for (const stage of [endRound, ...blockStages(block)]) {
    const c: CommandCall | null = stage(h.state);
    if (!c) continue;
    sent.push(c.type);
    h.run(FAC, { type: c.type, ...c.payload } as CommandInput);
  }
  return sent;
}

const breakout = (over: Partial<Extract<PlanBlock, { kind: 'breakout' }>> = {}): PlanBlock => ({
  id: 'b1',
  kind: 'breakout',
  title: null,
  durationSeconds: 900,
  grouping: 'mixed',
  sizing: { by: 'count', count: 2 },
  promptIds: null,
  jigsaw: false,
  ...over,
});

function room() {
  const h = new DomainHarness();
  for (const [id, org] of [
    ['a', 'x'],
    ['b', 'y'],
    ['c', 'x'],
    ['d', 'y'],
  ])
    h.join(id, org);
  return h;
}

describe('what a block’s button sends', () => {
  it('a breakout: forms the groups as planned and starts the round with the planned minutes', () => {
    const h = room();
    expect(runStages(h, breakout())).toEqual(['groups.form', 'round.start']);
    expect(h.state.groupOrder).toHaveLength(2);
    expect(h.state.round).toMatchObject({ number: 1, endsAt: h.now + 900_000 });
  });

  it('a breakout while a round runs: ends it first; prompts chosen for every group; jigsaw deals them out', () => {
    const h = room();
    runStages(h, breakout());
    expect(runStages(h, breakout({ grouping: 'new-faces', promptIds: ['p2'] }))).toEqual(['round.end', 'groups.form', 'prompts.deal', 'round.start']);
    expect(h.state.groupOrder.map((id) => h.state.groups[id].promptIds)).toEqual([['p2'], ['p2']]);
    runStages(h, breakout({ grouping: 'same', jigsaw: true }));
    expect(h.state.groupOrder.map((id) => h.state.groups[id].promptIds)).toEqual([['p1', 'p3'], ['p2']]);
    // Back to all prompts: the deal is undone.
    expect(runStages(h, breakout({ grouping: 'same' }))).toEqual(['round.end', 'groups.form', 'prompts.deal', 'round.start']);
    expect(h.state.groupOrder.map((id) => h.state.groups[id].promptIds)).toEqual([null, null]);
  });

  it('merging pairs of groups', () => {
    const h = room();
    runStages(h, breakout({ sizing: { by: 'size', size: 1 } }));
    expect(runStages(h, breakout({ grouping: 'merge', sizing: null }))).toEqual(['round.end', 'groups.merge', 'round.start']);
    expect(h.state.groupOrder).toHaveLength(2);
  });

  it('plenary leaves the lobby; synthesis runs and publishes; voting opens the dots; evaluation opens the evaluation', () => {
    const h = room();
    expect(runStages(h, { id: 'w', kind: 'plenary', title: null, durationSeconds: 600 })).toEqual(['session.setPhase']);
    expect(h.state.phase).toBe('plenary');
    runStages(h, breakout());
    h.run(FAC, { type: 'answer.add', promptId: 'p1', text: 'Shared lobbying', groupId: h.state.groupOrder[0] });
    expect(runStages(h, { id: 's', kind: 'synthesis', title: null, durationSeconds: 600, publish: true })).toEqual([
      'round.end',
      'synthesis.run',
      'synthesis.publish',
    ]);
    expect(h.state.synthesis?.published).toBe(true);
    expect(runStages(h, { id: 'v', kind: 'voting', title: null, durationSeconds: 600, votesPerParticipant: 2 })).toEqual(['votes.open']);
    expect(h.state.synthesis?.votesPerParticipant).toBe(2);
    expect(runStages(h, { id: 'e', kind: 'evaluation', title: null, durationSeconds: 600 })).toEqual(['evaluation.open']);
    expect(h.state.evaluation?.open).toBe(true);
    // Pressed again while it is open: nothing more to do.
    expect(runStages(h, { id: 'e', kind: 'evaluation', title: null, durationSeconds: 600 })).toEqual([]);
    // The synthesis engine loads its language data on first use: slow on a busy machine.
  }, 60_000);

  it("an evaluation block opens with the programme's own questions when it has them", () => {
    const block: PlanBlock = { id: 'e', kind: 'evaluation', title: null, durationSeconds: 600 };
    const questions = { rating: 'How useful was today?', takeBack: null, change: 'What would you drop?' };
    const [open] = blockStages(block, { evaluationQuestions: questions });
    expect(open(new DomainHarness().state)).toEqual({ type: 'evaluation.open', payload: { questions } });
    expect(blockStages(block)[0](new DomainHarness().state)).toEqual({ type: 'evaluation.open', payload: {} });
  });
});
