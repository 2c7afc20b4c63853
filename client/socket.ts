import { attendanceAnswers, type AttendanceAnswers } from './features/home/consent.js';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../shared/protocol/acks.js';
import type { CommandInput, CommandType } from '../shared/protocol/commands.js';
import {
  type AttachResult,
  type ClientToServerEvents,
  type CommandArgs,
  type ConnectRefusal,
  handshakeAuth,
  type InviteResult,
  type JoinResult,
  type ServerToClientEvents,
} from '../shared/protocol/socket-events.js';
import { ViewTracker } from '../shared/sync/view-tracker.js';
import type { SessionView } from '../shared/domain/projection.js';
import { type Incoming, listenEarly, offerHandoff, takeHandoff } from './join-handoff.js';
import { storage } from './storage.js';

/** The only module that touches socket.io-client. */

export type Credential = { kind: 'facilitator'; key: string } | { kind: 'participant'; token: string };
export type ConnectionStatus = 'connecting' | 'online' | 'offline';
/**
 * A command waiting for its ack. The queue is kept on the device across reloads, so it is read back as plain
 * data: send() is where the type and its payload are checked against each other.
 */
export interface QueuedCommand {
  opId: string;
  type: CommandType;
  payload: Readonly<Record<string, unknown>>;
}
/** The socket, typed with the shared event maps: what it may emit and what it hears. */
export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SessionSink {
  view(view: SessionView, role: AttachResult['role'], participantId: string | null): void;
  status(status: ConnectionStatus): void;
  clock(offsetMs: number): void;
  queue(queued: QueuedCommand[]): void;
  failed(command: QueuedCommand, error: { code: string; message: string }): void;
  acked(command: QueuedCommand, result: unknown): void;
  fatal(error: { code: string; message: string }): void;
}

const ACK_TIMEOUT_MS = 15_000;
/** Errors that say "try again later", so the command stays queued. */
const RETRYABLE = new Set(['store_unavailable', 'rate_limited', 'internal']);

function openSocket(): AppClientSocket {
  // The protocol version goes with the handshake: a page from before a deploy is refused with a reason to show.
  return io({ transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000, auth: handshakeAuth() });
}

/** The reason the server gave for refusing the handshake, if it gave one (a network failure gives none). */
export function refusalOf(err: Error): ConnectRefusal | null {
  const data = (err as Error & { data?: Partial<ConnectRefusal> }).data;
  return data?.code === 'protocol_mismatch' && typeof data.message === 'string' ? { code: data.code, message: data.message } : null;
}

/** Joins with a code; the token that identifies this person is made and kept on this device. */
export async function joinSession(
  joinCode: string,
  person: { name: string; organisation: string; country: string } & AttendanceAnswers,
): Promise<Ack<JoinResult> | { ok: false; error: ConnectRefusal }> {
  const socket = openSocket();
  const token = nanoid(32);
  // The join attaches this socket too: what it hears from now on goes to the session's page with it (join-handoff.ts).
  const listening = listenEarly(socket);
  let handedOff = false;
  // A refused handshake answers at once with its reason, instead of waiting out the ack timeout.
  let onRefused: (err: Error) => void = () => undefined;
  const refused = new Promise<{ ok: false; error: ConnectRefusal }>((resolve) => {
    onRefused = (err) => {
      const reason = refusalOf(err);
      if (reason) resolve({ ok: false, error: reason });
    };
    socket.on('connect_error', onRefused);
  });
  try {
    const sentAt = Date.now();
    const joined = socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join', {
      opId: nanoid(16),
      joinCode,
      token,
      name: person.name,
      organisation: person.organisation || null,
      country: person.country || null,
      ...attendanceAnswers(person),
    });
    const ack = await Promise.race([joined, refused]);
    const answeredAt = Date.now();
    if (ack.ok && ack.result) {
      storage.setParticipantToken(ack.result.sessionId, token);
      const { attached } = ack.result;
      if (attached) {
        offerHandoff(ack.result.sessionId, token, { socket, attached, sentAt, answeredAt, early: listening.early }, listening);
        handedOff = true;
      }
    }
    return ack;
  } catch {
    return { ok: false, error: { code: 'store_unavailable', message: 'No answer from the server' } };
  } finally {
    // A socket handed over is the session page's now, with its own listeners.
    socket.off('connect_error', onRefused);
    if (!handedOff) {
      listening.stop();
      socket.close();
    }
  }
}

/**
 * A live link to one session: attaches (again after every reconnect, with the last seq it holds), keeps the
 * view with the shared reducer, and sends commands. Commands wait in a queue on the device until the server
 * acknowledges them, so nothing typed is lost while offline; the server applies each opId once.
 */
export class SessionLink {
  private socket: AppClientSocket;
  private tracker: ViewTracker;
  private role: AttachResult['role'] | null = null;
  private attaching = false;
  /** What arrives while an attach is answered, applied in order after it. */
  private buffered: Incoming[] = [];
  private queued: QueuedCommand[];
  private inFlight = new Set<string>();
  private closed = false;

  constructor(
    private readonly sessionId: string,
    private readonly credential: Credential,
    private readonly sink: SessionSink,
  ) {
    this.tracker = new ViewTracker(
      () => this.role,
      () => this.participantId,
    );
    this.queued = storage.queue<QueuedCommand>(sessionId);
    // A person who has just joined: the join's socket is attached already, take it over.
    const handoff = credential.kind === 'participant' ? takeHandoff(sessionId, credential.token) : null;
    this.socket = handoff?.socket ?? openSocket();
    sink.status('connecting');
    sink.queue(this.queued);
    this.socket.on('connect', () => void this.attach(true));
    // The browser knows at once when the network goes; the socket would learn it only when a ping times out
    // (up to 45 s by Socket.IO's defaults), showing "Connected" all that while.
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('online', this.onBrowserOnline);
      if (navigator.onLine === false) sink.status('offline');
    }
    this.socket.on('disconnect', () => {
      this.inFlight.clear();
      sink.status('offline');
    });
    this.socket.on('connect_error', (err) => {
      sink.status('offline');
      // Refused at the handshake (this page is out of date): Socket.IO does not retry, and the person should reload.
      const reason = refusalOf(err);
      if (reason) sink.fatal(reason);
    });
    this.socket.on('event', (envelope) => this.onIncoming({ kind: 'event', envelope }));
    // After a regrouping the server moves this socket to the new group's room and sends the group's slice:
    // no attach again (that happens only on reconnect, or when the view turns out not to match).
    this.socket.on('slice', (slice) => this.onIncoming({ kind: 'slice', slice }));
    if (handoff) {
      this.attaching = true;
      this.buffered = handoff.early;
      // Once the caller has the link in hand (it may reset its view after constructing it), as an attach's ack would.
      queueMicrotask(() => !this.closed && this.took(handoff.attached.result, handoff.sentAt, handoff.answeredAt));
    }
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
      const ack = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('attach', { sessionId: this.sessionId, credential: this.credential, ...(lastSeq !== undefined ? { lastSeq } : {}) });
      if (!ack.ok) {
        this.sink.fatal(ack.error);
        return;
      }
      this.took(ack.result!, sentAt, Date.now());
    } catch {
      // Timed out: the next reconnect attaches again.
    } finally {
      this.attaching = false;
    }
  }

  /** An attach's answer (or a join's, which attached too), then what arrived meanwhile, in order. */
  private took(result: AttachResult, sentAt: number, answeredAt: number): void {
    this.role = result.role;
    this.participantId = result.participantId;
    // Half the round trip is the best guess of how old serverNow is on arrival.
    this.sink.clock(result.serverNow + (answeredAt - sentAt) / 2 - answeredAt);
    let resync = this.tracker.catchUp(result.catchUp);
    for (const m of this.buffered.splice(0)) resync = this.take(m) || resync;
    this.attaching = false;
    this.publish(result.participantId);
    this.sink.status('online');
    if (resync) return void this.attach(false);
    this.flush();
  }

  private participantId: string | null = null;
  private publish(participantId?: string | null): void {
    if (participantId !== undefined) this.participantId = participantId;
    if (this.tracker.view && this.role) this.sink.view(this.tracker.view, this.role, this.participantId);
  }

  /**
   * Queues a command and sends it when connected. Resolves with the server's ack (or a local offline error).
   * The payload must be the one the command's schema takes: a misspelt type or a wrong field does not compile.
   */
  send<T extends CommandType>(type: T, ...[payload]: CommandArgs<T>): Promise<Ack> {
    const command: QueuedCommand = { opId: nanoid(16), type, payload: payload ?? {} };
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
      // send() paired the type with its payload; TypeScript cannot follow that pairing through the union, hence the cast.
      const ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { type: c.type, opId: c.opId, ...c.payload } as CommandInput);
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
      return await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('invite', { opId: nanoid(16) });
    } catch {
      return { ok: false, error: { code: 'store_unavailable', message: 'No answer from the server' } };
    }
  }

  /** Drops the transport so Socket.IO notices now and starts reconnecting; the screen says offline at once. */
  private onBrowserOffline = (): void => {
    this.sink.status('offline');
    this.socket.io.engine?.close();
  };

  /** Back online: try at once instead of waiting out the reconnection back-off. */
  private onBrowserOnline = (): void => {
    if (this.socket.connected) return;
    this.socket.disconnect();
    this.socket.connect();
  };

  close(): void {
    this.closed = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.socket.close();
  }
}
