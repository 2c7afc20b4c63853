import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupWork } from '../../client/features/breakout/GroupWork.js';
import { OfflineBanner } from '../../client/components/ConnectionBadge.js';
import { LanguageSwitch } from '../../client/components/LanguageSwitch.js';
import { useStore } from '../../client/store/index.js';
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
    asParticipant(h, 'bo', { status: 'offline', queued: [{ opId: 'op-1234567', type: 'answer.add', payload: { promptId: 'p1', text: 'typed on the train' } }] });
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
});
