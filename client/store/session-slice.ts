import type { StateCreator } from 'zustand';
import type { SessionView } from '../../shared/domain/projection.js';
import type { ConnectionStatus, QueuedCommand, SessionLink } from '../socket.js';
import type { ShownError } from '../errors.js';

export interface SessionSlice {
  link: SessionLink | null;
  view: SessionView | null;
  role: 'facilitator' | 'participant' | null;
  participantId: string | null;
  status: ConnectionStatus;
  /** serverTime ≈ Date.now() + clockOffset: every screen counts down to the same second. */
  clockOffset: number;
  queued: QueuedCommand[];
  /** Answers this device wrote (known from acks), so anonymous sessions still show "yours". */
  myAnswerIds: string[];
  lastError: ShownError | null;
  fatal: ShownError | null;
}

export const createSessionSlice: StateCreator<SessionSlice> = () => ({
  link: null,
  view: null,
  role: null,
  participantId: null,
  status: 'connecting',
  clockOffset: 0,
  queued: [],
  myAnswerIds: [],
  lastError: null,
  fatal: null,
});
