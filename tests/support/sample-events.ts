import type { SessionEvent } from '../../shared/protocol/events.js';

/** A session created with one prompt, for tests that drive the reducer or a host event by event. */
export const sessionCreated: SessionEvent = {
  type: 'session.created',
  id: 's1',
  title: 'T',
  description: null,
  language: 'en',
  date: null,
  joinCode: 'ABCDEFGH',
  anonymous: false,
  prompts: [{ id: 'p1', text: 'Why?' }],
};

/** Someone joins, in no group yet. */
export const participantJoined = (id: string): SessionEvent => ({
  type: 'participant.joined',
  participant: { id, name: id, organisation: 'o', country: 'c', joinedAt: 0, groupId: null },
});
