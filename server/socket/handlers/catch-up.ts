import type { EventEnvelope } from '../../../shared/protocol/events.js';
import type { AttachResult } from '../../../shared/protocol/socket-events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import {
  type AnswerIndex,
  changesVisibility,
  eventForFacilitators,
  eventForParticipants,
  indexAnswers,
  participantSees,
  type Viewer,
  viewFor,
} from '../../../shared/domain/projection.js';
import { fromRecord } from '../../sessions/session-host.js';
import type { Store } from '../../store/types.js';

/**
 * The answers by group of the state attaches read, kept while it is current: without it every participant's view
 * scans every answer of the session (1,000 people reconnecting to 20,000 answers: 12 s of the event loop). An entry
 * stays right: every event makes a new top-level state, so a state object is never current again once an event
 * followed it, even when its records are written in place (shared/domain/ownership.ts).
 */
const indexes = new WeakMap<SessionState, { seq: number; index: AnswerIndex }>();
function answerIndexOf(state: SessionState): AnswerIndex {
  const known = indexes.get(state);
  if (known && known.seq === state.seq) return known.index;
  const index = indexAnswers(state);
  indexes.set(state, { seq: state.seq, index });
  return index;
}

/** Past this many missed events a snapshot is cheaper to send and to apply. */
const MAX_CATCH_UP_EVENTS = 1000;
/**
 * A participant's last seq is that of the last event of its own group, so it lags behind the session's by every
 * other group's answers: reading those from the log to drop them costs more than the participant's view (its own
 * group only, from the answers index). 1,000 people reconnecting to a busy room read 1,000 events each otherwise.
 */
const MAX_PARTICIPANT_CATCH_UP_EVENTS = 100;

/**
 * What a (re)attaching client needs: exactly the events after its lastSeq that it may see,
 * or a fresh view when it has none, is too far behind, or what it may see has changed meanwhile.
 */
export async function catchUpFor(store: Store, state: SessionState, viewer: Viewer, lastSeq: number | undefined): Promise<AttachResult['catchUp']> {
  const snapshot = () => snapshotFor(state, viewer);
  if (lastSeq === undefined || snapshotDue(state, viewer, lastSeq)) return snapshot();
  const missed = (await store.readEvents(state.id, lastSeq, state.seq - lastSeq)).map(fromRecord);
  if (viewer.role === 'facilitator') return { kind: 'events', events: missed.map((e) => ({ ...e, event: eventForFacilitators(e.event) })) };
  if (missed.some((e) => changesVisibility(e.event))) return snapshot();
  const events: EventEnvelope[] = missed
    .filter((e) => participantSees(state, viewer.participantId, e.event))
    .map((e) => ({ ...e, event: eventForParticipants(state, e.event, viewer.participantId) }));
  return { kind: 'events', events };
}

/** A fresh view is sent when the client has none, is too far behind, or holds a seq from another life of the log. */
export function snapshotDue(state: SessionState, viewer: Viewer, lastSeq: number | undefined): boolean {
  const most = viewer.role === 'participant' ? MAX_PARTICIPANT_CATCH_UP_EVENTS : MAX_CATCH_UP_EVENTS;
  return lastSeq === undefined || lastSeq > state.seq || state.seq - lastSeq > most;
}

/**
 * The reader's view, built only when sent: a view is as big as the reader's part of the session, the events since
 * lastSeq are few. A participant's view shares no record with the state (its participants, groups and answers are
 * its own), so it may be read from a state the host goes on writing (SessionHost.committedRead).
 */
export function snapshotFor(state: SessionState, viewer: Viewer): AttachResult['catchUp'] {
  return { kind: 'snapshot', view: viewFor(state, viewer, viewer.role === 'participant' ? answerIndexOf(state) : undefined) };
}
