/**
 * Keeps an array's identity while its items are the same ones: the shared reducer makes a new answers map on every
 * event, so grouping it afresh makes fifty new arrays, and every memoised card would re-render for one answer.
 */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Replaces each list in `next` by the one in `previous` when it holds the same items. */
export function keepStable<K, T>(previous: Map<K, T[]>, next: Map<K, T[]>): Map<K, T[]> {
  for (const [k, list] of next) {
    const old = previous.get(k);
    if (old && sameItems(old, list)) next.set(k, old);
  }
  return next;
}
