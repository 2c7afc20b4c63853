import { describe, expect, it } from 'vitest';
import { Command } from '../../../shared/protocol/commands.js';
import { SessionEvent } from '../../../shared/protocol/events.js';
import { SessionState } from '../../../shared/schemas/session.js';
import { evaluationTrend, questionText, ratingSummary, themeCounts } from '../../../shared/domain/evaluation.js';
import { evaluationThemes } from '../../../shared/domain/decide/evaluation.js';
import { decide, engineNeeded } from '../../../shared/domain/decide.js';
import { synthesize } from '../../../shared/synthesis/index.js';
import { eventForFacilitators, eventForParticipants, readersWithOwnVersion, viewFor } from '../../../shared/domain/projection.js';
import { DomainHarness, FAC, asP } from './harness.js';

const PEOPLE = ['ann', 'ben', 'cas', 'dee'];

function opened() {
  const h = new DomainHarness();
  for (const id of PEOPLE) h.join(id, `org-${id}`);
  h.run(FAC, { type: 'evaluation.open' });
  return h;
}

const respond = (rating: number, takeBack: string | null = null, change: string | null = null) =>
  ({ type: 'evaluation.respond', rating, takeBack, change }) as const;

/** Every string anywhere in a value (keys included): where a participant id could hide. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

describe('evaluation round: commands', () => {
  it('refuses a rating out of 1-5 (and a fraction) with a zod error, and accepts 1 and 5', () => {
    for (const rating of [0, 6, -1, 3.5, '4']) {
      const parsed = Command.safeParse({ type: 'evaluation.respond', opId: 'op-00000001', rating, takeBack: 'x', change: null });
      expect(parsed.success, `rating ${rating}`).toBe(false);
      expect(parsed.error!.issues[0].path).toEqual(['rating']);
    }
    for (const rating of [1, 5]) expect(Command.safeParse({ type: 'evaluation.respond', opId: 'op-00000001', rating }).success).toBe(true);
  });

  it('turns empty open answers and questions into null (the default question), and refuses unknown keys', () => {
    const c = Command.parse({ type: 'evaluation.respond', opId: 'op-00000001', rating: 4, takeBack: '  ', change: ' Less talk ' });
    expect(c).toMatchObject({ takeBack: null, change: 'Less talk' });
    const o = Command.parse({ type: 'evaluation.open', opId: 'op-00000001', questions: { rating: '', takeBack: 'What will you try?' } });
    expect(o).toMatchObject({ questions: { rating: null, takeBack: 'What will you try?', change: null } });
    expect(Command.safeParse({ type: 'evaluation.respond', opId: 'op-00000001', rating: 4, participantId: 'ann' }).success).toBe(false);
  });

  it('only facilitators open and close; only participants respond; nothing while closed', () => {
    const h = new DomainHarness();
    h.join('ann');
    expect(h.outcome(asP('ann'), { type: 'evaluation.open' })).toBe('forbidden');
    expect(h.outcome(asP('ann'), respond(4))).toBe('conflict');
    expect(h.outcome(FAC, { type: 'evaluation.close' })).toBe('conflict');
    expect(h.outcome(FAC, { type: 'evaluation.open' })).toBe('ok');
    expect(h.outcome(FAC, respond(4))).toBe('forbidden');
    expect(h.outcome(asP('ann'), respond(4))).toBe('ok');
    expect(h.outcome(FAC, { type: 'evaluation.close' })).toBe('ok');
    expect(h.outcome(asP('ann'), { type: 'evaluation.close' })).toBe('forbidden');
    expect(h.outcome(asP('ann'), respond(5))).toBe('conflict');
    expect(h.state.evaluation).toMatchObject({ open: false });
  });

  it('takes one response per participant, also after closing and opening again', () => {
    const h = opened();
    h.run(asP('ann'), respond(5, 'A', 'B'));
    expect(h.outcome(asP('ann'), respond(1, 'again'))).toBe('conflict');
    h.run(FAC, { type: 'evaluation.close' });
    h.run(FAC, { type: 'evaluation.open' });
    expect(h.outcome(asP('ann'), respond(1, 'again'))).toBe('conflict');
    expect(h.outcome(asP('ben'), respond(2))).toBe('ok');
    expect(Object.keys(h.state.evaluation!.responses)).toHaveLength(2);
    expect(ratingSummary(h.state.evaluation)).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
  });

  it('keeps the questions once someone answered, and lets them change before', () => {
    const h = opened();
    expect(h.outcome(FAC, { type: 'evaluation.open', questions: { rating: null, takeBack: 'What will you try first?', change: null } })).toBe('ok');
    expect(h.state.evaluation!.questions.takeBack).toBe('What will you try first?');
    h.run(asP('ann'), respond(4));
    expect(h.outcome(FAC, { type: 'evaluation.open', questions: { rating: 'Other?', takeBack: null, change: null } })).toBe('conflict');
    h.run(FAC, { type: 'evaluation.close' });
    // Opening again without questions keeps the ones asked.
    h.run(FAC, { type: 'evaluation.open' });
    expect(h.state.evaluation!.questions.takeBack).toBe('What will you try first?');
  });
});

describe('evaluation round: anonymity', () => {
  it('no response event names anyone, and no reader other than the respondent ever sees a participant id', () => {
    const h = opened();
    const before = h.log.length;
    h.run(asP('ann'), respond(4, 'Peer visits between cities', 'More time in groups'));
    h.run(asP('ben'), respond(2, 'Peer visits to other regions', null));
    const events = h.log.slice(before).map((e) => e.event);
    // Stored: the responses carry no author at all.
    for (const e of events.filter((x) => x.type === 'evaluation.responded')) for (const id of PEOPLE) expect(strings(e)).not.toContain(id);
    // Facilitators: no event and no view names anyone who answered.
    for (const e of events) for (const id of PEOPLE) expect(strings(eventForFacilitators(e))).not.toContain(id);
    const facView = viewFor(h.state, { role: 'facilitator' });
    expect(facView.evaluation!.respondents).toEqual({});
    for (const id of PEOPLE) expect(strings(facView.evaluation)).not.toContain(id);
    // Every participant (dee did not answer): the respondent's marker reaches only the respondent.
    for (const reader of PEOPLE) {
      const seen = events.map((e) => eventForParticipants(h.state, e, reader));
      for (const other of PEOPLE.filter((p) => p !== reader)) expect(strings(seen)).not.toContain(other);
      const v = viewFor(h.state, { role: 'participant', participantId: reader });
      expect(v.evaluation).toMatchObject({ open: true, responses: {}, themes: null });
      expect(Object.keys(v.evaluation!.respondents)).toEqual(reader === 'ann' || reader === 'ben' ? [reader] : []);
      for (const other of PEOPLE.filter((p) => p !== reader)) expect(strings(v.evaluation)).not.toContain(other);
    }
    expect(readersWithOwnVersion(h.state, events[1])).toEqual(['ann']);
  });

  it('the server state still refuses the second response: the set is there, only never shown', () => {
    const h = opened();
    h.run(asP('cas'), respond(3));
    expect(h.state.evaluation!.respondents).toEqual({ cas: true });
    expect(h.outcome(asP('cas'), respond(3))).toBe('conflict');
  });

  it('participants get the closing without its themes', () => {
    const h = opened();
    h.run(asP('ann'), respond(4, 'Peer visits', null));
    h.run(asP('ben'), respond(4, 'Peer visits to partners', null));
    h.run(FAC, { type: 'evaluation.close' });
    const closed = h.log[h.log.length - 1].event;
    expect(closed.type).toBe('evaluation.closed');
    expect(eventForParticipants(h.state, closed, 'ann')).toEqual({ type: 'evaluation.closed', themes: null });
  });
});

describe('evaluation round: state, schema and aggregation', () => {
  it('events and views parse with the schemas (a facilitator view and a participant view)', () => {
    const h = opened();
    h.run(asP('ann'), respond(5, 'x', 'y'));
    for (const e of h.log) expect(SessionEvent.safeParse(e.event).success).toBe(true);
    expect(SessionState.safeParse(h.state).success).toBe(true);
    expect(SessionState.safeParse(viewFor(h.state, { role: 'participant', participantId: 'ann' })).success).toBe(true);
    // States from before the evaluation existed still parse.
    const { evaluation: _e, ...old } = h.state;
    expect(SessionState.safeParse(old).success).toBe(true);
  });

  it('groups the open answers into themes with the synthesis engine, in the session language', () => {
    const h = opened();
    const answers: [number, string, string][] = [
      [5, 'Study visits to partner cities', 'More time for the breakout groups'],
      [4, 'Organise study visits with partners', 'Longer breakout groups please'],
      [4, 'Study visits between the cities', 'The breakout groups were too short'],
      [3, 'A funding calendar for grants', 'Fewer presentations'],
      [2, 'Share the grant funding calendar', 'Less presentations from the stage'],
    ];
    PEOPLE.push('eve');
    h.join('eve');
    answers.forEach(([rating, takeBack, change], i) => h.run(asP(PEOPLE[i]), respond(rating, takeBack, change)));
    h.run(FAC, { type: 'evaluation.close' });
    const themes = h.state.evaluation!.themes!;
    const visits = themes.takeBack.find((t) => /visit/i.test(t.label));
    expect(visits?.responseIds).toHaveLength(3);
    expect(themes.takeBack.some((t) => /(calendar|grant|funding)/i.test(t.label))).toBe(true);
    expect(themes.change.find((t) => /(breakout|group|time|short)/i.test(t.label))?.responseIds.length).toBeGreaterThanOrEqual(2);
    expect(themeCounts(themes.takeBack)[0]).toMatchObject({ count: 3 });
    // Response ids in themes are the responses' own ids.
    for (const id of visits!.responseIds) expect(h.state.evaluation!.responses[id]).toBeDefined();
    expect(ratingSummary(h.state.evaluation)).toEqual({ count: 5, average: 3.6, distribution: [0, 1, 1, 2, 1] });
    PEOPLE.pop();
  });

  it('the server themes off its event loop: engineNeeded hands it the open answers, and a failed engine still closes', () => {
    const h = opened();
    const ctx = h.ctx(FAC);
    const close = { type: 'evaluation.close', opId: 'op-00000001' } as const;
    // Nothing written yet: no engine needed, and closing makes no themes.
    expect(engineNeeded(h.state, close, ctx)).toBeNull();
    h.run(asP('ann'), respond(4, 'Peer visits to other cities', null));
    h.run(asP('ben'), respond(5, 'Peer visits between cities', 'Longer lunch'));
    const need = engineNeeded(h.state, close, ctx)!;
    expect(need.input!.answers.map((a) => a.promptId).sort()).toEqual(['change', 'takeBack', 'takeBack']);
    expect(need.input!.prompts.map((p) => p.text)).toEqual(['What will you take back to your organisation?', 'What should we change next time?']);
    // The worker's result is used as it is; null (the worker failed) closes without themes.
    const machine = synthesize(need.input!);
    const withMachine = decide(h.state, close, ctx, machine).events[0];
    expect(withMachine).toMatchObject({ type: 'evaluation.closed' });
    expect(withMachine.type === 'evaluation.closed' && withMachine.themes!.takeBack[0].responseIds).toHaveLength(2);
    expect(decide(h.state, close, ctx, null).events).toEqual([{ type: 'evaluation.closed', themes: null }]);
    // Refused before any engine runs when it is not open, or for a participant.
    h.run(FAC, { type: 'evaluation.close' });
    expect(() => engineNeeded(h.state, close, ctx)).toThrow(/not open/);
    expect(() => engineNeeded(h.state, close, h.ctx(asP('ann')))).toThrow();
  });

  it('theming is deterministic and ignores empty answers', () => {
    const rs = [
      { id: 'r1', rating: 4, takeBack: 'Mentoring young staff', change: null },
      { id: 'r2', rating: 4, takeBack: 'Mentoring for young staff members', change: null },
      { id: 'r3', rating: 4, takeBack: null, change: null },
    ];
    const q = { rating: null, takeBack: null, change: null };
    const a = evaluationThemes(rs, q, 'en');
    expect(evaluationThemes([...rs].reverse(), q, 'en')).toEqual(a);
    expect(a.change).toEqual([]);
    expect(evaluationThemes([], q, 'fr')).toEqual({ takeBack: [], change: [] });
  });

  it('names default questions in each language, custom ones as written', () => {
    const q = { rating: null, takeBack: 'Own words', change: null };
    expect(questionText(q, 'takeBack', 'da')).toBe('Own words');
    expect(questionText(q, 'change', 'nl')).toMatch(/volgende keer/);
    expect(questionText(q, 'rating', 'fr')).toMatch(/session/);
  });

  it('trend: average per session in date order, sessions without an evaluation left out', () => {
    const ev = (ratings: number[]) => ({
      open: false,
      questions: { rating: null, takeBack: null, change: null },
      openedAt: 0,
      closedAt: 1,
      respondents: {},
      themes: null,
      responses: Object.fromEntries(ratings.map((rating, i) => [`r${i}`, { id: `r${i}`, rating, takeBack: null, change: null }])),
    });
    const trend = evaluationTrend([
      { id: 's3', title: 'Third', date: '2026-03-01', createdAt: 3, evaluation: ev([5, 4]) },
      { id: 's1', title: 'First', date: '2026-01-10', createdAt: 9, evaluation: ev([3, 3, 4]) },
      { id: 'sx', title: 'No evaluation', date: '2026-02-01', createdAt: 5, evaluation: null },
      { id: 's2', title: 'Second', date: null, createdAt: Date.UTC(2026, 1, 14), evaluation: ev([]) },
    ]);
    expect(trend.map((t) => [t.sessionId, t.date, t.count, t.average])).toEqual([
      ['s1', '2026-01-10', 3, 3.3],
      ['s2', '2026-02-14', 0, null],
      ['s3', '2026-03-01', 2, 4.5],
    ]);
  });
});
