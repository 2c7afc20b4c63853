import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../shared/protocol/acks.js';
import type { EventEnvelope } from '../shared/protocol/events.js';
import type { AttachResult, InviteResult, JoinResult } from '../shared/protocol/socket-events.js';
import { ViewTracker } from '../shared/sync/view-tracker.js';
import type { GroupSlice, SessionView } from '../shared/domain/projection.js';
import { storage } from './storage.js';

/** The only module that touches socket.io-client. */

export type Credential = { kind: 'facilitator'; key: string } | { kind: 'participant'; token: string };
export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export interface QueuedCommand {
  opId: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface SessionSink {
  view(view: SessionView, role: AttachResult['role'], participantId: string | null): void;
  status(status: ConnectionStatus): void;
  clock(offsetMs: number): void;
  queue(queued: QueuedCommand[]): void;
  failed(command: QueuedCommand, error: { code: string; message: string }): void;
  acked(command: QueuedCommand, result: unknown): void;
  fatal(error: { code: string; message: string }): void;
}

type Incoming = { kind: 'event'; envelope: EventEnvelope } | { kind: 'slice'; slice: GroupSlice };

const ACK_TIMEOUT_MS = 15_000;
/** Errors that say "try again later", so the command stays queued. */
const RETRYABLE = new Set(['store_unavailable', 'rate_limited', 'internal']);

function openSocket(): Socket {
  return io({ transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
}

/** Joins with a code; the token that identifies this person is made and kept on this device. */
export async function joinSession(joinCode: string, person: { name: string; organisation: string; country: string }): Promise<Ack<JoinResult> & { token?: string }> {
  const socket = openSocket();
  const token = nanoid(32);
  try {
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join', { opId: nanoid(16), joinCode, token, name: person.name, organisation: person.organisation || null, country: person.country || null })) as Ack<JoinResult>;
    if (ack.ok && ack.result) storage.setParticipantToken(ack.result.sessionId, token);
    return ack;
  } catch {
    return { ok: false, error: { code: 'store_unavailable', message: 'No answer from the server' } };
  } finally {
    socket.close();
  }
}

/**
 * A live link to one session: attaches (again after every reconnect, with the last seq it holds), keeps the
 * view with the shared reducer, and sends commands. Commands wait in a queue on the device until the server
 * acknowledges them, so nothing typed is lost while offline; the server applies each opId once.
 */
export class SessionLink {
  private socket: Socket;
  private tracker: ViewTracker;
  private role: AttachResult['role'] | null = null;
  private attaching = false;
  /** What arrives while an attach is answered, applied in order after it. */
  private buffered: Incoming[] = [];
  private queued: QueuedCommand[];
  private inFlight = new Set<string>();

  constructor(
    private readonly sessionId: string,
    private readonly credential: Credential,
    private readonly sink: SessionSink,
  ) {
    this.tracker = new ViewTracker(() => this.role, () => this.participantId);
    this.queued = storage.queue<QueuedCommand>(sessionId);
    this.socket = openSocket();
    sink.status('connecting');
    sink.queue(this.queued);
    this.socket.on('connect', () => void this.attach(true));
    this.socket.on('disconnect', () => {
      this.inFlight.clear();
      sink.status('offline');
    });
    this.socket.on('connect_error', () => sink.status('offline'));
    this.socket.on('event', (envelope: EventEnvelope) => this.onIncoming({ kind: 'event', envelope }));
    // After a regrouping the server moves this socket to the new group's room and sends the group's slice:
    // no attach again (that happens only on reconnect, or when the view turns out not to match).
    this.socket.on('slice', (slice: GroupSlice) => this.onIncoming({ kind: 'slice', slice }));
  }

  private onIncoming(m: Incoming): void {
    if (this.attaching) {
      this.buffered.push(m);
      return;
    }
    const resync = this.take(m);
    this.publish();
    if (resync) void this.attach(false);
  }

  private take(m: Incoming): boolean {
    return m.kind === 'event' ? this.tracker.receive(m.envelope) : this.tracker.regroup(m.slice);
  }

  private async attach(withLastSeq: boolean): Promise<void> {
    this.attaching = true;
    try {
      const lastSeq = withLastSeq ? this.tracker.lastSeq : undefined;
      const sentAt = Date.now();
      const ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('attach', { sessionId: this.sessionId, credential: this.credential, ...(lastSeq !== undefined ? { lastSeq } : {}) })) as Ack<AttachResult>;
      if (!ack.ok) {
        this.sink.fatal(ack.error);
        return;
      }
      const result = ack.result!;
      this.role = result.role;
      this.participantId = result.participantId;
      // Half the round trip is the best guess of how old serverNow is on arrival.
      this.sink.clock(result.serverNow + (Date.now() - sentAt) / 2 - Date.now());
      let resync = this.tracker.catchUp(result.catchUp);
      for (const m of this.buffered.splice(0)) resync = this.take(m) || resync;
      this.attaching = false;
      this.publish(result.participantId);
      this.sink.status('online');
      if (resync) return void this.attach(false);
      this.flush();
    } catch {
      // Timed out: the next reconnect attaches again.
    } finally {
      this.attaching = false;
    }
  }

  private participantId: string | null = null;
  private publish(participantId?: string | null): void {
    if (participantId !== undefined) this.participantId = participantId;
    if (this.tracker.view && this.role) this.sink.view(this.tracker.view, this.role, this.participantId);
  }

  /** Queues a command and sends it when connected. Resolves with the server's ack (or a local offline error). */
  send(type: string, payload: Record<string, unknown> = {}): Promise<Ack> {
    const command: QueuedCommand = { opId: nanoid(16), type, payload };
    this.queued.push(command);
    this.saveQueue();
    return this.deliver(command);
  }

  private flush(): void {
    for (const c of [...this.queued]) void this.deliver(c);
  }

  private async deliver(c: QueuedCommand): Promise<Ack> {
    if (!this.socket.connected || this.attaching || this.inFlight.has(c.opId)) return { ok: false, error: { code: 'store_unavailable', message: 'offline' } };
    this.inFlight.add(c.opId);
    try {
      const ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { type: c.type, opId: c.opId, ...c.payload })) as Ack;
      if (ack.ok) this.sink.acked(c, ack.result);
      if (ack.ok || !RETRYABLE.has(ack.error.code)) this.forget(c.opId);
      if (!ack.ok && !RETRYABLE.has(ack.error.code)) this.sink.failed(c, ack.error);
      return ack;
    } catch {
      return { ok: false, error: { code: 'store_unavailable', message: 'No answer from the server' } };
    } finally {
      this.inFlight.delete(c.opId);
    }
  }

  private forget(opId: string): void {
    this.queued = this.queued.filter((q) => q.opId !== opId);
    this.saveQueue();
  }

  private saveQueue(): void {
    storage.setQueue(this.sessionId, this.queued);
    this.sink.queue([...this.queued]);
  }

  async invite(): Promise<Ack<InviteResult>> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('invite', { opId: nanoid(16) })) as Ack<InviteResult>;
    } catch {
      return { ok: false, error: { code: 'store_unavailable', message: 'No answer from the server' } };
    }
  }

  close(): void {
    this.socket.close();
  }
}
