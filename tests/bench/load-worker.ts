// A load-generator process: holds many real socket.io-client participants and writes or receives answers
// on the orchestrator's orders (IPC). Reports latencies and its own event-loop delay.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { type AttachResult, handshakeAuth, type JoinResult } from '../../shared/protocol/socket-events.js';
import type { GroupSlice } from '../../shared/domain/projection.js';
import type { Ack } from '../../shared/protocol/acks.js';
import { ViewTracker } from '../../shared/sync/view-tracker.js';
import { now } from './stats.js';

type Target = 'real' | 'floor';
interface Client {
  socket: Socket;
  tracker: ViewTracker;
  participantId: string | null;
  group: string | null;
  token: string;
  sessionId: string | null;
  /** Server seq at this client's last successful attach. */
  syncedSeq: number;
  attachedAt: number;
  /** Attaches in flight (the first one, and again after a reconnect). */
  attaching: number;
  /** Answers this client received in the current phase. */
  got: number;
  /** When this client last received its group's slice after a regrouping. */
  regroupedAt: number;
}

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const clients: Client[] = [];
let latencies: number[] = [];
let received = 0;
const sentByGroup: Record<string, number> = {};
const ackedIds: string[] = [];
let failures = 0;

function reply(msg: unknown) {
  process.send!(msg);
}

/** Receipts per answer (its writer's worker and number), to find where a delivery went missing. */
const receipts = new Map<string, number>();

function onAnswer(text: string, c: Client) {
  const m = /^b\|(\d+(?:\.\d+)?)\|(\S+)/.exec(text);
  if (!m) return;
  latencies.push(now() - Number(m[1]));
  received++;
  c.got++;
  receipts.set(m[2], (receipts.get(m[2]) ?? 0) + 1);
}

async function attach(c: Client, withLastSeq: boolean): Promise<boolean> {
  c.attaching++;
  try {
    return await attachOnce(c, withLastSeq);
  } finally {
    c.attaching--;
  }
}

async function attachOnce(c: Client, withLastSeq: boolean): Promise<boolean> {
  const lastSeq = withLastSeq ? c.tracker.lastSeq : undefined;
  const ack = (await c.socket
    .timeout(30_000)
    .emitWithAck('attach', { sessionId: c.sessionId, credential: { kind: 'participant', token: c.token }, ...(lastSeq !== undefined ? { lastSeq } : {}) })
    .catch(() => null)) as Ack<AttachResult> | null;
  if (!ack?.ok) return false;
  return took(c, ack.seq, ack.result!) || attachOnce(c, false);
}

/** Takes an attach's answer; false when the view turned out not to match (attach again, without a last seq). */
function took(c: Client, seq: number, result: AttachResult): boolean {
  c.participantId = result.participantId;
  if (c.tracker.catchUp(result.catchUp)) return false;
  c.syncedSeq = seq;
  c.attachedAt = now();
  c.group = c.tracker.view?.participants[c.participantId!]?.groupId ?? null;
  return true;
}

async function connectOne(target: Target, url: string, index: number, opts: { joinCode?: string; groupSize: number }): Promise<void> {
  const socket = io(url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000, forceNew: true, auth: handshakeAuth() });
  const c: Client = {
    socket,
    tracker: new ViewTracker(
      () => 'participant',
      () => c.participantId,
    ),
    participantId: null,
    group: null,
    token: nanoid(24),
    sessionId: null,
    syncedSeq: 0,
    attachedAt: 0,
    attaching: 0,
    got: 0,
    regroupedAt: 0,
  };
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (target === 'floor') {
    c.group = String(Math.floor(index / opts.groupSize));
    await socket.timeout(30_000).emitWithAck('join', { group: c.group });
    socket.on('answer', (msg: { text: string }) => onAnswer(msg.text, c));
  } else {
    const joined = (await socket.timeout(30_000).emitWithAck('join', {
      opId: nanoid(12),
      joinCode: opts.joinCode,
      token: c.token,
      name: `Bench ${index}`,
      organisation: `Org ${index % 37}`,
      country: `C${index % 11}`,
    })) as Ack<JoinResult>;
    if (!joined.ok) throw new Error(joined.error.message);
    c.sessionId = joined.result!.sessionId;
    // The join attached this socket too, as the browser's does; only when it could not, attach.
    const attached = joined.result!.attached;
    const ready = attached ? took(c, attached.seq, attached.result) : false;
    if (!ready && !(await attach(c, false))) throw new Error('attach failed');
    socket.on('event', (e: EventEnvelope) => {
      if (e.event.type === 'answer.added') onAnswer(e.event.answer.text, c);
      if (c.tracker.receive(e)) void attach(c, false);
    });
    // The group is taken from the server's slice, not from the event: the slice comes once the server has moved
    // the socket to the group's room.
    socket.on('slice', (slice: GroupSlice) => {
      c.regroupedAt = now();
      if (c.tracker.regroup(slice)) void attach(c, false);
      else c.group = c.tracker.view?.participants[c.participantId!]?.groupId ?? null;
    });
    // After a reconnect (a server restart), attach again with the last seq held.
    socket.io.on('reconnect', () => void attach(c, true));
  }
  clients.push(c);
}

async function connect(msg: { target: Target; url: string; joinCode?: string; count: number; offset: number; spreadMs: number; groupSize: number }) {
  const start = now();
  await Promise.all(
    Array.from({ length: msg.count }, (_, i) =>
      new Promise<void>((resolve) => setTimeout(resolve, (i / msg.count) * msg.spreadMs)).then(() =>
        connectOne(msg.target, msg.url, msg.offset + i, msg).catch(() => {
          failures++;
        }),
      ),
    ),
  );
  reply({ type: 'connected', ms: now() - start, failures, lastDoneAt: now() });
}

async function write(msg: { target: Target; perSecond: number; durationMs: number; promptId?: string }) {
  latencies = [];
  received = 0;
  for (const c of clients) c.got = 0;
  for (const g of Object.keys(sentByGroup)) delete sentByGroup[g];
  let n = 0;
  let acked = 0;
  const refused: Record<string, number> = {};
  const total = Math.round((msg.perSecond * msg.durationMs) / 1000);
  const start = now();
  const writers = clients.filter((c) => c.group);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((now() - start) / 1000) * msg.perSecond) + 1);
      while (n < due) {
        const c = writers[n % writers.length];
        const text = `b|${now()}|${process.pid}:${n}:${c.group}`;
        sentByGroup[c.group!] = (sentByGroup[c.group!] ?? 0) + 1;
        const p =
          msg.target === 'floor'
            ? c.socket.emitWithAck('answer', { group: c.group, text })
            : c.socket.emitWithAck('command', { type: 'answer.add', opId: nanoid(12), promptId: msg.promptId, text });
        p.then(
          (ack: Ack<{ answerId: string }>) => {
            if (ack.ok) {
              acked++;
              if (ack.result?.answerId) ackedIds.push(ack.result.answerId);
            } else refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
          },
          // A node killed at the end of a phase drops the acks still in flight: they are simply not acknowledged.
          () => undefined,
        );
        n++;
      }
      if (n >= total) return resolve();
      setTimeout(tick, 5);
    };
    tick();
  });
  // Let the last deliveries land.
  await new Promise((r) => setTimeout(r, 1500));
  reply({ type: 'wrote', sent: n, acked, refused, ms: now() - start });
}

process.on('message', (msg: { type: string } & Record<string, unknown>) => {
  switch (msg.type) {
    case 'connect':
      void connect(msg as never);
      break;
    case 'groups': {
      const check = () =>
        clients.every((c) => c.group && c.attaching === 0) ? reply({ type: 'grouped', groups: clients.map((c) => c.group) }) : setTimeout(check, 50);
      check();
      break;
    }
    case 'write':
      void write(msg as never);
      break;
    case 'report':
      loop.disable();
      reply({
        type: 'report',
        latencies,
        received,
        silent: clients.filter((c) => c.got === 0).map((c) => ({ group: c.group, attaching: c.attaching, connected: c.socket.connected })),
        sentByGroup,
        loopP99Ms: loop.percentile(99) / 1e6,
        ackedIds,
        receipts: Object.fromEntries(receipts),
      });
      receipts.clear();
      loop.reset();
      loop.enable();
      break;
    case 'await-sync': {
      const since = msg.since as number;
      const check = () =>
        clients.every((c) => c.attachedAt > since && c.syncedSeq >= (msg.seq as number))
          ? reply({ type: 'synced', at: Math.max(...clients.map((c) => c.attachedAt)) })
          : setTimeout(check, 20);
      check();
      break;
    }
    case 'await-regroup': {
      // Every client has its new group's slice (the server moved its sockets) after `since`.
      const since = msg.since as number;
      const check = () =>
        clients.every((c) => c.regroupedAt > since) ? reply({ type: 'regrouped', at: Math.max(...clients.map((c) => c.regroupedAt)) }) : setTimeout(check, 20);
      check();
      break;
    }
    case 'reset':
      // Between phases: drop every client of the previous phase so the next one measures only its own.
      for (const c of clients.splice(0)) c.socket.close();
      ackedIds.length = 0;
      failures = 0;
      reply({ type: 'reset-done' });
      break;
    case 'close':
      for (const c of clients) c.socket.close();
      process.exit(0);
  }
});
reply({ type: 'ready' });
