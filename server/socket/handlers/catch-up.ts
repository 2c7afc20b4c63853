import type { EventEnvelope } from '../../../shared/protocol/events.js';
import type { AttachResult } from '../../../shared/protocol/socket-events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { changesVisibility, eventForFacilitators, eventForParticipants, participantSees, type Viewer, viewFor } from '../../../shared/domain/projection.js';
import { fromRecord } from '../../sessions/session-host.js';
import type { Store } from '../../store/types.js';

/** Past this many missed events a snapshot is cheaper to send and to apply. */
const MAX_CATCH_UP_EVENTS = 1000;

/**
 * What a (re)attaching client needs: exactly the events after its lastSeq that it may see,
 * or a fresh view when it has none, is too far behind, or what it may see has changed meanwhile.
 */
export async function catchUpFor(store: Store, state: SessionState, viewer: Viewer, lastSeq: number | undefined): Promise<AttachResult['catchUp']> {
  // Built only when sent: a view is as big as the reader's part of the session, the events since lastSeq are few.
  const snapshot = () => ({ kind: 'snapshot' as const, view: viewFor(state, viewer) });
  if (lastSeq === undefined || lastSeq > state.seq || state.seq - lastSeq > MAX_CATCH_UP_EVENTS) return snapshot();
  const missed = (await store.readEvents(state.id, lastSeq, state.seq - lastSeq)).map(fromRecord);
  if (viewer.role === 'facilitator') return { kind: 'events', events: missed.map((e) => ({ ...e, event: eventForFacilitators(e.event) })) };
  if (missed.some((e) => changesVisibility(e.event))) return snapshot();
  const events: EventEnvelope[] = missed
    .filter((e) => participantSees(state, viewer.participantId, e.event))
    .map((e) => ({ ...e, event: eventForParticipants(state, e.event, viewer.participantId) }));
  return { kind: 'events', events };
}
