import type { Ack } from './acks.js';
import type { EventEnvelope } from './events.js';
import type { GroupSlice, SessionView } from '../domain/projection.js';

/** Bumped when the wire protocol changes incompatibly; the handshake refuses other versions. */
export const PROTOCOL_VERSION = 1;

export interface AttachResult {
  role: 'facilitator' | 'participant';
  participantId: string | null;
  /** Either the events after the client's lastSeq, or a fresh view when that is simpler or cheaper. */
  catchUp: { kind: 'events'; events: EventEnvelope[] } | { kind: 'snapshot'; view: SessionView };
  serverNow: number;
}
export interface JoinResult {
  sessionId: string;
  participantId: string;
}
export interface InviteResult {
  key: string;
  facilitatorUrl: string;
}

/** Socket.IO typed maps shared by server and client. */
export interface ServerToClientEvents {
  /**
   * A committed event, in seq order. Participants receive only what they may see, so their seqs have gaps.
   */
  event: (envelope: EventEnvelope) => void;
  /**
   * Right after a regrouping event (groups.formed, groups.merged, participant.moved), each participant whose
   * group or group-mates changed receives their new group's part of the view. The server has already moved
   * their sockets to the new group's room: the client applies this and never attaches again for it.
   */
  slice: (slice: GroupSlice) => void;
}
export interface ClientToServerEvents {
  attach: (req: unknown, ack: (res: Ack<AttachResult>) => void) => void;
  join: (req: unknown, ack: (res: Ack<JoinResult>) => void) => void;
  command: (cmd: unknown, ack: (res: Ack) => void) => void;
  invite: (req: unknown, ack: (res: Ack<InviteResult>) => void) => void;
}
