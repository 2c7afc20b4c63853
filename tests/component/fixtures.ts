import { DomainHarness, FAC, asP } from '../unit/domain/harness.js';
import { viewFor } from '../../shared/domain/projection.js';
import { useStore } from '../../client/store/index.js';
import type { SessionLink } from '../../client/socket.js';

/** A session in breakout, built with the real domain; the link is a fake that records what the UI sends. */
export function sessionInRound() {
  const h = new DomainHarness();
  h.join('ann', 'Ashoka', 'BE');
  h.join('bo', 'ENSIE', 'DK');
  h.run(FAC, { type: 'groups.form', mode: 'random', sizing: { by: 'count', count: 1 } });
  h.run(FAC, { type: 'round.start', durationSeconds: 600 });
  h.run(asP('ann'), { type: 'answer.add', promptId: 'p1', text: 'Speak with one voice' });
  h.run(asP('bo'), { type: 'answer.add', promptId: 'p1', text: 'Share know-how' });
  return h;
}

export function fakeLink() {
  const sent: { type: string; payload: Record<string, unknown> }[] = [];
  const link = {
    send: async (type: string, payload: Record<string, unknown> = {}) => (sent.push({ type, payload }), { ok: true as const, seq: 1 }),
    invite: async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'no' } }),
    close: () => undefined,
  } as unknown as SessionLink;
  return { link, sent };
}

export function asParticipant(h: DomainHarness, participantId: string, extra: Partial<ReturnType<typeof useStore.getState>> = {}) {
  const { link, sent } = fakeLink();
  useStore.setState({
    link,
    view: viewFor(h.state, { role: 'participant', participantId }),
    role: 'participant',
    participantId,
    status: 'online',
    queued: [],
    myAnswerIds: [],
    chosenLanguage: 'en',
    ...extra,
  });
  return sent;
}

export function asFacilitator(h: DomainHarness, extra: Partial<ReturnType<typeof useStore.getState>> = {}) {
  const { link, sent } = fakeLink();
  useStore.setState({
    link,
    view: h.state,
    role: 'facilitator',
    participantId: null,
    status: 'online',
    queued: [],
    myAnswerIds: [],
    chosenLanguage: 'en',
    ...extra,
  });
  return sent;
}
