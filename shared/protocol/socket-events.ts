import type { Ack } from './acks.js';
import type { AttachRequestInput, CommandInput, CommandType, InviteRequestInput, JoinRequestInput } from './commands.js';
import type { EventEnvelope } from './events.js';
import type { GroupSlice, SessionView } from '../domain/projection.js';

/** Bumped when the wire protocol changes incompatibly; the handshake refuses other versions. */
export const PROTOCOL_VERSION = 1;

/** What every client sends in the Socket.IO handshake (`io(url, { auth })`). */
export type HandshakeAuth = { protocolVersion: number };
export const handshakeAuth = (): HandshakeAuth => ({ protocolVersion: PROTOCOL_VERSION });

/** The `data` of the connect error a refused handshake carries (`err.data` on the client's `connect_error`). */
export interface ConnectRefusal {
  code: 'protocol_mismatch';
  message: string;
}
export const protocolMismatchMessage = (page: unknown): string =>
  `This page is out of date: reload it (server speaks protocol ${PROTOCOL_VERSION}, page speaks ${typeof page === 'number' ? page : 'none'})`;

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
  /**
   * The join's socket is attached as well: its rooms joined and its first view read, as an attach would answer
   * (one round trip for a new person, not two). Absent when that attach was refused (its rate limit): then attach.
   */
  attached?: { seq: number; result: AttachResult };
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
/**
 * Payloads are the zod schemas' input types (`z.input`: what goes on the wire, before defaults such as an
 * invite's `label: null`); the server parses every payload with the schema and its handlers get `z.infer`.
 */
export interface ClientToServerEvents {
  attach: (req: AttachRequestInput, ack: (res: Ack<AttachResult>) => void) => void;
  join: (req: JoinRequestInput, ack: (res: Ack<JoinResult>) => void) => void;
  command: (cmd: CommandInput, ack: (res: Ack) => void) => void;
  invite: (req: InviteRequestInput, ack: (res: Ack<InviteResult>) => void) => void;
}
/** Nothing goes between server nodes but the adapter's own traffic. */
/** Between nodes, through the adapter's stream: this node broadcast a session's events up to `seq`. */
export interface InterServerEvents {
  broadcastUpTo: (sessionId: string, seq: number) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
/** The payload a client event carries. */
export type PayloadOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
/** The ack the server answers a client event with. */
export type AckOf<E extends ClientEventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** What the sender of a command fills in: the command without its type (the first argument) and its opId (made on send). */
export type CommandPayload<T extends CommandType> = Omit<Extract<CommandInput, { type: T }>, 'type' | 'opId'>;
/** Commands with nothing required but type and opId may be sent without a payload. */
export type CommandArgs<T extends CommandType> = Record<never, never> extends CommandPayload<T> ? [payload?: CommandPayload<T>] : [payload: CommandPayload<T>];
