import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SessionState } from '../../shared/schemas/session.js';
import type { Snapshot } from '../store/types.js';

/** The snapshot format. Bump it when SessionState changes shape: older snapshots are then ignored and the log replayed. */
export const SNAPSHOT_VERSION = 1;

/** Answers serialised per turn of the event loop: a 50,000-answer session never holds the loop for long. */
const ANSWERS_PER_TURN = 2_000;

/**
 * Serialises a state that nobody writes any more (the host released it), a slice of answers per loop turn.
 * The answers are most of a big session; the rest (participants, groups, the synthesis) goes in one piece.
 */
export async function serialiseSnapshot(state: SessionState): Promise<Snapshot> {
  const { answers, ...rest } = state;
  const ids = Object.keys(answers);
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i += ANSWERS_PER_TURN) {
    if (i > 0) await nextTurn();
    parts.push(
      ids
        .slice(i, i + ANSWERS_PER_TURN)
        .map((id) => `${JSON.stringify(id)}:${JSON.stringify(answers[id])}`)
        .join(','),
    );
  }
  const data = `{"answers":{${parts.join(',')}},"rest":${JSON.stringify(rest)}}`;
  return { seq: state.seq, version: SNAPSHOT_VERSION, data };
}

/** The state in a snapshot, or null when it is of another version or another session, or unreadable. */
export function parseSnapshot(sessionId: string, snapshot: Snapshot): SessionState | null {
  if (snapshot.version !== SNAPSHOT_VERSION) return null;
  try {
    const { answers, rest } = JSON.parse(snapshot.data) as { answers: SessionState['answers']; rest: Omit<SessionState, 'answers'> };
    const state: SessionState = { ...rest, answers };
    return state.id === sessionId && state.seq === snapshot.seq ? state : null;
  } catch {
    return null;
  }
}
