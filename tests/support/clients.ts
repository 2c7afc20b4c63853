import { nanoid } from 'nanoid';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, AckOk } from '../../shared/protocol/acks.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import {
  type AttachResult,
  type ClientToServerEvents,
  handshakeAuth,
  type JoinResult,
  type ServerToClientEvents,
} from '../../shared/protocol/socket-events.js';
import type { GroupSlice, SessionView } from '../../shared/domain/projection.js';
import { ViewTracker } from '../../shared/sync/view-tracker.js';

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  participantUrl: string;
}

export async function createSession(url: string, body: Record<string, unknown> = { template: 'core-drives', language: 'en' }): Promise<CreatedSession> {
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

/**
 * A real socket.io-client that keeps its own view the way the browser does:
 * the attach catch-up, then live events applied with the shared reducer.
 */
export class TestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly tracker = new ViewTracker(
    () => this.role,
    () => this.participantId,
  );
  received: EventEnvelope[] = [];
  slices: GroupSlice[] = [];
  /** Attach requests this client sent (the first one included). */
  attaches = 0;
  /** When false, the client never attaches again by itself (to prove the server alone keeps it right). */
  autoReattach = true;
  role: AttachResult['role'] | null = null;
  participantId: string | null = null;
  private credential: AttachCredential | null = null;
  private sessionId: string | null = null;

  constructor(url: string) {
    this.socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: handshakeAuth() });
    this.socket.on('event', (e) => {
      this.received.push(e);
      // A closed client may still get a late event; its resync then has nowhere to go.
      if (this.tracker.receive(e)) this.resync();
    });
    this.socket.on('slice', (slice) => {
      this.slices.push(slice);
      if (this.tracker.regroup(slice)) this.resync();
    });
  }

  /** Set when the tracker asked for a fresh view (a missed event), whether or not it attached again. */
  resyncWanted = 0;

  private resync(): void {
    this.resyncWanted++;
    if (this.autoReattach) this.attach(this.sessionId!, this.credential!).catch(() => undefined);
  }

  async connected(): Promise<this> {
    if (!this.socket.connected)
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', reject);
      });
    return this;
  }

  /** Sends anything, typed or not: tests also send what a well-behaved client never would. */
  emit<R = unknown>(event: string, payload: unknown): Promise<Ack<R>> {
    return (this.socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<Ack<R>>;
  }

  async attach(sessionId: string, credential: AttachCredential, lastSeq?: number): Promise<Ack<AttachResult>> {
    this.sessionId = sessionId;
    this.credential = credential;
    this.attaches++;
    const ack = await this.emit<AttachResult>('attach', { sessionId, credential, ...(lastSeq !== undefined ? { lastSeq } : {}) });
    if (ack.ok && ack.result) {
      this.role = ack.result.role;
      this.participantId = ack.result.participantId;
      if (this.tracker.catchUp(ack.result.catchUp)) return this.attach(sessionId, credential);
    }
    return ack;
  }

  async join(joinCode: string, person: { name: string; organisation?: string; country?: string }, token = nanoid(24)): Promise<JoinResult> {
    const ack = await this.emit<JoinResult>('join', { opId: nanoid(12), joinCode, token, ...person });
    const ok = expectOk(ack);
    const attached = await this.attach(ok.result!.sessionId, { kind: 'participant', token });
    expectOk(attached);
    return ok.result!;
  }

  command(type: string, payload: Record<string, unknown> = {}, opId = nanoid(12)): Promise<Ack> {
    return this.emit('command', { type, opId, ...payload });
  }

  async ok<R = unknown>(type: string, payload: Record<string, unknown> = {}): Promise<AckOk<R>> {
    return expectOk(await this.command(type, payload)) as AckOk<R>;
  }

  get view(): SessionView | null {
    return this.tracker.view;
  }

  /** Pretend this client held a view from an earlier connection (for catch-up tests). */
  adoptView(view: SessionView): void {
    this.tracker.catchUp({ kind: 'snapshot', view });
  }

  get token(): string | null {
    return this.credential?.kind === 'participant' ? this.credential.token : null;
  }

  close(): void {
    this.socket.close();
  }
}

export type AttachCredential = { kind: 'facilitator'; key: string } | { kind: 'participant'; token: string };

export function expectOk<R>(ack: Ack<R>): AckOk<R> {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack;
}

export async function facilitatorClient(url: string, s: CreatedSession): Promise<TestClient> {
  const c = await new TestClient(url).connected();
  expectOk(await c.attach(s.sessionId, { kind: 'facilitator', key: s.facilitatorKey }));
  return c;
}

/** Resolves when `check` holds, polling; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
