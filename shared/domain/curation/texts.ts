import type { Answer } from '../../schemas/session.js';
import type { SynthesisDoc, SynthesisDocOnWire } from '../../schemas/synthesis.js';

type Texts = SynthesisDoc['answers'];
const unchanged = (entry: Texts[string] | undefined, a: Answer) =>
  entry !== undefined && entry.text === a.text && entry.groupId === a.groupId && entry.promptId === a.promptId;

/**
 * The texts a synthesis is made from: every answer of the session, with its group and prompt. Entries of `reuse`
 * (the previous synthesis's) that still say the same are shared, and so is the whole map when nothing changed: a
 * 10,000-answer session re-run made 10,000 new objects on the event loop otherwise, enough garbage to start a
 * 40 ms collection. The result is the same either way; only fewer objects are made.
 */
export function synthesisTexts(answers: Record<string, Answer>, reuse: Texts = {}): Texts {
  const ready = prepared.get(answers);
  if (ready) return ready;
  const now = Object.values(answers);
  if (now.length > 0 && now.every((a) => unchanged(reuse[a.id], a)) && Object.keys(reuse).length === now.length) return reuse;
  const texts: Texts = {};
  for (const a of now) texts[a.id] = textEntry(a, reuse[a.id]);
  return texts;
}

/**
 * Texts made ahead for an answers map that will never change (the server's runner builds them a slice per loop
 * turn while the engine runs, from the released state it read): applying the draft then costs O(1) on the event
 * loop instead of a pass over every answer. Keyed by the map itself: a released map is never written again (a
 * write copies it first, see Ownership), so the texts stay true for as long as the map exists.
 */
const prepared = new WeakMap<Record<string, Answer>, Texts>();

/** `texts` are synthesisTexts(answers, …) for a map nobody writes into any more. */
export function rememberTexts(answers: Record<string, Answer>, texts: Texts): void {
  prepared.set(answers, texts);
}

/** One answer's entry, the previous one when it still says the same. */
export const textEntry = (a: Answer, before: Texts[string] | undefined): Texts[string] =>
  unchanged(before, a) ? before! : { text: a.text, groupId: a.groupId, promptId: a.promptId };

/**
 * The document as the reader keeps it. A fresh draft travels without its texts (see SynthesisDocOnWire): they are
 * the reader's own answers at the moment the event applies, which is the moment the draft was made from them.
 * `reuse`: the texts of the synthesis the reader holds, whose unchanged entries are shared (see synthesisTexts).
 */
export function withTexts(doc: SynthesisDocOnWire, answers: Record<string, Answer>, reuse?: Texts): SynthesisDoc {
  return doc.answers ? (doc as SynthesisDoc) : { ...doc, answers: synthesisTexts(answers, reuse) };
}

/** A fresh draft as its event carries it. */
export function withoutTexts(doc: Omit<SynthesisDoc, 'answers'> & { answers?: unknown }): SynthesisDocOnWire {
  const { answers: _texts, ...draft } = doc;
  return draft;
}
