import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Calls `each(k)` for k from 0 to `count - 1`, `perTurn` calls per turn of the event loop, so a pass over every
 * answer of a big session never holds the loop for long. Stops early when `each` returns false; resolves to
 * whether it went to the end.
 */
export async function inSlices(count: number, perTurn: number, each: (k: number) => boolean | undefined): Promise<boolean> {
  for (let i = 0; i < count; i += perTurn) {
    if (i > 0) await nextTurn();
    for (let k = i; k < Math.min(i + perTurn, count); k++) if (each(k) === false) return false;
  }
  return true;
}
