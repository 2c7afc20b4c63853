import { setEntry, watchWrites } from '../../shared/domain/record-writes.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { inSlices } from '../in-slices.js';

/**
 * A copy of the live state that nobody will write, made without handing the live state out. Handing it out (the
 * host's release) makes the next event copy the whole record it writes in one go: 10 ms of the event loop at
 * 20,000 answers, 30 ms at 50,000, at every checkpoint. Here the records that grow with the session (answers,
 * participants, groups) are copied a slice per turn while events go on being applied in place; the keys written
 * meanwhile are watched (watchWrites) and taken again from the state as it is at the end, so the copy is that state
 * exactly. The small records written in place (dots, evaluation responses) are copied at the end. `current` reads
 * the live state; null when the state was rebuilt meanwhile (its records are not the ones watched).
 */
export async function frozenCopy(current: () => SessionState): Promise<SessionState | null> {
  const start = current();
  const watched = [watchWrites(start.answers), watchWrites(start.participants), watchWrites(start.groups)];
  try {
    const answers = await copyInSlices(start.answers);
    const participants = await copyInSlices(start.participants);
    const groups = await copyInSlices(start.groups);
    const s = current();
    const [a, p, g] = watched;
    if (s.answers !== a.record || s.participants !== p.record || s.groups !== g.record) return null;
    takeAgain(answers, s.answers, a.keys);
    takeAgain(participants, s.participants, p.keys);
    takeAgain(groups, s.groups, g.keys);
    return {
      ...s,
      answers,
      participants,
      groups,
      synthesis: s.synthesis && { ...s.synthesis, votes: { ...s.synthesis.votes } },
      evaluation: s.evaluation && { ...s.evaluation, responses: { ...s.evaluation.responses }, respondents: { ...s.evaluation.respondents } },
    };
  } finally {
    for (const w of watched) w.stop();
  }
}

/** The entries written while the copy was being made, as the live record holds them now (or no longer does). */
function takeAgain<T>(copy: Record<string, T>, live: Record<string, T>, keys: Set<string>): void {
  for (const id of keys) {
    if (Object.hasOwn(live, id)) setEntry(copy, id, live[id]);
    else delete copy[id];
  }
}

async function copyInSlices<T>(record: Record<string, T>): Promise<Record<string, T>> {
  const ids = Object.keys(record);
  const copy: Record<string, T> = {};
  await inSlices(ids.length, (k) => {
    setEntry(copy, ids[k], record[ids[k]]);
    return undefined;
  });
  return copy;
}
