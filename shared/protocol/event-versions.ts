import { SessionEvent } from './events.js';

/**
 * The shape version of the events written today. Every stored event records the version it was written in; when an
 * event's shape changes, bump this and add an upcaster from the previous version, so old logs still replay.
 */
export const EVENT_VERSION = 1;

/** `UPCASTERS[v]` turns an event stored at version v into its shape at version v + 1. None yet. */
const UPCASTERS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};

export class StoredEventError extends Error {}

/** A stored event, brought to today's shape and checked against today's schema. Throws StoredEventError if it cannot be. */
export function readStoredEvent(version: number, data: unknown): SessionEvent {
  if (!Number.isInteger(version) || version < 1 || version > EVENT_VERSION)
    throw new StoredEventError(`event version ${version} is not known to this server (it knows 1 to ${EVENT_VERSION})`);
  let shaped = data as Record<string, unknown>;
  for (let v = version; v < EVENT_VERSION; v++) shaped = UPCASTERS[v](shaped);
  const parsed = SessionEvent.safeParse(shaped);
  if (!parsed.success) {
    const where = parsed.error.issues[0];
    throw new StoredEventError(`a stored ${String(shaped?.type)} event does not match its schema (${where?.path.join('.') || 'event'}: ${where?.message})`);
  }
  return parsed.data;
}
