import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupingPanel } from '../../client/features/facilitate/GroupingPanel.js';
import { GroupsGrid } from '../../client/features/facilitate/GroupsGrid.js';
import { PromptsPanel } from '../../client/features/facilitate/PromptsPanel.js';
import { RoundPanel } from '../../client/features/facilitate/RoundPanel.js';
import { AttentionStrip } from '../../client/features/console/AttentionStrip.js';
import { keepStable } from '../../client/features/console/stable.js';
import { SynthesisPanel } from '../../client/features/synthesis/SynthesisPanel.js';
import { useStore } from '../../client/store/index.js';
import { DomainHarness, FAC } from '../unit/domain/harness.js';
import { asFacilitator } from './fixtures.js';

beforeEach(() => localStorage.clear());

function room(people = 8) {
  const h = new DomainHarness();
  for (let i = 0; i < people; i++) h.join(`p${i}`, `org${i % 3}`, `c${i % 2}`);
  return h;
}

describe('facilitator console', () => {
  it('forms groups in every mode, by count or size', async () => {
    const sent = asFacilitator(room());
    const user = userEvent.setup();
    render(<GroupingPanel />);
    await user.selectOptions(screen.getByTestId('grouping-mode'), 'new-faces');
    await user.selectOptions(screen.getByTestId('grouping-by'), 'count');
    await user.clear(screen.getByTestId('grouping-value'));
    await user.type(screen.getByTestId('grouping-value'), '3');
    await user.click(screen.getByTestId('form-groups'));
    expect(sent.at(-1)).toEqual({ type: 'groups.form', payload: { mode: 'new-faces', sizing: { by: 'count', count: 3 } } });
    await user.selectOptions(screen.getByTestId('grouping-mode'), 'same');
    expect(screen.queryByTestId('grouping-by')).toBeNull();
    // "Same as last round" with no groups yet cannot act, and says why instead of just greying out.
    expect(screen.getByTestId('form-groups')).toBeDisabled();
    expect(screen.getByTestId('form-groups')).toHaveAccessibleDescription('Form groups first.');
  });

  it('moves a person with the keyboard-friendly select, and shows help and done signals', async () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'group.signal', groupId: h.state.groupOrder[0], help: true });
    const sent = asFacilitator(h);
    const user = userEvent.setup();
    render(<GroupsGrid />);
    const [first, second] = screen.getAllByTestId('group-card');
    expect(within(first).getByText('Needs help')).toBeInTheDocument();
    expect(first).toHaveClass('is-help');
    const someone = h.state.groups[h.state.groupOrder[0]].memberIds[0];
    const select = within(first).getByRole('combobox', { name: `Move ${someone.toUpperCase()} to` });
    await user.selectOptions(select, h.state.groupOrder[1]);
    expect(sent.at(-1)).toEqual({ type: 'participant.move', payload: { participantId: someone, groupId: h.state.groupOrder[1] } });
    expect(second).not.toHaveClass('is-help');
  });

  it('renders 50 groups and 1,000 answers', () => {
    const h = room(200);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 50 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    for (let i = 0; i < 1000; i++) h.run(FAC, { type: 'answer.add', promptId: `p${(i % 3) + 1}`, text: `idea ${i}`, groupId: h.state.groupOrder[i % 50] });
    asFacilitator(h);
    render(<GroupsGrid />);
    expect(screen.getAllByTestId('group-card')).toHaveLength(50);
    expect(screen.getByText('idea 999')).toBeInTheDocument();
    // Building 1,000 answers through the domain takes seconds on a busy machine: not a speed check (that is the bench).
  }, 30_000);
});

describe('a console that keeps up', () => {
  it('keeps a group’s answer list (and so its card) untouched when another group writes', () => {
    const a1 = { id: 'a1' };
    const a2 = { id: 'a2' };
    const before = keepStable(
      new Map(),
      new Map([
        ['g1', [a1]],
        ['g2', [a2]],
      ]),
    );
    const g1 = before.get('g1');
    const after = keepStable(
      before,
      new Map([
        ['g1', [a1]],
        ['g2', [a2, { id: 'a3' }]],
      ]),
    );
    expect(after.get('g1')).toBe(g1);
    expect(after.get('g2')).not.toBe(before.get('g2'));
  });

  it('collapses long lists per group: the newest answers show, the rest behind "show all"', async () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    for (let i = 0; i < 6; i++) h.run(FAC, { type: 'answer.add', promptId: 'p1', text: `idea ${i}`, groupId: h.state.groupOrder[0] });
    asFacilitator(h);
    render(<GroupsGrid />);
    expect(screen.queryByText('idea 0')).toBeNull();
    expect(screen.getByText('idea 5')).toBeInTheDocument();
    expect(screen.getByText('3 earlier answers')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all 6' }));
    expect(screen.getByText('idea 0')).toBeInTheDocument();
  });

  it('shows organisation and country on the group cards', () => {
    const h = room(2);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
    asFacilitator(h);
    render(<GroupsGrid />);
    expect(screen.getByText('org0 · c0')).toBeInTheDocument();
  });
});

describe('the attention strip', () => {
  function inRound(people = 4) {
    const h = room(people);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'round.start', durationSeconds: 600 });
    return h;
  }

  it('lists help requests with their group and a jump to the card, counts done groups, and puts help in the tab title', async () => {
    const h = inRound();
    const [g1, g2] = h.state.groupOrder;
    h.run(FAC, { type: 'group.signal', groupId: g2, help: true });
    h.run(FAC, { type: 'group.signal', groupId: g1, done: true });
    asFacilitator(h);
    render(
      <>
        <AttentionStrip />
        <GroupsGrid />
      </>,
    );
    const strip = screen.getByTestId('attention');
    expect(within(strip).getByTestId('help-jump')).toHaveTextContent('Group 2 needs help');
    expect(within(strip).getByTestId('attention-done')).toHaveTextContent('Done: 1 of 2');
    expect(document.title).toBe('(1) Help needed · T');
    const card = screen.getAllByTestId('group-card')[1];
    card.scrollIntoView = () => undefined;
    await userEvent.setup().click(within(strip).getByTestId('help-jump'));
    expect(document.activeElement).toBe(card);
  });

  it('warns one minute before the end', () => {
    const h = inRound();
    // The console's clock is the server's: put it 30 s before the round ends.
    asFacilitator(h, { clockOffset: h.state.round!.endsAt - 30_000 - Date.now() });
    render(<AttentionStrip />);
    expect(screen.getByTestId('one-minute-warning')).toHaveTextContent('One minute left');
    expect(screen.getByTestId('attention-time')).toHaveTextContent('0:30');
  });

  it('has no warning with time to spare, and the sound can be muted (remembered)', async () => {
    const h = inRound();
    asFacilitator(h, { clockOffset: h.state.round!.startedAt - Date.now() });
    render(<AttentionStrip />);
    expect(screen.queryByTestId('one-minute-warning')).toBeNull();
    await userEvent.setup().click(screen.getByTestId('chime-toggle'));
    expect(screen.getByRole('checkbox', { name: 'Chime at one minute left' })).not.toBeChecked();
    expect(localStorage.getItem('plive:consoleMuted')).toBe('1');
  });
});

describe('a closed console', () => {
  it('disables every control that cannot act, with the reason', () => {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    h.run(FAC, { type: 'session.close' });
    asFacilitator(h);
    render(
      <>
        <GroupingPanel />
        <PromptsPanel />
        <RoundPanel />
        <GroupsGrid />
        <SynthesisPanel mode="facilitator" />
      </>,
    );
    const active = screen.getAllByRole('button').filter((b) => !(b as HTMLButtonElement).disabled);
    expect(active.map((b) => b.textContent)).toEqual([]);
    for (const c of screen.getAllByRole('combobox')) expect(c).toBeDisabled();
    expect(screen.getByTestId('start-round')).toHaveAccessibleDescription('The session is closed: nothing can be changed.');
    expect(screen.getByTestId('form-groups')).toHaveAccessibleDescription('The session is closed: nothing can be changed.');
    expect(screen.getByTestId('run-synthesis')).toHaveAccessibleDescription('The session is closed: nothing can be changed.');
  });
});

describe('curation by hand', () => {
  /** Two themes and one "other idea" for prompt p1, made by hand so the test does not depend on the engine. */
  function curated() {
    const h = room(4);
    h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 2 } });
    const [g1, g2] = h.state.groupOrder;
    const theme = (id: string, label: string, answerIds: string[]) => ({
      id,
      label,
      answerIds,
      groupIds: [g1],
      representativeAnswerId: answerIds[0],
      consensus: false,
      consensusManual: false,
      hidden: false,
      curated: false,
    });
    const answers = { a1: 'Funding', a2: 'Grants', a3: 'Policy voice', a4: 'Lobbying', a5: 'A picnic' };
    h.state = {
      ...h.state,
      phase: 'plenary',
      synthesis: {
        generatedAt: 1,
        threshold: 0.5,
        published: false,
        votesPerParticipant: 0,
        votes: {},
        prompts: [
          {
            promptId: 'p1',
            themes: [theme('t1', 'Money', ['a1', 'a2']), theme('t2', 'Voice', ['a3', 'a4'])],
            otherAnswerIds: ['a5'],
            pinnedOther: [],
            groupsAnswering: 2,
            summary: 'S',
            summaryEdited: false,
          },
        ],
        answers: Object.fromEntries(Object.entries(answers).map(([id, text], i) => [id, { text, groupId: i % 2 ? g2 : g1, promptId: 'p1' }])),
      },
    };
    return h;
  }

  it('drags an answer from "other ideas" into a theme, and back', () => {
    const sent = asFacilitator(curated());
    render(<SynthesisPanel mode="facilitator" />);
    const picnic = screen.getByText('A picnic').closest('li')!;
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (k: string, v: string) => data.set(k, v),
      getData: (k: string) => data.get(k) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: '',
      dropEffect: '',
    };
    fireEvent.dragStart(picnic, { dataTransfer });
    const money = screen.getAllByTestId('theme')[0];
    fireEvent.dragOver(money, { dataTransfer });
    fireEvent.drop(money, { dataTransfer });
    expect(sent.at(-1)).toEqual({ type: 'synthesis.moveAnswer', payload: { answerId: 'a5', themeId: 't1' } });
    fireEvent.dragStart(screen.getByText('Funding').closest('li')!, { dataTransfer });
    fireEvent.drop(screen.getByTestId('other-ideas'), { dataTransfer });
    expect(sent.at(-1)).toEqual({ type: 'synthesis.moveAnswer', payload: { answerId: 'a1', themeId: null } });
  });

  it('does the same with the keyboard: tick, choose where, move', async () => {
    const sent = asFacilitator(curated());
    const user = userEvent.setup();
    render(<SynthesisPanel mode="facilitator" />);
    expect(screen.getByTestId('move-selected')).toBeDisabled();
    expect(screen.getByTestId('move-selected')).toHaveAccessibleDescription(/tick them and choose where they go/);
    screen.getByRole('checkbox', { name: 'Select “A picnic”' }).focus();
    await user.keyboard(' ');
    await user.selectOptions(screen.getByTestId('move-target'), 'Voice');
    screen.getByTestId('move-selected').focus();
    await user.keyboard('{Enter}');
    expect(sent.at(-1)).toEqual({ type: 'synthesis.moveAnswer', payload: { answerId: 'a5', themeId: 't2' } });
  });

  it('makes a new theme from selected answers of a theme and "other ideas", by moving them together and splitting', async () => {
    const sent = asFacilitator(curated());
    const user = userEvent.setup();
    render(<SynthesisPanel mode="facilitator" />);
    await user.click(screen.getByRole('checkbox', { name: 'Select “Grants”' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select “A picnic”' }));
    await user.click(screen.getByTestId('new-theme'));
    await waitFor(() => expect(sent.at(-1)?.type).toBe('synthesis.splitTheme'));
    expect(sent.slice(-2)).toEqual([
      { type: 'synthesis.moveAnswer', payload: { answerId: 'a5', themeId: 't1' } },
      { type: 'synthesis.splitTheme', payload: { themeId: 't1', answerIds: ['a2', 'a5'] } },
    ]);
  });

  it('splits a theme and merges any two themes chosen', async () => {
    const sent = asFacilitator(curated());
    const user = userEvent.setup();
    render(<SynthesisPanel mode="facilitator" />);
    const voice = screen.getAllByTestId('theme')[1];
    expect(within(voice).getByTestId('split')).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select “Lobbying”' }));
    await user.click(within(voice).getByTestId('split'));
    expect(sent.at(-1)).toEqual({ type: 'synthesis.splitTheme', payload: { themeId: 't2', answerIds: ['a4'] } });
    const money = screen.getAllByTestId('theme')[0];
    await user.selectOptions(within(money).getByTestId('merge-target'), 'Voice');
    await user.click(within(money).getByTestId('merge'));
    expect(sent.at(-1)).toEqual({ type: 'synthesis.mergeThemes', payload: { themeIds: ['t1', 't2'] } });
  });

  it('keeps themes in their place through a rename (the domain no longer re-sorts curated themes)', () => {
    const h = curated();
    asFacilitator(h);
    render(<SynthesisPanel mode="facilitator" />);
    expect(screen.getAllByTestId('theme').map((el) => el.querySelector('.theme-label')!.textContent)).toEqual(['Money', 'Voice']);
    const money = h.state.synthesis!.prompts[0].themes[0];
    // Ranked by label among equals, "Zeal" would come last: the rename keeps it first.
    h.run(FAC, { type: 'synthesis.renameTheme', themeId: money.id, label: 'Zeal' });
    act(() => useStore.setState({ view: h.state }));
    expect(screen.getAllByTestId('theme').map((el) => el.querySelector('.theme-label')!.textContent)).toEqual(['Zeal', 'Voice']);
  });
});
