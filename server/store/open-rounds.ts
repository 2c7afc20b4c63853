import type { EventRecord } from './types.js';

/**
 * The one piece of the domain the store knows: which event types open and close a round, so it can keep the
 * index of sessions with a running round (read at start to resume round timers) in the same transaction as
 * the events. Extending a round changes its end, not whether it runs; the timer reads the end from the session.
 */
export const ROUND_OPENS = 'round.started';
export const ROUND_CLOSES = ['round.ended', 'session.closed'] as const;
const MARKERS: readonly string[] = [ROUND_OPENS, ...ROUND_CLOSES];

/** What a batch does to the index: the last round marker in it decides; null when it holds none. */
export function roundMarker(events: readonly EventRecord[]): 'open' | 'closed' | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (MARKERS.includes(events[i].type)) return events[i].type === ROUND_OPENS ? 'open' : 'closed';
  }
  return null;
}

/** Fills the index from an existing log (a migration): sessions whose latest marker opened a round. SQL for both stores. */
export const BACKFILL_OPEN_ROUNDS = `INSERT INTO open_rounds (session_id)
  SELECT session_id FROM (
    SELECT session_id, type, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY seq DESC) AS r
    FROM events WHERE type IN ('${ROUND_OPENS}', ${ROUND_CLOSES.map((t) => `'${t}'`).join(', ')})
  ) latest
  WHERE r = 1 AND type = '${ROUND_OPENS}'`;
