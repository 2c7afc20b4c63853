import { describe, expect, it } from 'vitest';
import { Command } from '../../../shared/protocol/commands.js';
import { SessionEvent } from '../../../shared/protocol/events.js';
import { apply } from '../../../shared/domain/reducer.js';
import { currentBlock, nextBlock, PLAN_LIMITS, type PlanBlockInput } from '../../../shared/domain/plan.js';
import { PLAN_TEMPLATES } from '../../../shared/domain/plan-templates.js';
import { checkImportedPlanEvent } from '../../../shared/domain/decide/plan.js';
import { DomainError } from '../../../shared/domain/context.js';
import { audienceOf, viewFor } from '../../../shared/domain/projection.js';
import { LANGUAGES } from '../../../shared/schemas/primitives.js';
import { SessionState } from '../../../shared/schemas/session.js';
import { DomainHarness, FAC, asP } from './harness.js';

const welcome: PlanBlockInput = { kind: 'plenary', title: 'Welcome', durationSeconds: 600 };
const round: PlanBlockInput = {
  kind: 'breakout',
  title: 'Round 1',
  durationSeconds: 1200,
  grouping: 'new-faces',
  sizing: null,
  promptIds: null,
  jigsaw: false,
};
const vote: PlanBlockInput = { kind: 'voting', title: null, durationSeconds: 300, votesPerParticipant: 3 };

/** A plan.set as the server gets it: parsed by the command schema first, as every socket payload is. */
function parsed(blocks: unknown[]) {
  const r = Command.safeParse({ type: 'plan.set', opId: 'op-plan-0001', blocks });
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data as Extract<Command, { type: 'plan.set' }>;
}

function harnessWithPlan(blocks: PlanBlockInput[] = [welcome, round, vote]) {
  const h = new DomainHarness();
  h.run(FAC, { type: 'plan.set', blocks: parsed(blocks).blocks });
  return h;
}

describe('plan.set', () => {
  it('lays out the blocks in order, giving each an id', () => {
    const h = harnessWithPlan();
    const plan = h.state.plan!;
    expect(plan.blocks.map((b) => b.kind)).toEqual(['plenary', 'breakout', 'voting']);
    expect(new Set(plan.blocks.map((b) => b.id)).size).toBe(3);
    expect(plan.currentId).toBeNull();
    expect(plan.runs).toEqual([]);
    expect(nextBlock(plan)?.title).toBe('Welcome');
  });

  it('reorders and edits blocks by id, keeping their ids', () => {
    const h = harnessWithPlan();
    const [a, b, c] = h.state.plan!.blocks;
    h.run(FAC, { type: 'plan.set', blocks: parsed([{ ...c }, { ...a, title: 'Coffee and welcome' }, { ...b, durationSeconds: 900 }]).blocks });
    const blocks = h.state.plan!.blocks;
    expect(blocks.map((x) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(blocks[1].title).toBe('Coffee and welcome');
    expect(blocks[2].durationSeconds).toBe(900);
  });

  it('adds and removes blocks that never ran', () => {
    const h = harnessWithPlan();
    const [a] = h.state.plan!.blocks;
    h.run(FAC, { type: 'plan.set', blocks: parsed([a, { kind: 'evaluation', title: null, durationSeconds: 600 }]).blocks });
    expect(h.state.plan!.blocks.map((x) => x.kind)).toEqual(['plenary', 'evaluation']);
  });

  it('refuses unknown block ids, unknown prompts, a block twice and removing a block that ran; the state stays as it was', () => {
    const h = harnessWithPlan();
    const [a, b] = h.state.plan!.blocks;
    expect(h.outcome(FAC, { type: 'plan.set', blocks: parsed([{ ...welcome, id: 'nope' }]).blocks })).toBe('not_found');
    expect(h.outcome(FAC, { type: 'plan.set', blocks: parsed([{ ...round, promptIds: ['p9'] }]).blocks })).toBe('not_found');
    expect(h.outcome(FAC, { type: 'plan.set', blocks: parsed([a, a]).blocks })).toBe('invalid');
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    expect(h.outcome(FAC, { type: 'plan.set', blocks: parsed([b]).blocks })).toBe('conflict');
  });

  it('is for facilitators only', () => {
    const h = new DomainHarness();
    h.join('ann');
    expect(h.outcome(asP('ann'), { type: 'plan.set', blocks: parsed([welcome]).blocks })).toBe('forbidden');
    expect(h.outcome(asP('ann'), { type: 'plan.step', blockId: null })).toBe('forbidden');
    expect(h.state.plan).toBeUndefined();
  });
});

describe('invalid blocks are refused by the schema, with a message that names the field', () => {
  const refused = (blocks: unknown[]) => () => parsed(blocks);
  it.each([
    ['a duration under the round minimum', [{ ...welcome, durationSeconds: 5 }], /0\.durationSeconds/],
    ['a duration over four hours', [{ ...round, durationSeconds: 5 * 3600 }], /0\.durationSeconds/],
    ['an unknown kind', [{ kind: 'lunch', title: null, durationSeconds: 600 }], /blocks\.0\.kind/],
    ['an unknown grouping', [{ ...round, grouping: 'alphabetical' }], /0\.grouping/],
    ['a field of another kind', [{ ...welcome, votesPerParticipant: 3 }], /votesPerParticipant/],
    ['no votes to cast', [{ ...vote, votesPerParticipant: 0 }], /0\.votesPerParticipant/],
    ['a title too long', [{ ...welcome, title: 'x'.repeat(PLAN_LIMITS.blockTitle + 1) }], /0\.title/],
    ['too many blocks', Array.from({ length: PLAN_LIMITS.blocks + 1 }, () => welcome), /blocks/],
  ])('%s', (_what, blocks, message) => {
    expect(refused(blocks)).toThrow(message);
  });
});

describe('plan.step', () => {
  it('starts a block, ends the one before at the same moment, and ends the plan with null', () => {
    const h = harnessWithPlan();
    const [a, b, c] = h.state.plan!.blocks;
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    expect(currentBlock(h.state.plan)?.id).toBe(a.id);
    expect(nextBlock(h.state.plan)?.id).toBe(b.id);
    h.now += 600_000;
    h.run(FAC, { type: 'plan.step', blockId: b.id });
    h.now += 60_000;
    h.run(FAC, { type: 'plan.step', blockId: c.id });
    h.now += 30_000;
    h.run(FAC, { type: 'plan.step', blockId: null });
    const { runs, currentId } = h.state.plan!;
    expect(currentId).toBeNull();
    expect(runs).toEqual([
      { blockId: a.id, startedAt: 1_000_000, endedAt: 1_600_000 },
      { blockId: b.id, startedAt: 1_600_000, endedAt: 1_660_000 },
      { blockId: c.id, startedAt: 1_660_000, endedAt: 1_690_000 },
    ]);
    expect(nextBlock(h.state.plan)).toBeNull();
  });

  it('may skip and go back: the plan records what ran, in the order it ran', () => {
    const h = harnessWithPlan();
    const [a, , c] = h.state.plan!.blocks;
    h.run(FAC, { type: 'plan.step', blockId: c.id });
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    expect(h.state.plan!.runs.map((r) => r.blockId)).toEqual([c.id, a.id]);
  });

  it('does nothing when the block is already current, and refuses unknown blocks and a step without a plan', () => {
    const h = harnessWithPlan();
    const [a] = h.state.plan!.blocks;
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    const seq = h.state.seq;
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    expect(h.state.seq).toBe(seq);
    expect(h.outcome(FAC, { type: 'plan.step', blockId: 'nope' })).toBe('not_found');
    expect(new DomainHarness().outcome(FAC, { type: 'plan.step', blockId: null })).toBe('conflict');
  });

  it('refuses anything once the session is closed', () => {
    const h = harnessWithPlan();
    h.run(FAC, { type: 'session.close' });
    expect(h.outcome(FAC, { type: 'plan.step', blockId: h.state.plan!.blocks[0].id })).toBe('closed');
  });
});

describe('the plan in events, state and views', () => {
  it('its events and the state holding it match their schemas', () => {
    const h = harnessWithPlan();
    h.run(FAC, { type: 'plan.step', blockId: h.state.plan!.blocks[0].id });
    for (const e of h.log) expect(SessionEvent.safeParse(e.event).success).toBe(true);
    expect(SessionState.safeParse(h.state).success).toBe(true);
  });

  it('participants see none of it: not in their view, and its events go to the facilitators only', () => {
    const h = harnessWithPlan();
    h.join('ann');
    h.run(FAC, { type: 'plan.step', blockId: h.state.plan!.blocks[0].id });
    expect(viewFor(h.state, { role: 'participant', participantId: 'ann' })).not.toHaveProperty('plan');
    expect(viewFor(h.state, { role: 'facilitator' }).plan).toBeDefined();
    for (const e of h.log.filter((x) => x.event.type.startsWith('plan.'))) expect(audienceOf(h.state, e.event)).toEqual({ kind: 'groups', groupIds: [] });
  });

  it('the pure reducer leaves the state it was given as it was', () => {
    const h = harnessWithPlan();
    const before = h.state;
    const frozen = JSON.stringify(before);
    apply(before, { seq: before.seq + 1, at: 2_000_000, event: { type: 'plan.stepped', blockId: before.plan!.blocks[0].id } });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe('plan templates', () => {
  it.each(PLAN_TEMPLATES.map((t) => [t.id, t]))('%s is a valid plan in every language', (_id, t) => {
    for (const l of LANGUAGES) {
      const blocks = t.blocks(l);
      expect(() => parsed(blocks)).not.toThrow();
      expect(blocks.every((b) => typeof b.title === 'string' && b.title.length > 0)).toBe(true);
      expect(t.name[l]).toBeTruthy();
    }
  });

  it('the peer-learning template is welcome, two rounds (new faces, then mixed), synthesis, dot-voting and evaluation', () => {
    const blocks = PLAN_TEMPLATES.find((t) => t.id === 'peer-learning')!.blocks('en');
    expect(blocks.map((b) => (b.kind === 'breakout' ? `${b.kind}:${b.grouping}:${b.durationSeconds / 60}` : b.kind))).toEqual([
      'plenary',
      'breakout:new-faces:20',
      'breakout:mixed:20',
      'synthesis',
      'voting',
      'evaluation',
    ]);
  });
});

describe('an imported plan event is checked as the live command was', () => {
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (err) {
      if (err instanceof DomainError) return err.code;
      throw err;
    }
  };
  it('takes what the live app wrote, and refuses what it never could', () => {
    const h = harnessWithPlan();
    const [a, b] = h.state.plan!.blocks;
    for (const e of h.log.filter((x) => x.event.type === 'plan.set'))
      expect(code(() => checkImportedPlanEvent(new DomainHarness().state, e.event as never))).toBe('ok');
    expect(code(() => checkImportedPlanEvent(h.state, { type: 'plan.stepped', blockId: a.id }))).toBe('ok');
    expect(code(() => checkImportedPlanEvent(h.state, { type: 'plan.stepped', blockId: 'nope' }))).toBe('invalid');
    expect(code(() => checkImportedPlanEvent(new DomainHarness().state, { type: 'plan.stepped', blockId: null }))).toBe('invalid');
    expect(code(() => checkImportedPlanEvent(h.state, { type: 'plan.set', blocks: [a, a] }))).toBe('invalid');
    expect(code(() => checkImportedPlanEvent(h.state, { type: 'plan.set', blocks: [{ ...a, title: 'bad\u202Etitle' }] }))).toBe('invalid');
    h.run(FAC, { type: 'plan.step', blockId: a.id });
    expect(code(() => checkImportedPlanEvent(h.state, { type: 'plan.set', blocks: [b] }))).toBe('invalid');
  });
});
