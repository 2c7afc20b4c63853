import type { SessionState } from '../../shared/schemas/session.js';
import type { Snapshot } from '../store/types.js';
import { inSlices } from '../in-slices.js';

/** The snapshot format. Bump it when SessionState changes shape: older snapshots are then ignored and the log replayed. */
export const SNAPSHOT_VERSION = 1;

/**
 * Serialises a state that nobody writes any more (the host's frozen copy). The answers and the participants are
 * most of a big session: they are written a slice per loop turn (about a millisecond each, see inSlices), the rest
 * (groups, the synthesis) in one piece.
 */
export async function serialiseSnapshot(state: SessionState): Promise<Snapshot> {
  const { answers, participants, ...others } = state;
  const answersJson = await recordJson(answers);
  const participantsJson = await recordJson(participants);
  // The same document as JSON.stringify({ answers, rest: state without answers }) wrote: `participants` goes last.
  const rest = JSON.stringify(others);
  const data = `{"answers":${answersJson},"rest":${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}"participants":${participantsJson}}}`;
  return { seq: state.seq, version: SNAPSHOT_VERSION, data };
}

/** JSON.stringify(record), an entry at a time, over as many loop turns as it takes. */
async function recordJson(record: Record<string, unknown>): Promise<string> {
  const ids = Object.keys(record);
  const entries: string[] = new Array(ids.length);
  await inSlices(ids.length, (k) => {
    entries[k] = `${JSON.stringify(ids[k])}:${JSON.stringify(record[ids[k]])}`;
    return undefined;
  });
  return `{${entries.join(',')}}`;
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
