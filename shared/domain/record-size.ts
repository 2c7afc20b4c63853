/**
 * How many entries a session record (participants, answers...) holds, in constant time once known. Counting the
 * keys is a pass over the record: a join that checks the session is not full would cost as much as the session
 * is big, and a join storm of 5,000 people would count 12.5 million keys. The reducer, the only writer of a
 * session's records, keeps a known count right as it adds, copies and deletes (recordWritten).
 */
const sizes = new WeakMap<object, number>();

export function recordSize(record: Record<string, unknown>): number {
  let size = sizes.get(record);
  if (size === undefined) {
    size = Object.keys(record).length;
    sizes.set(record, size);
  }
  return size;
}

/**
 * After the reducer wrote `written` (the record itself, or its copy of `from`): `delta` entries more (1 added,
 * -1 deleted, 0 replaced). A count nobody asked for is not kept: it is made on the first recordSize.
 */
export function recordWritten(from: object, written: object, delta: number): void {
  const before = sizes.get(from);
  if (before === undefined) {
    if (written !== from) sizes.delete(written);
    return;
  }
  sizes.set(written, before + delta);
}
