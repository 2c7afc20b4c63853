import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupWork } from '../../client/features/breakout/GroupWork.js';
import { ConnectionBadge, OfflineBanner } from '../../client/components/ConnectionBadge.js';
import { RefusedNotices } from '../../client/components/RefusedNotices.js';
import { RoundNotices, broadcastIsStale } from '../../client/components/RoundNotices.js';
import { LanguageSwitch } from '../../client/components/LanguageSwitch.js';
import { Timer } from '../../client/components/Timer.js';
import { useStore } from '../../client/store/index.js';
import { viewFor } from '../../shared/domain/projection.js';
import { DomainHarness, FAC } from '../unit/domain/harness.js';
import { ProjectorSynthesis, voteCounts } from '../../client/features/projector/ProjectorSynthesis.js';
import { groupsByPrompt } from '../../client/features/projector/BreakoutPrompts.js';
import { asParticipant, sessionInRound } from './fixtures.js';

beforeEach(() => localStorage.clear());

describe('participant breakout view', () => {
  it('shows the group’s answers and lets the author edit and delete only their own', async () => {
    const h = sessionInRound();
    const sent = asParticipant(h, 'ann');
    const user = userEvent.setup();
    render(<GroupWork groupId={h.groupOf('ann')!.id} />);
    const list = screen.getByTestId('answers-p1');
    const mine = within(list).getByText('Speak with one voice').closest('li')!;
    const theirs = within(list).getByText('Share know-how').closest('li')!;
    expect(within(theirs).queryByRole('button', { name: 'Edit' })).toBeNull();
    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const box = within(list).getByRole('textbox');
    await user.clear(box);
    await user.type(box, 'Speak with one voice to policy makers');
    await user.click(within(list).getByRole('button', { name: 'Save' }));
    expect(sent.at(-1)).toEqual({ type: 'answer.edit', payload: { answerId: expect.any(String), text: 'Speak with one voice to policy makers' } });
    await user.click(within(screen.getByTestId('answers-p1')).getAllByRole('button', { name: 'Delete' })[0]);
    expect(sent.at(-1)?.type).toBe('answer.delete');
  });

  it('adds an answer with Enter and keeps the draft on the device', async () => {
    const h = sessionInRound();
    const sent = asParticipant(h, 'bo');
    const user = userEvent.setup();
    render(<GroupWork groupId={h.groupOf('bo')!.id} />);
    const input = screen.getByTestId('answer-input-p2');
    await user.type(input, 'Informal space to meet');
    expect(localStorage.getItem(`plive:draft:sess1:p2`)).toBe('"Informal space to meet"');
    await user.keyboard('{Enter}');
    expect(sent.at(-1)).toEqual({ type: 'answer.add', payload: { promptId: 'p2', text: 'Informal space to meet', language: 'en' } });
    expect(input).toHaveValue('');
  });

  it('shows unsent answers as pending and warns when offline', () => {
    const h = sessionInRound();
    asParticipant(h, 'bo', {
      status: 'offline',
      queued: [{ opId: 'op-1234567', type: 'answer.add', payload: { promptId: 'p1', text: 'typed on the train' } }],
    });
    render(
      <>
        <OfflineBanner />
        <GroupWork groupId={h.groupOf('bo')!.id} />
      </>,
    );
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Offline: your answers are kept');
    const pending = screen.getByTestId('answer-pending');
    expect(pending).toHaveTextContent('typed on the train');
    expect(pending).toHaveTextContent('Saving…');
  });

  it('switches the language of the whole view', async () => {
    const h = sessionInRound();
    asParticipant(h, 'bo');
    const user = userEvent.setup();
    render(
      <>
        <LanguageSwitch />
        <GroupWork groupId={h.groupOf('bo')!.id} />
      </>,
    );
    expect(screen.getByText('Your group')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'nl');
    expect(screen.getByText('Je groep')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Facilitator roepen' })).toBeInTheDocument();
    act(() => useStore.setState({ chosenLanguage: 'fr' }));
    expect(screen.getByText('Votre groupe')).toBeInTheDocument();
  });

  it('keeps a refused answer under its prompt with the reason in the reader’s language, and puts it back in the box', async () => {
    const h = sessionInRound();
    asParticipant(h, 'bo', {
      chosenLanguage: 'fr',
      sessionId: 'sess1',
      refused: [
        {
          opId: 'op-refused1',
          type: 'answer.add',
          payload: { promptId: 'p2', text: 'typed on the train' },
          error: { code: 'closed', message: 'This session is closed' },
        },
      ],
    });
    const user = userEvent.setup();
    render(<GroupWork groupId={h.groupOf('bo')!.id} />);
    const refused = within(screen.getByTestId('answers-p2')).getByTestId('refused');
    expect(refused).toHaveTextContent('Non enregistré : la session est close');
    expect(refused).toHaveTextContent('typed on the train');
    await user.click(within(refused).getByRole('button', { name: 'Remettre dans la zone' }));
    expect(screen.getByTestId('answer-input-p2')).toHaveValue('typed on the train');
    expect(screen.queryByTestId('refused')).toBeNull();
    expect(useStore.getState().refused).toEqual([]);
  });

  it('says why a vote could not be taken back, and lets the person dismiss it', async () => {
    const h = sessionInRound();
    asParticipant(h, 'bo', {
      chosenLanguage: 'nl',
      refused: [{ opId: 'op-vote1', type: 'vote.retract', payload: { themeId: 't1' }, error: { code: 'closed', message: 'This session is closed' } }],
    });
    const user = userEvent.setup();
    render(<RefusedNotices />);
    expect(screen.getByTestId('refused')).toHaveTextContent('Je stem is niet teruggenomen: de sessie is gesloten');
    await user.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByTestId('refused')).toBeNull();
  });

  it('counts what waits to be sent in the connection badge and says offline', () => {
    const h = sessionInRound();
    asParticipant(h, 'bo', {
      status: 'offline',
      queued: [
        { opId: 'op-1', type: 'answer.add', payload: { promptId: 'p1', text: 'a' } },
        { opId: 'op-2', type: 'answer.add', payload: { promptId: 'p1', text: 'b' } },
      ],
    });
    render(<ConnectionBadge />);
    expect(screen.getByTestId('connection')).toHaveTextContent('Offline · 2 waiting to be sent');
  });

  it('warns in the last minute of a round and shows the facilitator’s message until dismissed', async () => {
    const h = sessionInRound();
    h.run(FAC, { type: 'broadcast.send', message: 'Wrap up please' });
    const view = viewFor(h.state, { role: 'participant', participantId: 'bo' });
    // The server's clock is 30 s before the end of the round.
    asParticipant(h, 'bo', { view, clockOffset: view.round!.endsAt - 30_000 - Date.now() });
    const user = userEvent.setup();
    render(<RoundNotices variant="phone" />);
    expect(screen.getByTestId('one-minute-warning')).toHaveTextContent('One minute left');
    expect(screen.getByTestId('broadcast')).toHaveTextContent('Wrap up please');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('broadcast')).toBeNull();
  });

  it('a ten-minute round shows 10:00 at its start, even on a device whose clock runs a little behind the server', () => {
    const h = sessionInRound();
    const view = viewFor(h.state, { role: 'participant', participantId: 'bo' });
    // Two seconds behind the server's clock at the round's start.
    asParticipant(h, 'bo', { view, clockOffset: view.round!.startedAt - 2000 - Date.now() });
    render(<Timer />);
    expect(screen.getByTestId('timer')).toHaveTextContent('10:00');
  });

  it('a message belongs to its round: stale once a round ended after it', () => {
    const round = { number: 1, startedAt: 1000, endsAt: 5000, endedAt: null };
    expect(broadcastIsStale({ phase: 'breakout', round, broadcast: { message: 'm', at: 2000 } })).toBe(false);
    expect(broadcastIsStale({ phase: 'plenary', round: { ...round, endedAt: 3000 }, broadcast: { message: 'm', at: 2000 } })).toBe(true);
    expect(broadcastIsStale({ phase: 'plenary', round: { ...round, endedAt: 3000 }, broadcast: { message: 'm', at: 4000 } })).toBe(false);
    expect(
      broadcastIsStale({ phase: 'breakout', round: { number: 2, startedAt: 6000, endsAt: 9000, endedAt: null }, broadcast: { message: 'm', at: 2000 } }),
    ).toBe(true);
    expect(broadcastIsStale({ phase: 'breakout', round: { ...round, startedAt: 3000 }, broadcast: { message: 'from the lobby', at: 2000 } })).toBe(false);
  });
});

describe('projector for the back of a room', () => {
  const theme = (id: string, label: string, groupIds: string[], hidden = false) => ({
    id,
    label,
    answerIds: [],
    groupIds,
    representativeAnswerId: null,
    consensus: false,
    consensusManual: false,
    hidden,
    curated: false,
  });
  const doc = {
    generatedAt: 1,
    threshold: 0.5,
    published: true,
    prompts: [
      {
        promptId: 'p1',
        themes: [theme('t1', 'Speak with one voice', ['g1', 'g2']), theme('t2', 'Share know-how', ['g1']), theme('t3', 'Hidden one', ['g2'], true)],
        otherAnswerIds: [],
        pinnedOther: [],
        groupsAnswering: 2,
        summary: 'Both groups want one voice.',
        summaryEdited: false,
      },
    ],
    answers: {},
    votesPerParticipant: 2,
    votes: { ann: ['t1', 't1'], bo: ['t2'] },
  };

  it('charts each theme with the groups that raised it and its votes, leaves hidden themes out, and keeps votes off while hidden', () => {
    expect(voteCounts(doc).get('t1')).toBe(2);
    const { unmount } = render(<ProjectorSynthesis doc={doc} prompts={[{ id: 'p1', text: 'Why?' }]} language="nl" hideVotes={false} />);
    expect(screen.getAllByTestId('projector-theme').map((el) => el.textContent)).toEqual([
      'Speak with one voice2 groups2 votes',
      'Share know-how1 group1 vote',
    ]);
    expect(screen.getByText('Why?')).toHaveAttribute('lang', 'nl');
    // Bars in proportion: 1 group of 2 is half as long as 2 of 2, and so are the votes (1 against 2).
    const bars = (kind: string) => [...document.querySelectorAll<HTMLElement>(`.chart-bar-${kind}`)].map((el) => el.style.width);
    expect(bars('groups')).toEqual(['70%', '35%']);
    expect(bars('votes')).toEqual(['70%', '35%']);
    unmount();
    render(<ProjectorSynthesis doc={doc} prompts={[{ id: 'p1', text: 'Why?' }]} language="nl" hideVotes />);
    expect(screen.queryByTestId('theme-votes')).toBeNull();
    expect(screen.getByTestId('results-hidden')).toHaveTextContent('results are shown when it closes');
  });

  it('lists every prompt with the groups working on it during a jigsaw', () => {
    const h = new DomainHarness();
    for (const id of ['a', 'b', 'c', 'd']) h.join(id);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'prompts.deal', mode: 'jigsaw' });
    const rows = groupsByPrompt(h.state);
    expect(rows.map((r) => r.groupIds.length)).toEqual([1, 1, 1]);
    expect(rows[0].groupIds).toEqual(rows[2].groupIds);
  });
});
