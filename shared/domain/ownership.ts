/**
 * Which maps and arrays of a session state may be written in place.
 *
 * A map made by this owner (a copy it took) is its own until `release()`: writing it again costs O(1) instead of a
 * copy of the whole map. Anything else (a state a reader still holds, a state from another owner) is copied on
 * first write. A fresh owner per call gives a pure reducer (the browser's); one long-lived owner gives the server
 * constant work per event.
 */
export class Ownership {
  private owned = new WeakSet<object>();

  /** `value` itself when this owner made it, else a shallow copy that it now owns. */
  own<T extends object>(value: T): T {
    if (this.owned.has(value)) return value;
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as T;
    this.owned.add(copy);
    return copy;
  }

  /** Everything made so far may now be read by others: later writes copy first. */
  release(): void {
    this.owned = new WeakSet();
  }
}
