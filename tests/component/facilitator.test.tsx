import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupingPanel } from '../../client/features/facilitate/GroupingPanel.js';
import { GroupsGrid } from '../../client/features/facilitate/GroupsGrid.js';
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
    await user.click(screen.getByTestId('form-groups'));
    expect(sent.at(-1)).toEqual({ type: 'groups.form', payload: { mode: 'same' } });
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
  });
});
