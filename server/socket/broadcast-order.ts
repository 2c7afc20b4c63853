import type { EventEnvelope } from '../../shared/protocol/events.js';
import type { SessionState } from '../../shared/schemas/session.js';

type Send = (sessionId: string, envelopes: EventEnvelope[], state: SessionState) => void;

interface Held {
  envelopes: EventEnvelope[];
  state: SessionState;
  timer: NodeJS.Timeout;
}

/** How long a commit waits for its predecessor's broadcast from another node before going out anyway. */
export const PREDECESSOR_WAIT_MS = 500;

/**
 * Keeps each session's broadcasts in seq order across nodes. Node A commits seq 12 and node B, having read 12 from
 * the store, commits 13 and could broadcast it before A's broadcast of 12 went out: every client would then see 13
 * before 12 and have to fetch a whole snapshot. So a node sends a commit only once the seq before it was sent, by
 * itself or, as the other node announces through the adapter's stream right after its broadcast, elsewhere. The
 * stream is read in one order by every node, so an announcement arrives after the broadcast it follows. Should the
 * other node die between its commit and its broadcast, the commit waits at most `waitMs` and the clients resync.
 *
 * On one node nothing is held: appends commit in order and every seq is broadcast here.
 */
export class BroadcastOrder {
  /** Per loaded session: the highest seq broadcast, here or elsewhere (as far as this node knows). */
  private sent = new Map<string, number>();
  private held = new Map<string, Held[]>();

  constructor(
    private readonly send: Send,
    /** Tells the other nodes that this node broadcast a session up to a seq; null on a single node. */
    private readonly announce: ((sessionId: string, seq: number) => void) | null,
    /** Whether the session is loaded on this node (only those are followed, and forgotten when they unload). */
    private readonly isLoaded: (sessionId: string) => boolean,
    /** 0: never hold (the clients resync when two broadcasts cross). */
    private readonly waitMs = PREDECESSOR_WAIT_MS,
  ) {}

  /** This node committed these events (consecutive seqs). */
  committed(sessionId: string, envelopes: EventEnvelope[], state: SessionState): void {
    const first = envelopes[0].seq;
    const sent = this.sent.get(sessionId);
    if (this.waitMs === 0) return this.go(sessionId, envelopes, state);
    // Nothing known yet (the session was just loaded here), or the seq before was sent: go.
    if (sent === undefined || sent >= first - 1) return this.go(sessionId, envelopes, state);
    const held = this.held.get(sessionId) ?? [];
    const entry: Held = { envelopes, state, timer: setTimeout(() => this.giveUp(sessionId, entry), this.waitMs) };
    entry.timer.unref?.();
    held.push(entry);
    held.sort((a, b) => a.envelopes[0].seq - b.envelopes[0].seq);
    this.held.set(sessionId, held);
  }

  /** Another node broadcast the session up to `seq`. */
  announced(sessionId: string, seq: number): void {
    if (!this.isLoaded(sessionId)) return;
    if (seq > (this.sent.get(sessionId) ?? 0)) this.sent.set(sessionId, seq);
    this.release(sessionId);
  }

  /** The session left this node's memory. */
  forget(sessionId: string): void {
    for (const h of this.held.get(sessionId) ?? []) {
      clearTimeout(h.timer);
      this.send(sessionId, h.envelopes, h.state);
    }
    this.held.delete(sessionId);
    this.sent.delete(sessionId);
  }

  private go(sessionId: string, envelopes: EventEnvelope[], state: SessionState): void {
    this.send(sessionId, envelopes, state);
    const last = envelopes[envelopes.length - 1].seq;
    this.sent.set(sessionId, Math.max(this.sent.get(sessionId) ?? 0, last));
    this.announce?.(sessionId, last);
    this.release(sessionId);
  }

  /** Sends every held commit whose predecessor has now been sent. */
  private release(sessionId: string): void {
    const held = this.held.get(sessionId);
    while (held?.length && (this.sent.get(sessionId) ?? 0) >= held[0].envelopes[0].seq - 1) {
      const next = held.shift()!;
      clearTimeout(next.timer);
      if (held.length === 0) this.held.delete(sessionId);
      this.go(sessionId, next.envelopes, next.state);
    }
  }

  /** The predecessor never showed: send this commit and everything held before it, in order. */
  private giveUp(sessionId: string, entry: Held): void {
    const held = this.held.get(sessionId);
    if (!held?.includes(entry)) return;
    const gap = entry.envelopes[0].seq - 1;
    this.sent.set(sessionId, Math.max(this.sent.get(sessionId) ?? 0, gap));
    this.release(sessionId);
  }
}
