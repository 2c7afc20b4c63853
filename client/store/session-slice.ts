import type { StateCreator } from 'zustand';
import type { SessionView } from '../../shared/domain/projection.js';
import type { ConnectionStatus, QueuedCommand, SessionLink } from '../socket.js';
import type { RefusedCommand, ShownError } from '../errors.js';

export interface SessionSlice {
  link: SessionLink | null;
  /** The session the link is open to (what this device keeps is stored under it). */
  sessionId: string | null;
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
  /**
   * Commands the server refused for good (not "try again later"), kept with their text and the reason until the
   * person dismisses them: nothing typed disappears in silence. Kept on the device across reloads.
   */
  refused: RefusedCommand[];
  fatal: ShownError | null;
}

export const createSessionSlice: StateCreator<SessionSlice> = () => ({
  link: null,
  sessionId: null,
  view: null,
  role: null,
  participantId: null,
  status: 'connecting',
  clockOffset: 0,
  queued: [],
  myAnswerIds: [],
  lastError: null,
  refused: [],
  fatal: null,
});
