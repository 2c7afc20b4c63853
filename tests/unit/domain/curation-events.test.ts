import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/protocol/commands.js';
import type { EventEnvelope, SessionEvent } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import type { SynthesisDoc } from '../../../shared/schemas/synthesis.js';
import { decide } from '../../../shared/domain/decide.js';
import type { MachineSynthesis } from '../../../shared/domain/curation/generate.js';
import { editSummary, hideTheme, mergeThemes, moveAnswer, renameTheme, setConsensus, splitTheme } from '../../../shared/domain/curation/operations.js';
import { EMPTY_STATE, apply, applyAll } from '../../../shared/domain/reducer.js';
import { eventForParticipants, participantSees, viewFor } from '../../../shared/domain/projection.js';
import { type CommandInput, DomainHarness, FAC, asP } from './harness.js';

/** Four people in two groups, eleven answers, and a synthesis with known themes (as a worker would have made it). */
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
  const who = ['a', 'b', 'c', 'd'];
  const ids = Array.from(
    { length: 11 },
    (_, i) =>
      (
        h.run(asP(who[i % 4]), { type: 'answer.add', promptId: i < 8 ? 'p1' : 'p2', text: `answer number ${i} about networks`, language: 'en' }) as {
          answerId: string;
        }
      ).answerId,
  );
  const theme = (id: string, label: string, answerIds: string[]) => ({
    id,
    label,
    representativeAnswerId: answerIds[0],
    answerIds,
    groupIds: [],
    consensus: false,
  });
  const machine: MachineSynthesis = {
    prompts: [
      {
        promptId: 'p1',
        themes: [
          theme('th1', 'Lobby', [ids[0], ids[1]]),
          theme('th2', 'Funding', [ids[2], ids[3]]),
          theme('th3', 'Coffee', [ids[4]]),
          theme('th4', 'Events', [ids[5], ids[6]]),
        ],
        otherAnswerIds: [ids[7]],
        groupsAnswering: 0,
        summary: '',
      },
      {
        promptId: 'p2',
        themes: [theme('th5', 'Learning', [ids[8], ids[9]]), theme('th6', 'Visits', [ids[10]])],
        otherAnswerIds: [],
        groupsAnswering: 0,
        summary: '',
      },
      { promptId: 'p3', themes: [], otherAnswerIds: [], groupsAnswering: 0, summary: '' },
    ],
    engine: { kind: 'lexical' },
  };
  const d = decide(h.state, { type: 'synthesis.run', opId: 'op-00000001' } as Command, h.ctx(FAC), machine);
  h.append(d.events);
  return { h, ids };
}

/** The old path, as it was: every curation step decided into one `synthesis.updated` with the whole document. */
function oldEvents(s: SessionState, c: CommandInput, newId: string): SessionEvent[] {
  const doc = s.synthesis!;
  const l = s.language;
  const whole = (synthesis: SynthesisDoc): SessionEvent[] => [{ type: 'synthesis.updated', synthesis }];
  switch (c.type) {
    case 'synthesis.renameTheme':
      return whole(renameTheme(doc, l, c.themeId, c.label));
    case 'synthesis.mergeThemes':
      return whole(mergeThemes(doc, l, c.themeIds));
    case 'synthesis.moveAnswer':
      return whole(moveAnswer(doc, l, c.answerId, c.themeId));
    case 'synthesis.splitTheme':
      return whole(splitTheme(doc, l, c.themeId, c.answerIds, newId));
    case 'synthesis.hideTheme':
      return whole(hideTheme(doc, l, c.themeId, c.hidden));
    case 'synthesis.setConsensus':
      return whole(setConsensus(doc, l, c.themeId, c.consensus));
    case 'synthesis.editSummary':
      return whole(editSummary(doc, l, c.promptId, c.summary));
    case 'synthesis.publish':
      return doc.published === c.published ? [] : whole({ ...doc, published: c.published });
    case 'votes.open':
      return whole({ ...doc, votesPerParticipant: c.votesPerParticipant });
    default:
      throw new Error(`not a curation step: ${c.type}`);
  }
}

type Step = { cmd: CommandInput; actor?: 'a'; small: boolean; seen: boolean };
const S = (cmd: CommandInput, small: boolean, seen: boolean, actor?: 'a'): Step => ({ cmd, small, seen, actor });

/** ids: the answers by index (see room()). small: travels as a small event; seen: participants receive something. */
const TABLE = (ids: string[]): Step[] => [
  // Unpublished: small, and participants hear nothing.
  S({ type: 'synthesis.renameTheme', themeId: 'th1', label: 'Lobbying' }, true, false),
  S({ type: 'synthesis.hideTheme', themeId: 'th3', hidden: true }, true, false),
  S({ type: 'synthesis.moveAnswer', answerId: ids[2], themeId: 'th1' }, true, false),
  S({ type: 'synthesis.setConsensus', themeId: 'th2', consensus: true }, true, false),
  S({ type: 'synthesis.editSummary', promptId: 'p1', summary: 'Ours.' }, true, false),
  // Publishing: participants need the document.
  S({ type: 'synthesis.publish', published: true }, false, true),
  S({ type: 'synthesis.publish', published: true }, true, false), // no change, no event
  // Published, shown themes: small, and everyone applies it.
  S({ type: 'synthesis.renameTheme', themeId: 'th1', label: 'Lobbying together' }, true, true),
  S({ type: 'votes.open', votesPerParticipant: 2 }, true, true),
  { ...S({ type: 'vote.cast', themeId: 'th2' }, true, true), actor: 'a' },
  S({ type: 'synthesis.moveAnswer', answerId: ids[7], themeId: 'th2' }, true, true),
  S({ type: 'synthesis.moveAnswer', answerId: ids[3], themeId: null }, true, true),
  S({ type: 'synthesis.mergeThemes', themeIds: ['th1', 'th2'] }, true, true),
  S({ type: 'synthesis.splitTheme', themeId: 'th1', answerIds: [ids[0]] }, true, true),
  S({ type: 'synthesis.setConsensus', themeId: 'th1', consensus: null }, true, true),
  S({ type: 'synthesis.hideTheme', themeId: 'th5', hidden: false }, true, true),
  S({ type: 'synthesis.editSummary', promptId: 'p1', summary: null }, true, true),
  // A hidden theme: small steps never reach participants.
  S({ type: 'synthesis.renameTheme', themeId: 'th3', label: 'SECRET hidden label' }, true, false),
  S({ type: 'synthesis.setConsensus', themeId: 'th3', consensus: true }, true, false),
  S({ type: 'synthesis.hideTheme', themeId: 'th3', hidden: true }, true, false),
  // Crossing into or out of a hidden theme shows or withdraws content: the whole document.
  S({ type: 'synthesis.moveAnswer', answerId: ids[5], themeId: 'th3' }, false, true),
  S({ type: 'synthesis.moveAnswer', answerId: ids[4], themeId: 'th4' }, false, true),
  S({ type: 'synthesis.hideTheme', themeId: 'th4', hidden: true }, false, true),
  S({ type: 'synthesis.moveAnswer', answerId: ids[4], themeId: 'th3' }, true, false), // hidden to hidden
  S({ type: 'synthesis.mergeThemes', themeIds: ['th3', 'th4'] }, false, true),
  S({ type: 'synthesis.hideTheme', themeId: 'th3', hidden: false }, false, true),
  S({ type: 'synthesis.hideTheme', themeId: 'th5', hidden: true }, false, true),
  S({ type: 'synthesis.splitTheme', themeId: 'th5', answerIds: [ids[8]] }, false, true),
  // Withdrawn: one small event, participants get an empty synthesis; curation goes on unseen.
  S({ type: 'synthesis.publish', published: false }, true, true),
  S({ type: 'synthesis.renameTheme', themeId: 'th6', label: 'Study visits' }, true, false),
  S({ type: 'synthesis.publish', published: true }, false, true),
];

const P = { role: 'participant', participantId: 'b' } as const;
const CURATION_SMALL = new Set([
  'synthesis.themeRenamed',
  'synthesis.themesMerged',
  'synthesis.answerMoved',
  'synthesis.themeSplit',
  'synthesis.themeHidden',
  'synthesis.consensusSet',
  'synthesis.summaryEdited',
  'synthesis.unpublished',
  'synthesis.votesOpened',
]);

function runTable() {
  const { h, ids } = room();
  const start = h.state;
  const startSeq = h.log.length;
  const oldLog: EventEnvelope[] = [...h.log];
  let old = h.state;
  let participant = viewFor(h.state, P);
  const delivered: { event: SessionEvent; before: SessionState }[] = [];
  const rows: { step: Step; events: SessionEvent[]; old: SynthesisDoc | null; now: SynthesisDoc | null; participant: SessionState; snapshot: SessionState }[] =
    [];
  let n = 0;
  for (const step of TABLE(ids)) {
    const newId = `split${++n}`;
    const before = h.state;
    const ctx = { ...h.ctx(step.actor ? asP(step.actor) : FAC), newId: () => newId };
    const events = decide(h.state, { opId: 'op-00000000', ...step.cmd } as Command, ctx).events;
    h.append(events);
    // The old path on its own log.
    const oldEvs = step.cmd.type === 'vote.cast' ? events : oldEvents(old, step.cmd, newId);
    const oldEnvs = oldEvs.map((event, i) => ({ seq: old.seq + 1 + i, at: h.now, event }));
    oldLog.push(...oldEnvs);
    old = applyAll(old, oldEnvs);
    // A participant, live: what the broadcast sends them, applied with the shared reducer.
    for (const env of h.log.slice(h.log.length - events.length)) {
      if (!participantSees(h.state, P.participantId, env.event)) continue;
      const event = eventForParticipants(h.state, env.event, P.participantId);
      delivered.push({ event, before });
      participant = apply(participant, { ...env, event });
    }
    rows.push({ step, events, old: old.synthesis, now: h.state.synthesis, participant, snapshot: viewFor(h.state, P) });
  }
  return { h, start, startSeq, oldLog, old, rows, delivered };
}

describe('curation as small events', () => {
  const run = runTable();

  it.each(run.rows.map((r, i) => [i, r.step.cmd.type, r] as const))('step %i (%s): the same document as the whole-document path', (_i, _type, r) => {
    expect(r.now).toEqual(r.old);
  });

  it.each(run.rows.map((r, i) => [i, r.step.cmd.type, r] as const))(
    'step %i (%s): small or whole as designed; participants hear it only when they may',
    (_i, _type, r) => {
      const curation = r.events.filter((e) => e.type !== 'vote.cast');
      for (const e of curation) expect(e.type === 'synthesis.updated' ? 'whole' : 'small').toBe(r.step.small ? 'small' : 'whole');
      const seen = r.events.some((e) => participantSees(r.participant, P.participantId, e));
      if (r.events.length) expect(seen).toBe(r.step.seen);
    },
  );

  it.each(run.rows.map((r, i) => [i, r.step.cmd.type, r] as const))(
    'step %i (%s): a participant following the events sees what a snapshot shows',
    (_i, _type, r) => {
      expect(r.participant.synthesis).toEqual(r.snapshot.synthesis);
    },
  );

  it('never sends participants a small event about an unpublished document or a hidden theme', () => {
    const smallOnes = run.delivered.filter((d) => CURATION_SMALL.has(d.event.type));
    expect(smallOnes.length).toBeGreaterThan(5);
    for (const { event, before } of smallOnes) {
      expect(before.synthesis!.published).toBe(true);
      if (event.type === 'synthesis.unpublished') throw new Error('participants get it as an empty synthesis.updated');
      const themeIds = 'themeIds' in event ? event.themeIds : 'themeId' in event && event.themeId ? [event.themeId] : [];
      const hidden = before
        .synthesis!.prompts.flatMap((p) => p.themes)
        .filter((t) => t.hidden)
        .map((t) => t.id);
      for (const id of themeIds) expect(hidden).not.toContain(id);
    }
    expect(JSON.stringify(smallOnes.map((d) => d.event))).not.toContain('SECRET');
  });

  it('a replay of the new log, of an old whole-document log, and catch-up from any point agree', () => {
    const fresh = applyAll(EMPTY_STATE, run.h.log);
    expect(fresh).toEqual(run.h.state);
    expect(applyAll(EMPTY_STATE, run.oldLog)).toEqual(run.old);
    expect(fresh.synthesis).toEqual(run.old.synthesis);
    // Catch-up judges every missed event on the state at the end: a participant replaying from the start still ends right.
    let view = viewFor(run.start, P);
    for (const env of run.h.log.slice(run.startSeq)) {
      if (participantSees(run.h.state, P.participantId, env.event))
        view = apply(view, { ...env, event: eventForParticipants(run.h.state, env.event, P.participantId) });
    }
    expect(view.synthesis).toEqual(viewFor(run.h.state, P).synthesis);
  });

  it('a small event stays small however big the document', () => {
    const renamed = run.rows.find((r) => r.step.cmd.type === 'synthesis.renameTheme' && r.step.seen)!;
    expect(JSON.stringify(renamed.events).length).toBeLessThan(200);
  });
});
