import stopword from 'stopword';
import { createRequire } from 'node:module';
import type { Language } from '../schemas/primitives.js';

const STEMMER_NAMES: Record<Language, string> = { en: 'english', nl: 'dutch', fr: 'french', da: 'danish' };
const STOPWORD_LISTS: Record<Language, string[]> = { en: stopword.eng, nl: stopword.nld, fr: stopword.fra, da: stopword.dan };
/**
 * Words that carry no theme in these sessions whatever the prompt ("network" appears everywhere), the
 * indefinite pronouns the stopword lists miss ("nobody knows us" and "nobody knows everything" share no idea),
 * negations and comparatives ("not", "more": they tell a stance, not a topic) and chat abbreviations.
 */
const DOMAIN_STOPWORDS: Record<Language, string[]> = {
  en: [
    'network',
    'networks',
    'etc',
    'e.g',
    'eg',
    'also',
    'so',
    'just',
    'even',
    'not',
    'no',
    'dont',
    'doesnt',
    'didnt',
    'isnt',
    'arent',
    'wasnt',
    'cant',
    'wont',
    'im',
    'ive',
    'youre',
    'theyre',
    'tbh',
    'lol',
    'really',
    'things',
    'thing',
    'lot',
    'nobody',
    'everybody',
    'everyone',
    'everything',
    'anything',
    'something',
    'nothing',
    'someone',
    'anyone',
  ],
  nl: ['netwerk', 'netwerken', 'bv', 'vb', 'enz', 'echt', 'ook', 'niet', 'geen', 'mee', 'niemand', 'iedereen', 'alles', 'iets', 'niets', 'iemand'],
  fr: ['réseau', 'réseaux', 'ex', 'etc', 'aussi', 'vraiment', 'pas', 'plus', 'moins', 'trop', 'personne', 'tout', 'tous', 'toutes', 'rien', 'quelqu', 'chacun'],
  da: ['netværk', 'netværket', 'fx', 'osv', 'også', 'virkelig', 'ikke', 'mere', 'mindre', 'ingen', 'alle', 'alt', 'noget', 'nogen', 'intet', 'enhver'],
};

/** Number words: "two partners" and "two months" share no idea. */
const NUMBER_WORDS: Record<Language, string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'half', 'dozen'],
  nl: ['een', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'eerste', 'tweede', 'half', 'helft'],
  fr: ['un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'premier', 'première', 'deuxième', 'demi', 'moitié'],
  da: ['en', 'et', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'første', 'anden', 'halv', 'halvdelen'],
};

const stemmers = new Map<Language, { stem(w: string): string }>();

/**
 * The Snowball stemmers, loaded on first use: half a second of a server's start went to loading them, although
 * only the synthesis (on its own thread) stems words. The engine runs in Node only, so `require` is at hand.
 */
type Snowball = typeof import('snowball-stemmers')['default'];
let snowball: Snowball | null = null;
const snowballStemmers = (): Snowball => (snowball ??= createRequire(import.meta.url)('snowball-stemmers') as Snowball);
const stopSets = new Map<Language, Set<string>>();

export function stemmerFor(lang: Language): { stem(w: string): string } {
  let s = stemmers.get(lang);
  if (!s) stemmers.set(lang, (s = snowballStemmers().newStemmer(STEMMER_NAMES[lang])));
  return s;
}

export function stopwordsFor(lang: Language): Set<string> {
  let s = stopSets.get(lang);
  if (!s) stopSets.set(lang, (s = new Set([...STOPWORD_LISTS[lang], ...DOMAIN_STOPWORDS[lang], ...NUMBER_WORDS[lang]].map((w) => w.toLowerCase()))));
  return s;
}

/** French and English elisions: l'économie → économie, qu'ils → ils, d'accès → accès. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/;
/**
 * A word: letters and digits, with inner apostrophes ("vzw's", "l'économie"). Hyphens and other marks separate
 * words ("co-design" → co, design), as Unicode word segmentation does for these four languages; a regular
 * expression does it several times faster than Intl.Segmenter, which counts at 10,000 answers.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const APOSTROPHES = /['’]/g;
const DIGITS = /^\d+$/;

/** Words of a text, lower-cased, elisions and apostrophes removed, numbers dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  // exec in a loop, as matchAll does, without its iterator (slow before the engine's code is optimised).
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match !== null; match = WORD.exec(lower)) {
    let w = match[0];
    // Without an apostrophe there is no elision to remove (most words: skips two replacements).
    if (w.includes("'") || w.includes('’')) w = w.replace(ELISION, '').replace(APOSTROPHES, '');
    if (w && !DIGITS.test(w)) out.push(w);
  }
  return out;
}

const stemCache = new Map<Language, Map<string, string>>();

/**
 * Accents folded after stemming (the stemmers know their accents): "galère"/"galere" and "réseau"/"reseau" meet.
 * Danish æ and ø are letters of their own, not accented letters, and NFD leaves them alone.
 */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** One word's stem, folded; cached, since sessions and dictionaries repeat their words a lot. */
export function stemWord(word: string, lang: Language): string {
  let cache = stemCache.get(lang);
  if (!cache) stemCache.set(lang, (cache = new Map()));
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = fold(stemmerFor(lang).stem(word));
    if (cache.size < 400_000) cache.set(word, stem);
  }
  return stem;
}

/** Content words, stemmed and folded: what a theme is made of. */
export function contentStems(text: string, lang: Language): string[] {
  return contentWords(text, lang).map((w) => stemWord(w, lang));
}

/** Content words as written (lower-cased), without stopwords and one-letter words. */
export function contentWords(text: string, lang: Language): string[] {
  return contentOf(words(text), lang);
}

/** contentWords, of a text's words. */
export function contentOf(tokens: string[], lang: Language): string[] {
  const stop = stopwordsFor(lang);
  return tokens.filter((w) => w.length > 1 && !stop.has(w));
}

/**
 * Character 4-grams of each stem, with word boundaries marked: they match the parts of Dutch and Danish
 * compounds ("kennisdeling" and "kennis delen") and survive typos ("visibilty").
 */
export function charGrams(stems: string[], n = 4): string[] {
  const grams: string[] = [];
  for (const s of stems) {
    const w = `_${s}_`;
    if (w.length <= n) grams.push(w);
    else for (let i = 0; i + n <= w.length; i++) grams.push(w.slice(i, i + n));
  }
  return grams;
}
