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
  const now = Object.values(answers);
  if (now.length > 0 && now.every((a) => unchanged(reuse[a.id], a)) && Object.keys(reuse).length === now.length) return reuse;
  const texts: Texts = {};
  for (const a of now) {
    const before = reuse[a.id];
    texts[a.id] = unchanged(before, a) ? before : { text: a.text, groupId: a.groupId, promptId: a.promptId };
  }
  return texts;
}

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
