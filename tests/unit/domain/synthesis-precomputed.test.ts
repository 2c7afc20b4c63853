import { describe, expect, it } from 'vitest';
import { Command } from '../../../shared/protocol/commands.js';
import { Answer } from '../../../shared/schemas/session.js';
import { SynthesisDoc } from '../../../shared/schemas/synthesis.js';
import { DomainError } from '../../../shared/domain/context.js';
import { decide, engineNeeded } from '../../../shared/domain/decide.js';
import { type MachineSynthesis, basisOf, draftSynthesis, generateSynthesis, runEngine, synthesisInput } from '../../../shared/domain/curation/generate.js';
import { withoutTexts } from '../../../shared/domain/curation/texts.js';
import { apply, applyAll } from '../../../shared/domain/reducer.js';
import { synthesisForParticipants } from '../../../shared/domain/projection.js';
import { DomainHarness, FAC, asP } from './harness.js';

function room() {
  const h = new DomainHarness();
  for (const [id, org] of [
    ['a', 'o1'],
    ['b', 'o2'],
    ['c', 'o1'],
    ['d', 'o2'],
  ] as const)
    h.join(id, org);
  h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 2 } });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  const add = (who: string, text: string) => (h.run(asP(who), { type: 'answer.add', promptId: 'p1', text, language: 'en' }) as { answerId: string }).answerId;
  return { h, add };
}

/** What a worker would have answered for the answers there were then: one theme of the first two, the rest aside. */
function machineFor(ids: string[]): MachineSynthesis {
  return {
    prompts: ['p1', 'p2', 'p3'].map((promptId) => ({
      promptId,
      themes:
        promptId === 'p1'
          ? [{ id: 'th1', label: 'From the worker', representativeAnswerId: ids[0], answerIds: ids.slice(0, 2), groupIds: [], consensus: false }]
          : [],
      otherAnswerIds: promptId === 'p1' ? ids.slice(2) : [],
      groupsAnswering: 0,
      summary: '',
    })),
    engine: { kind: 'semantic' },
  };
}

const runWith = (h: DomainHarness, machine?: MachineSynthesis | null) => {
  const d = decide(h.state, { type: 'synthesis.run', opId: 'op-00000001' }, h.ctx(FAC), machine);
  h.append(d.events);
  return h.state.synthesis!;
};

describe('a synthesis computed beforehand (on the server’s worker)', () => {
  it('is merged as given, and says which engine made it', () => {
    const { h, add } = room();
    const ids = [add('a', 'lobby'), add('b', 'advocacy'), add('c', 'coffee')];
    const doc = runWith(h, machineFor(ids));
    const p1 = doc.prompts.find((p) => p.promptId === 'p1')!;
    expect(p1.themes.map((t) => [t.label, t.answerIds])).toEqual([['From the worker', ids.slice(0, 2)]]);
    expect(p1.otherAnswerIds).toEqual([ids[2]]);
    expect(doc.engine).toEqual({ kind: 'semantic' });
    // The engine note is the facilitators' (a fallback's reason may name a host on the operator's network).
    expect(synthesisForParticipants({ ...doc, published: true })).not.toHaveProperty('engine');
  });

  it('keeps answers added while it ran (as other ideas) and drops answers deleted meanwhile', () => {
    const { h, add } = room();
    const ids = [add('a', 'lobby'), add('b', 'advocacy'), add('c', 'coffee'), add('d', 'tea')];
    const machine = machineFor(ids);
    // The room went on while the worker ran.
    const late = add('a', 'a late idea');
    h.run(asP('b'), { type: 'answer.delete', answerId: ids[1] });
    h.run(asP('d'), { type: 'answer.delete', answerId: ids[3] });
    const doc = runWith(h, machine);
    const p1 = doc.prompts.find((p) => p.promptId === 'p1')!;
    expect(doc.answers[late]).toMatchObject({ text: 'a late idea' });
    expect(p1.otherAnswerIds).toEqual([ids[2], late]);
    expect(p1.themes.flatMap((t) => t.answerIds)).toEqual([ids[0]]);
    expect(Object.keys(doc.answers).sort()).toEqual([ids[0], ids[2], late].sort());
    expect(p1.groupsAnswering).toBe(new Set([ids[0], ids[2], late].map((id) => h.state.answers[id].groupId)).size);
  });

  it('the pure path runs the lexical engine itself', () => {
    const { h, add } = room();
    add('a', 'lobby for our shared interests');
    add('c', 'advocacy for our shared interests');
    expect(runWith(h).engine).toEqual({ kind: 'lexical' });
    expect(runEngine(h.state, 0.5).prompts).toHaveLength(3);
  });

  it('a round still ends when the worker could not compute it, and the synthesis stays as it was', () => {
    const { h, add } = room();
    add('a', 'lobby');
    const d = decide(h.state, { type: 'round.end', opId: 'op-00000002' }, h.ctx(FAC), null);
    expect(d.events.map((e) => e.type)).toEqual(['round.ended']);
  });
});

describe('engineNeeded: refused commands never reach the worker', () => {
  it.each([
    ['participant runs it', (h: DomainHarness) => engineNeeded(h.state, { type: 'synthesis.run', opId: 'op-00000003' }, h.ctx(asP('a'))), 'forbidden'],
    ['no answers yet', (h: DomainHarness) => engineNeeded(h.state, { type: 'synthesis.run', opId: 'op-00000003' }, h.ctx(FAC)), 'conflict'],
    [
      'timer before time is up',
      (h: DomainHarness) => engineNeeded(h.state, { type: 'round.end', opId: 'op-00000003', roundNumber: 1 }, h.ctx({ role: 'system' })),
      'conflict',
    ],
  ])('%s', (_name, call, code) => {
    const { h } = room();
    expect(() => call(h)).toThrow(DomainError);
    try {
      call(h);
    } catch (err) {
      expect((err as DomainError).code).toBe(code);
    }
  });

  it('says when the engine must run, and with which threshold', () => {
    const { h, add } = room();
    expect(engineNeeded(h.state, { type: 'round.end', opId: 'op-00000004' }, h.ctx(FAC))).toBeNull();
    expect(engineNeeded(h.state, { type: 'answer.add', opId: 'op-00000004', promptId: 'p1', text: 'x' }, h.ctx(asP('a')))).toBeNull();
    add('a', 'lobby');
    expect(engineNeeded(h.state, { type: 'round.end', opId: 'op-00000004' }, h.ctx(FAC))).toEqual({ threshold: 0.5 });
    expect(engineNeeded(h.state, { type: 'synthesis.run', opId: 'op-00000004', threshold: 0.75 }, h.ctx(FAC))).toEqual({ threshold: 0.75 });
  });
});

describe('answers carry their language; old logs still load', () => {
  it('answer.add stores the writer’s language when given', () => {
    const { h, add } = room();
    const id0 = add('a', 'lobby');
    expect(h.state.answers[id0].language).toBe('en');
    const id = h.run(asP('b'), { type: 'answer.add', promptId: 'p1', text: 'no language' }) as { answerId: string };
    expect(h.state.answers[id.answerId]).not.toHaveProperty('language');
    expect(Command.safeParse({ type: 'answer.add', opId: 'op-00000005', promptId: 'p1', text: 'x', language: 'xx' }).success).toBe(false);
  });

  it('answers and synthesis docs from before language and engine were recorded still parse', () => {
    expect(Answer.safeParse({ id: 'a1', promptId: 'p1', groupId: 'g1', authorId: null, text: 'old', round: 1, createdAt: 0, updatedAt: 0 }).success).toBe(true);
    const old = { generatedAt: 0, threshold: 0.5, published: false, prompts: [], answers: {}, votesPerParticipant: 0, votes: {} };
    expect(SynthesisDoc.safeParse(old).success).toBe(true);
    expect(SynthesisDoc.safeParse({ ...old, engine: { kind: 'lexical', fallbackReason: 'timed out' } }).success).toBe(true);
  });
});

describe('applyAll', () => {
  it('replays a run of answers in one pass to the same state as one event at a time, leaving its input alone', () => {
    const { h, add } = room();
    add('a', 'first');
    const start = h.state;
    const frozen = JSON.stringify(start);
    for (let i = 0; i < 50; i++) add(['a', 'b', 'c', 'd'][i % 4], `idea ${i}`);
    h.run(FAC, { type: 'answer.edit', answerId: Object.keys(h.state.answers)[3], text: 'edited' });
    for (let i = 0; i < 5; i++) add('b', `more ${i}`);
    const tail = h.log.filter((e) => e.seq > start.seq);
    expect(applyAll(start, tail)).toEqual(tail.reduce(apply, start));
    expect(JSON.stringify(start)).toBe(frozen);
  });
});

describe('a draft merged ahead on the worker', () => {
  /** What the worker answers: the engine's themes, and the draft merged against the session as the run read it. */
  function ahead(h: DomainHarness, machine: MachineSynthesis): MachineSynthesis {
    const previous = h.state.synthesis && withoutTexts(h.state.synthesis);
    const synthesis = generateSynthesis(basisOf(synthesisInput(h.state, 0.5)), previous, 5, 0.5, machine);
    return { ...machine, merged: { seq: h.state.seq, threshold: 0.5, synthesis } };
  }

  it('is the same draft the event loop would merge from the session itself', () => {
    const { h, add } = room();
    const ids = [add('a', 'lobby'), add('b', 'advocacy'), add('c', 'coffee'), add('d', 'tea')];
    runWith(h, machineFor(ids));
    h.run(FAC, { type: 'synthesis.renameTheme', themeId: h.state.synthesis!.prompts[0].themes[0].id, label: 'Curated' });
    add('b', 'one more');
    const machine = machineFor(Object.keys(h.state.answers));
    expect(ahead(h, machine).merged!.synthesis).toEqual(generateSynthesis(h.state, h.state.synthesis, 5, 0.5, machine));
  });

  it('is committed as it is when nothing happened since the run read the session, and merged again when something did', () => {
    const { h, add } = room();
    const ids = [add('a', 'lobby'), add('b', 'advocacy'), add('c', 'coffee')];
    const machine = ahead(h, machineFor(ids));
    // A marker only the worker's draft carries: which one was committed is then plain to see.
    machine.merged!.synthesis.prompts[0].summary = 'merged on the worker';
    const quiet = draftSynthesis(h.state, 9, 0.5, machine);
    expect(quiet.prompts[0].summary).toBe('merged on the worker');
    expect(quiet.generatedAt).toBe(9);
    // Another threshold than the one merged with: merged again.
    expect(draftSynthesis(h.state, 9, 0.3, machine).prompts[0].summary).not.toBe('merged on the worker');

    const late = add('d', 'a late idea');
    const moved = draftSynthesis(h.state, 9, 0.5, machine);
    expect(moved.prompts[0].summary).not.toBe('merged on the worker');
    expect(moved.prompts[0].otherAnswerIds).toEqual([ids[2], late]);
  });
});
