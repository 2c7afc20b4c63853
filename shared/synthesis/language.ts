import { LANGUAGES, type Language } from '../schemas/primitives.js';
import type { Lexicon } from './lexicon.js';
import { stemWord, stopwordsFor, words } from './text.js';

/**
 * The language an answer is written in, when the writer's interface language is not known: each language scores
 * its function words (the strongest sign in short texts) and, at half weight, the content words its dictionary
 * knows. The session's language wins ties, so "TikTok!!" or "time time time" stay in the session's language.
 */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Language): Language {
  return detectLanguageOf(words(text), lexicon, fallback);
}

/** detectLanguage, of the text's words (text.ts words). */
export function detectLanguageOf(tokens: string[], lexicon: Lexicon, fallback: Language): Language {
  if (tokens.length === 0) return fallback;
  const cache = signCache(lexicon);
  const signs = tokens.map((t) => signsOf(t, cache));
  // Function words alone settle most answers; the dictionaries are asked only when they do not.
  let own = 0;
  let others = -Infinity;
  for (let l = 0; l < LANGUAGES.length; l++) {
    let count = 0;
    for (let k = 0; k < signs.length; k++) if (signs[k] & (STOPWORD << (3 * l))) count++;
    if (LANGUAGES[l] === fallback) own = count;
    else if (count > others) others = count;
  }
  if (own >= 2 && own > others) return fallback;
  let best = fallback;
  let bestScore = score(tokens, signs, LANGUAGES.indexOf(fallback), lexicon, cache) + 0.25;
  for (let l = 0; l < LANGUAGES.length; l++) {
    if (LANGUAGES[l] === fallback) continue;
    const s = score(tokens, signs, l, lexicon, cache);
    if (s > bestScore) {
      best = LANGUAGES[l];
      bestScore = s;
    }
  }
  return best;
}

/**
 * What a word says of each language l (bits 3l to 3l + 2): a function word of it; asked whether its dictionary
 * knows the word's stem; known. Per word and lexicon, as answers repeat their words (each was stemmed in every
 * language again for every answer); a dictionary is still asked only when an answer needs it.
 */
const STOPWORD = 1;
const ASKED = 2;
const KNOWN = 4;
const signCaches = new WeakMap<Lexicon, Map<string, number>>();
const signCache = (lexicon: Lexicon) => {
  let cache = signCaches.get(lexicon);
  if (!cache || cache.size >= 200_000) signCaches.set(lexicon, (cache = new Map()));
  return cache;
};

function signsOf(token: string, cache: Map<string, number>): number {
  let signs = cache.get(token);
  if (signs === undefined) {
    signs = 0;
    for (let l = 0; l < LANGUAGES.length; l++) if (stopwordsFor(LANGUAGES[l]).has(token)) signs |= STOPWORD << (3 * l);
    cache.set(token, signs);
  }
  return signs;
}

function score(tokens: string[], signs: number[], l: number, lexicon: Lexicon, cache: Map<string, number>): number {
  const lang = LANGUAGES[l];
  let s = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (signs[k] & (STOPWORD << (3 * l))) s += 1;
    else if (t.length > 2) {
      if (!(signs[k] & (ASKED << (3 * l)))) {
        signs[k] |= (ASKED | (lexicon.knows(stemWord(t, lang), lang) ? KNOWN : 0)) << (3 * l);
        cache.set(t, signs[k]);
      }
      if (signs[k] & (KNOWN << (3 * l))) s += 0.5;
    }
  }
  return s;
}
