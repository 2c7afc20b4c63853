import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long a pass holds the event loop before it lets the rest of the server run: an answer that arrives meanwhile
 * waits at most about this long. A count per turn would be wrong on every machine but one (5,000 identity checks
 * took 1 ms on one night's machine and 8 ms on another's, in a CPU profile).
 */
const TURN_MS = 1;
/** The clock is read every this many calls: a call is a lookup or two (well under a microsecond). */
const CALLS_PER_CLOCK = 64;

/**
 * Calls `each(k)` for k from 0 to `count - 1`, for about TURN_MS per turn of the event loop, so a pass over every
 * answer of a big session never holds the loop for long. Stops early when `each` returns false; resolves to
 * whether it went to the end.
 */
export async function inSlices(count: number, each: (k: number) => boolean | undefined): Promise<boolean> {
  let until = performance.now() + TURN_MS;
  for (let k = 0; k < count; k++) {
    if (k % CALLS_PER_CLOCK === 0 && k > 0 && performance.now() > until) {
      await nextTurn();
      until = performance.now() + TURN_MS;
    }
    if (each(k) === false) return false;
  }
  return true;
}
