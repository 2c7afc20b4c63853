import { SessionEvent } from '../../shared/protocol/events.js';
import { DomainError } from '../../shared/domain/context.js';
import { checkImportedEvent } from '../../shared/domain/decide/imported.js';
import { Ownership } from '../../shared/domain/ownership.js';
import { EMPTY_STATE, applyOwned } from '../../shared/domain/reducer.js';
import { hashSecret, newJoinCode, newSecretKey } from '../security/secrets.js';
import { JoinCodeTakenError, type EventRecord, type Store } from '../store/types.js';
import type { SessionExport } from './json.js';

export class ImportError extends Error {}

/**
 * Recreates an exported session under a new id, join code and facilitator key. Before anything is written, every
 * event is validated with the protocol's own schema and replayed through the domain's import check
 * (shared/domain/decide/imported.ts): the field limits and sanitising rule of the live app, and only references to
 * what exists. One event that the live app could not have made refuses the whole import.
 */
export async function importSession(store: Store, exp: SessionExport, ids: { newId: () => string; now: () => number }, programmeId: string | null = null) {
  const events = replayable(exp);
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

/** The export's events, each parsed and checked on the state the ones before it made; throws ImportError. */
export function replayable(exp: SessionExport): EventRecord[] {
  const owner = new Ownership();
  let state = EMPTY_STATE;
  return exp.events.map((e, i) => {
    if (e.seq !== i + 1) throw new ImportError(`Event ${i + 1} has seq ${e.seq}: the log must be gap-free from 1`);
    const parsed = SessionEvent.safeParse(e.data);
    if (!parsed.success || parsed.data.type !== e.type) throw new ImportError(`Event ${e.seq} is not a valid ${e.type} event`);
    try {
      checkImportedEvent(state, parsed.data);
      state = applyOwned(state, { seq: e.seq, at: e.at, event: parsed.data }, owner);
    } catch (err) {
      if (err instanceof DomainError) throw new ImportError(`Event ${e.seq} (${e.type}) could not have happened: ${err.message}. Nothing was imported.`);
      throw new ImportError(`Event ${e.seq} (${e.type}) does not apply: ${(err as Error).message}. Nothing was imported.`);
    }
    return { seq: e.seq, at: e.at, type: e.type, data: parsed.data };
  });
}
