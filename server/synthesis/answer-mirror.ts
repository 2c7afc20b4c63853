import { engineAnswer } from '../../shared/domain/curation/generate.js';
import type { Answer } from '../../shared/schemas/session.js';
import type { SynthesisInput } from '../../shared/synthesis/index.js';
import { inSlices } from '../in-slices.js';

/** A session's answers for a run: `answers` is a released state's map (nobody writes into it), `ids` its keys. */
export interface SessionAnswers {
  /** Unique in the process: several apps may share one pool, and two of them may hold one session id. */
  key: string;
  answers: Record<string, Answer>;
  ids: string[];
}

/** What travels to the worker for one run: the answers it does not hold as they are now, and those now gone. */
export interface AnswersDiff {
  changed: SynthesisInput['answers'];
  removed: string[];
  /** How many answers the session has: the worker checks its copy against it. */
  total: number;
}

/** A diff and what the mirror becomes once it is sent. */
interface Pending extends AnswersDiff {
  /** The answers of `changed`, as the session holds them (their identity is what the next run compares). */
  originals: Answer[];
  /** The whole mirror, built in the same slices, when the worker held nothing of the session. */
  fresh: Map<string, Answer> | null;
}

/** Sessions whose answers the worker keeps between runs; the least recently run is forgotten first. */
const SESSIONS_KEPT = 8;

/**
 * What the synthesis worker holds of each session's answers, as sent. A session of 10,000 answers re-run sent them
 * all again each time: 10 ms of the event loop to copy them into a message, another 4 ms to build the copies.
 * Answers are never written into (an edit makes a new object, see reducer.ts), so one identity check per answer
 * tells whether the worker's copy is still true, and a re-run sends only what changed.
 */
export class AnswerMirror {
  private sessions = new Map<string, Map<string, Answer>>();

  /** The difference from what the worker holds, computed a slice per loop turn. Changes nothing until `sent`. */
  async diff(session: SessionAnswers): Promise<Pending> {
    const held = this.sessions.get(session.key);
    const { answers, ids } = session;
    const pending: Pending = { changed: [], removed: [], total: ids.length, originals: [], fresh: held ? null : new Map() };
    let still = 0;
    await inSlices(ids.length, (k) => {
      const a = answers[ids[k]];
      const before = held?.get(a.id);
      if (before !== undefined) still++;
      if (before === a) return undefined;
      pending.changed.push(engineAnswer(a));
      pending.originals.push(a);
      pending.fresh?.set(a.id, a);
      return undefined;
    });
    // The worker holds answers that are gone only when some were deleted: only then look for them.
    if (held && held.size > still) for (const id of held.keys()) if (!(id in answers)) pending.removed.push(id);
    return pending;
  }

  /**
   * The worker was sent `diff` for `key`: from now on it holds those answers. Returns the sessions it should forget
   * (beyond SESSIONS_KEPT), which the caller tells the worker at once.
   */
  sent(key: string, diff: Pending): string[] {
    const held = diff.fresh ?? this.sessions.get(key);
    // Dropped meanwhile: the worker's copy will not match `total`, and the run after the failure sends everything.
    if (!held) return [];
    if (!diff.fresh) {
      for (const a of diff.originals) held.set(a.id, a);
      for (const id of diff.removed) held.delete(id);
    }
    this.sessions.delete(key);
    this.sessions.set(key, held);
    const forget = [...this.sessions.keys()].slice(0, Math.max(0, this.sessions.size - SESSIONS_KEPT));
    for (const k of forget) this.sessions.delete(k);
    return forget;
  }

  /** The worker may no longer hold this session as sent (its run failed): the next run sends everything. */
  drop(key: string): void {
    this.sessions.delete(key);
  }

  /** A new worker holds nothing. */
  clear(): void {
    this.sessions.clear();
  }
}
