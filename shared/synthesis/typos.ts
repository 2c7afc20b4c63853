import type { Language } from '../schemas/primitives.js';
import type { Lexicon } from './lexicon.js';

const LETTERS: Record<Language, string> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  nl: 'abcdefghijklmnopqrstuvwxyz',
  fr: 'abcdefghijklmnopqrstuvwxyzéèêàçô',
  da: 'abcdefghijklmnopqrstuvwxyzæøå',
};

const corrected = new Map<string, string>();

/**
 * The stem a word stands for: its own (negation prefix stripped, see Lexicon.positive) when the language knows
 * the word or its stem; else the stem of the one known word, or failing that the one known stem, that is one
 * edit away (a letter dropped, added, swapped or changed): "visibilty" → "visibility", "vrijwiligers" →
 * "vrijwilligers". Words under five letters are left alone (one edit reaches too many real words), and so is a
 * word whose one-edit neighbours stand for two different stems ("collegues": colleagues or colleges?).
 */
export function stemOf(word: string, lang: Language, lexicon: Lexicon): string {
  const stem = lexicon.positive(word, lang);
  if (word.length < 5 || /\d/.test(word) || lexicon.knowsWord(word, lang) || lexicon.knows(stem, lang)) return stem;
  const key = `${lang}:${word}`;
  let result = corrected.get(key);
  if (result === undefined) {
    result =
      uniqueNeighbour(
        word,
        lang,
        (w) => lexicon.knowsWord(w, lang),
        (w) => lexicon.positive(w, lang),
      ) ??
      uniqueNeighbour(
        stem,
        lang,
        (s) => lexicon.knows(s, lang),
        (s) => s,
      ) ??
      stem;
    if (corrected.size < 100_000) corrected.set(key, result);
  }
  return result;
}

function uniqueNeighbour(w: string, lang: Language, known: (x: string) => boolean, stemOfKnown: (x: string) => string): string | null {
  if (w.length < 5) return null;
  let found: string | null = null;
  for (const candidate of edits(w, LETTERS[lang])) {
    if (!known(candidate)) continue;
    const s = stemOfKnown(candidate);
    if (found !== null && found !== s) return null;
    found = s;
  }
  return found;
}

function* edits(w: string, letters: string): Generator<string> {
  for (let i = 0; i < w.length; i++) yield w.slice(0, i) + w.slice(i + 1);
  for (let i = 0; i + 1 < w.length; i++) yield w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  for (let i = 0; i < w.length; i++) for (const c of letters) if (c !== w[i]) yield w.slice(0, i) + c + w.slice(i + 1);
  for (let i = 0; i <= w.length; i++) for (const c of letters) yield w.slice(0, i) + c + w.slice(i);
}
