import { LANGUAGES, type Language } from '../schemas/primitives.js';
import type { Lexicon } from './lexicon.js';
import { stemWord, stopwordsFor, words } from './text.js';

/**
 * The language an answer is written in, when the writer's interface language is not known: each language scores
 * its function words (the strongest sign in short texts) and, at half weight, the content words its dictionary
 * knows. The session's language wins ties, so "TikTok!!" or "time time time" stay in the session's language.
 */
export function detectLanguage(text: string, lexicon: Lexicon, fallback: Language): Language {
  const tokens = words(text);
  if (tokens.length === 0) return fallback;
  // Function words alone settle most answers; the dictionaries are asked only when they do not.
  const byStopwords = LANGUAGES.map((lang) => tokens.filter((t) => stopwordsFor(lang).has(t)).length);
  const own = byStopwords[LANGUAGES.indexOf(fallback)];
  const others = Math.max(...byStopwords.filter((_, i) => LANGUAGES[i] !== fallback));
  if (own >= 2 && own > others) return fallback;
  let best = fallback;
  let bestScore = score(tokens, fallback, lexicon) + 0.25;
  for (const lang of LANGUAGES) {
    if (lang === fallback) continue;
    const s = score(tokens, lang, lexicon);
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  return best;
}

function score(tokens: string[], lang: Language, lexicon: Lexicon): number {
  const stop = stopwordsFor(lang);
  let s = 0;
  for (const t of tokens) {
    if (stop.has(t)) s += 1;
    else if (t.length > 2 && lexicon.knows(stemWord(t, lang), lang)) s += 0.5;
  }
  return s;
}
