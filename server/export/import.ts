import { SessionEvent } from '../../shared/protocol/events.js';
import { hashSecret, newJoinCode, newSecretKey } from '../security/secrets.js';
import { JoinCodeTakenError, type EventRecord, type Store } from '../store/types.js';
import type { SessionExport } from './json.js';

export class ImportError extends Error {}

/**
 * Recreates an exported session under a new id, join code and facilitator key. Every event is validated with
 * the protocol's own schema before anything is written, and the log must be a gap-free replay.
 */
export async function importSession(store: Store, exp: SessionExport, ids: { newId: () => string; now: () => number }, programmeId: string | null = null) {
  const events: EventRecord[] = exp.events.map((e, i) => {
    if (e.seq !== i + 1) throw new ImportError(`Event ${i + 1} has seq ${e.seq}: the log must be gap-free from 1`);
    const parsed = SessionEvent.safeParse(e.data);
    if (!parsed.success || parsed.data.type !== e.type) throw new ImportError(`Event ${e.seq} is not a valid ${e.type} event`);
    return { seq: e.seq, at: e.at, type: e.type, data: parsed.data };
  });
  if (events[0].type !== 'session.created') throw new ImportError('The log must start with session.created');
  const sessionId = ids.newId();
  const key = newSecretKey();
  for (let attempt = 0; ; attempt++) {
    const joinCode = newJoinCode();
    const first = { ...events[0], data: { ...(events[0].data as object), id: sessionId, joinCode } };
    try {
      await store.createSession(
        { sessionId, joinCode, createdAt: exp.createdAt, programmeId },
        [{ hash: hashSecret(key), role: 'facilitator', scopeId: sessionId, subject: 'facilitator (imported)', createdAt: ids.now() }],
        { sessionId, opId: null, result: null, events: [first, ...events.slice(1)] },
      );
      return { sessionId, joinCode, facilitatorKey: key };
    } catch (err) {
      if (!(err instanceof JoinCodeTakenError) || attempt >= 5) throw err;
    }
  }
}
