import type { EventEnvelope } from '../protocol/events.js';
import type { AttachResult } from '../protocol/socket-events.js';
import { apply } from '../domain/reducer.js';
import { changesVisibility, type SessionView } from '../domain/projection.js';

/**
 * A client's copy of its session view, fed by attach catch-ups and live events. Used by the browser store and
 * by the test clients, so both follow the same rules:
 * - events newer than the view are applied with the shared reducer;
 * - events already covered (by a snapshot or applied before) are ignored, so overlap between catch-up and
 *   live events is harmless;
 * - an event older than the view that was never applied arrived late (with several nodes, two broadcasts can
 *   cross): the view can no longer be trusted, so ask for a fresh one;
 * - after an event that changes what a participant may see, ask for a fresh view too.
 */
export class ViewTracker {
  view: SessionView | null = null;
  /** Every seq up to here is reflected in the view (it came with a snapshot). */
  private coveredUpTo = 0;
  /** Seqs applied one by one since the last snapshot. */
  private applied = new Set<number>();

  constructor(
    private readonly role: () => 'facilitator' | 'participant' | null,
    private readonly participantId: () => string | null = () => null,
  ) {}

  /** Returns true when the caller should re-attach without lastSeq to get a fresh view. */
  receive(envelope: EventEnvelope): boolean {
    if (!this.view) return false;
    if (envelope.seq <= this.coveredUpTo || this.applied.has(envelope.seq)) return false;
    if (envelope.seq < this.view.seq) return true;
    const resync = this.role() === 'participant' && changesVisibility(envelope.event, this.view, this.participantId());
    this.view = apply(this.view, envelope);
    this.applied.add(envelope.seq);
    return resync;
  }

  /** Applies an attach result; returns true when a fresh view is needed after all. */
  catchUp(catchUp: AttachResult['catchUp']): boolean {
    if (catchUp.kind === 'snapshot') {
      this.view = catchUp.view;
      this.coveredUpTo = catchUp.view.seq;
      this.applied.clear();
      return false;
    }
    let resync = false;
    for (const e of catchUp.events) resync = this.receive(e) || resync;
    return resync;
  }

  get lastSeq(): number | undefined {
    return this.view?.seq;
  }
}
