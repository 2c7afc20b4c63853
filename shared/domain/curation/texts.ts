import type { Answer } from '../../schemas/session.js';
import type { SynthesisDoc, SynthesisDocOnWire } from '../../schemas/synthesis.js';

/** The texts a synthesis is made from: every answer of the session, with its group and prompt. */
export function synthesisTexts(answers: Record<string, Answer>): SynthesisDoc['answers'] {
  const texts: SynthesisDoc['answers'] = {};
  for (const a of Object.values(answers)) texts[a.id] = { text: a.text, groupId: a.groupId, promptId: a.promptId };
  return texts;
}

/**
 * The document as the reader keeps it. A fresh draft travels without its texts (see SynthesisDocOnWire): they are
 * the reader's own answers at the moment the event applies, which is the moment the draft was made from them.
 */
export function withTexts(doc: SynthesisDocOnWire, answers: Record<string, Answer>): SynthesisDoc {
  return doc.answers ? (doc as SynthesisDoc) : { ...doc, answers: synthesisTexts(answers) };
}

/** A fresh draft as its event carries it. */
export function withoutTexts(doc: Omit<SynthesisDoc, 'answers'> & { answers?: unknown }): SynthesisDocOnWire {
  const { answers: _texts, ...draft } = doc;
  return draft;
}
