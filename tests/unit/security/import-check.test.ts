import { describe, expect, it } from 'vitest';
import { replayable, ImportError } from '../../../server/export/import.js';
import type { SessionExport } from '../../../server/export/json.js';
import { withoutNames } from '../../../server/export/anonymise.js';
import { DomainHarness, FAC, asP } from '../domain/harness.js';
import { Command } from '../../../shared/protocol/commands.js';
import { PLAN_TEMPLATES } from '../../../shared/domain/plan-templates.js';

/** A whole session the live domain made: joins, a split, a round, answers, a synthesis, curation, votes, a merge, closing. */
function liveSession(): DomainHarness {
  const h = new DomainHarness();
  const plan = Command.parse({ type: 'plan.set', opId: 'op-plan-0001', blocks: PLAN_TEMPLATES[0].blocks('en') });
  if (plan.type !== 'plan.set') throw new Error('not a plan');
  h.run(FAC, plan);
  for (const [i, org] of ['A', 'B', 'C', 'D'].entries()) h.join(`p${i}`, org, 'Denmark');
  h.run(FAC, { type: 'plan.step', blockId: h.state.plan!.blocks[1].id });
  h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: 2 } });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  const texts = [
    'lobby for our shared interests',
    'represent the interests of members',
    'lobbying for shared interests',
    'advocacy for common interests',
    'cheaper purchasing together',
  ];
  texts.forEach((text, i) => h.run(asP(`p${i % 4}`), { type: 'answer.add', promptId: 'p1', text }));
  h.run(FAC, { type: 'round.end' });
  const theme = h.state.synthesis!.prompts[0].themes[0];
  h.run(FAC, { type: 'synthesis.renameTheme', themeId: theme.id, label: 'Lobbying together' });
  h.run(FAC, { type: 'synthesis.publish', published: true });
  h.run(FAC, { type: 'votes.open', votesPerParticipant: 2 });
  h.run(asP('p0'), { type: 'vote.cast', themeId: theme.id });
  h.run(asP('p1'), { type: 'vote.cast', themeId: theme.id });
  h.run(asP('p1'), { type: 'vote.retract', themeId: theme.id });
  h.run(FAC, { type: 'synthesis.hideTheme', themeId: theme.id, hidden: true });
  h.run(FAC, { type: 'groups.merge' });
  h.run(FAC, { type: 'evaluation.open' });
  h.run(asP('p0'), { type: 'evaluation.respond', rating: 4, takeBack: 'lobbying together', change: null });
  h.run(asP('p2'), { type: 'evaluation.respond', rating: 5, takeBack: 'lobby together', change: 'more time' });
  h.run(FAC, { type: 'evaluation.close' });
  h.run(FAC, { type: 'plan.step', blockId: null });
  h.run(FAC, { type: 'session.close' });
  return h;
}

const exportOf = (h: DomainHarness): SessionExport => ({
  schemaVersion: 1,
  kind: 'session',
  sessionId: 'sess1',
  createdAt: 0,
  events: h.log.map((e) => ({ seq: e.seq, at: e.at, type: e.event.type, data: e.event as unknown as Record<string, unknown> })),
});

describe('an imported log replays through the domain', () => {
  it('accepts everything the live app makes, with names or without', () => {
    const exp = exportOf(liveSession());
    expect(replayable(exp)).toHaveLength(exp.events.length);
    const anonymous = withoutNames(exp.events.map((e) => ({ ...e, data: e.data })));
    expect(replayable({ ...exp, events: anonymous.map((e) => ({ ...e, data: e.data as Record<string, unknown> })) })).toHaveLength(exp.events.length);
  }, 60_000); // the round's end runs the synthesis engine, whose language data loads on first use

  it('refuses, whole, a log with one event the live app could not have made', () => {
    const exp = exportOf(liveSession());
    const mutate = (type: string, change: (d: any) => void, nth = 0) => {
      const copy = structuredClone(exp);
      const e = copy.events.filter((x) => x.type === type)[nth];
      change(e.data);
      return copy;
    };
    const bad: [string, SessionExport][] = [
      ['answer to an unknown group', mutate('answer.added', (d) => (d.answer.groupId = 'nogroup'))],
      ['answer to an unknown prompt', mutate('answer.added', (d) => (d.answer.promptId = 'p99'))],
      ['answer too long', mutate('answer.added', (d) => (d.answer.text = 'x'.repeat(1001)))],
      ['answer with U+FFFE', mutate('answer.added', (d) => (d.answer.text = 'a\uFFFEb'))],
      ['name with a zero-width space', mutate('participant.joined', (d) => (d.participant.name = 'A\u200Bnn'))],
      ['joined twice', mutate('participant.joined', (d) => (d.participant.id = 'p0'), 1)],
      ['a vote by a stranger', mutate('vote.cast', (d) => (d.participantId = 'stranger'))],
      ['a vote on an unknown theme', mutate('vote.cast', (d) => (d.themeId = 'nosuchtheme'))],
      ['21 prompts', mutate('session.created', (d) => (d.prompts = Array.from({ length: 21 }, (_, i) => ({ id: `q${i}`, text: 'x' }))))],
      ['a 201-character title', mutate('session.created', (d) => (d.title = 'T'.repeat(201)))],
      [
        'an event after closing',
        { ...exp, events: [...exp.events, { seq: exp.events.length + 1, at: 0, type: 'broadcast.sent', data: { type: 'broadcast.sent', message: 'late' } }] },
      ],
      ['a constructor id', mutate('participant.joined', (d) => (d.participant.id = 'constructor'))],
      ['a plan block twice', mutate('plan.set', (d) => d.blocks.push(d.blocks[0]))],
      ['an evaluation answer too long', mutate('evaluation.responded', (d) => (d.response.takeBack = 'x'.repeat(1001)))],
      [
        'an evaluation response twice',
        mutate('evaluation.responded', (d) => (d.response.id = (exp.events.find((x) => x.type === 'evaluation.responded')!.data as any).response.id), 1),
      ],
      ['one person answering the evaluation twice', mutate('evaluation.respondentRecorded', (d) => (d.participantId = 'p0'), 1)],
      ['an evaluation theme of unknown responses', mutate('evaluation.closed', (d) => d.themes.takeBack.push({ label: 'x', responseIds: ['nope'] }))],
    ];
    for (const [what, e] of bad) expect(() => replayable(e), what).toThrow(ImportError);
  }, 60_000);
});
