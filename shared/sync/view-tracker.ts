import type { EventEnvelope } from '../protocol/events.js';
import type { AttachResult } from '../protocol/socket-events.js';
import { apply } from '../domain/reducer.js';
import { type GroupSlice, participantsSeenBy, type SessionView, withSlice } from '../domain/projection.js';

/** Enough to cover the events that can arrive while one attach is answered. */
const RECENT_KEPT = 1000;

/**
 * A client's copy of its session view, fed by attach catch-ups, live events and group slices. Used by the browser
 * store and by the test clients, so both follow the same rules:
 * - events newer than the view are applied with the shared reducer;
 * - events already covered (by a snapshot or applied before) are ignored, so overlap between catch-up and
 *   live events is harmless;
 * - an event older than the view that was never applied arrived late (with several nodes, two broadcasts can
 *   cross): the view can no longer be trusted, so ask for a fresh one;
 * - a regrouping is followed by the server's slice of the reader's new group (the server moved the sockets):
 *   it replaces the group part of the view, no attach needed; someone leaving the reader's group drops out of it;
 * - a snapshot can be older than events already received (the server sends live events to the socket while it
 *   prepares the attach answer): those later events are applied again on top of it, never lost.
 */
export class ViewTracker {
  view: SessionView | null = null;
  /** Every seq up to here is reflected in the view (it came with a snapshot). */
  private coveredUpTo = 0;
  /** Seqs applied one by one since the last snapshot. */
  private applied = new Set<number>();
  /** Events (and the slices that followed them) applied since the last snapshot, to replay on an older snapshot. */
  private recent: { envelope: EventEnvelope; slice?: GroupSlice }[] = [];

  constructor(
    private readonly role: () => 'facilitator' | 'participant' | null,
    private readonly participantId: () => string | null = () => null,
  ) {}

  /** Returns true when the caller should re-attach without lastSeq to get a fresh view. */
  receive(envelope: EventEnvelope): boolean {
    if (!this.view) return false;
    if (envelope.seq <= this.coveredUpTo || this.applied.has(envelope.seq)) return false;
    if (envelope.seq < this.view.seq) return true;
    this.view = this.applyOne(this.view, envelope);
    this.applied.add(envelope.seq);
    this.recent.push({ envelope });
    if (this.recent.length > RECENT_KEPT) this.recent.shift();
    return false;
  }

  /**
   * Applies the group slice sent after a regrouping event; returns true when a fresh view is needed (the
   * regrouping event itself never arrived, so the rest of the view does not match the slice).
   */
  regroup(slice: GroupSlice): boolean {
    if (!this.view || this.role() !== 'participant' || slice.participantId !== this.participantId()) return false;
    if (slice.seq <= this.coveredUpTo) return false;
    if (!this.applied.has(slice.seq)) return true;
    this.view = withSlice(this.view, slice);
    const entry = this.recent.findLast((r) => r.envelope.seq === slice.seq);
    if (entry) entry.slice = slice;
    return false;
  }

  /** Applies an attach result; returns true when a fresh view is needed after all. */
  catchUp(catchUp: AttachResult['catchUp']): boolean {
    if (catchUp.kind === 'snapshot') {
      const later = this.recent.filter((r) => r.envelope.seq > catchUp.view.seq);
      this.view = catchUp.view;
      this.coveredUpTo = catchUp.view.seq;
      this.applied.clear();
      this.recent = later;
      for (const { envelope, slice } of later) {
        this.view = this.applyOne(this.view, envelope);
        if (slice) this.view = withSlice(this.view, slice);
        this.applied.add(envelope.seq);
      }
      return false;
    }
    let resync = false;
    for (const e of catchUp.events) resync = this.receive(e) || resync;
    return resync;
  }

  private applyOne(view: SessionView, envelope: EventEnvelope): SessionView {
    const next = apply(view, envelope);
    const e = envelope.event;
    const me = this.participantId();
    // Someone who left this reader's group leaves their view too, as the projection has it (the server sends
    // slices to the person moved and their new group, not to the group they left).
    if (this.role() === 'participant' && me && e.type === 'participant.moved' && e.participantId !== me && next.participants[e.participantId]) {
      return { ...next, participants: participantsSeenBy(next, me) };
    }
    return next;
  }

  get lastSeq(): number | undefined {
    return this.view?.seq;
  }
}
