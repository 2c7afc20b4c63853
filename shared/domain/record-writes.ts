/**
 * What the reducer, the only writer of a session's records (participants, groups, answers...), tells of its writes
 * in place (recordWritten): how many entries a record holds, and which keys were written since someone began to
 * watch. Both let the server read a big session without a pass over all of it on the event loop.
 */
const sizes = new WeakMap<object, number>();
const watches = new WeakMap<object, WriteWatch[]>();

/**
 * How many entries a record holds, in constant time once known. Counting the keys is a pass over the record: a
 * join that checks the session is not full would cost as much as the session is big, and a join storm of 5,000
 * people would count 12.5 million keys.
 */
export function recordSize(record: Record<string, unknown>): number {
  let size = sizes.get(record);
  if (size === undefined) {
    size = Object.keys(record).length;
    sizes.set(record, size);
  }
  return size;
}

/** The keys written into a record since watchWrites, following it into the copies the reducer makes of it. */
export interface WriteWatch {
  keys: Set<string>;
  /** The record as it is now: the one watched, or the copy that replaced it. */
  record: object;
  stop(): void;
}

export function watchWrites(record: object): WriteWatch {
  const watch: WriteWatch = {
    keys: new Set(),
    record,
    stop: () => {
      const rest = (watches.get(watch.record) ?? []).filter((w) => w !== watch);
      if (rest.length) watches.set(watch.record, rest);
      else watches.delete(watch.record);
    },
  };
  watches.set(record, [...(watches.get(record) ?? []), watch]);
  return watch;
}

/**
 * After the reducer wrote `key` in `written` (the record itself, or its copy of `from`): `delta` entries more
 * (1 added, -1 deleted, 0 replaced). A count nobody asked for is not kept: it is made on the first recordSize.
 */
export function recordWritten(from: object, written: object, key: string, delta: number): void {
  const watching = watches.get(from);
  if (watching) {
    for (const watch of watching) {
      watch.keys.add(key);
      watch.record = written;
    }
    if (written !== from) {
      watches.delete(from);
      watches.set(written, watching);
    }
  }
  const before = sizes.get(from);
  if (before === undefined) {
    if (written !== from) sizes.delete(written);
    return;
  }
  sizes.set(written, before + delta);
}

/**
 * `record[id] = value`, except for an id `__proto__` (the schemas refuse such ids; this is the second line of
 * defence), which assignment would take for the prototype. defineProperty only then: it turns the object into a
 * slow one, and plain assignment keeps it fast.
 */
export function setEntry<T>(record: Record<string, T>, id: string, value: T): void {
  if (id === '__proto__') Object.defineProperty(record, id, { value, writable: true, enumerable: true, configurable: true });
  else record[id] = value;
}
