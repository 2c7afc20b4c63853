import type { Language } from '../schemas/primitives.js';
import type { Lexicon } from './lexicon.js';
import { stemOf } from './typos.js';
import { charGrams, contentWords, fold, stemWord } from './text.js';

/** A sparse, L2-normalised vector: feature → weight. */
export type Vector = Map<string, number>;

/**
 * The kinds of features, each its own block of the similarity (the dot product of two vectors is the weighted
 * sum of the per-kind cosines):
 * - s, the stems the writers used: the surest sign, but only within one language;
 * - p, English pivot words (an English answer's own words, translations of the others') folded to their
 *   derivation family: what lets "kennis delen", "deling af viden" and "share knowledge" meet;
 * - b, WordNet senses of those pivots, and at half weight the broader senses above them (three levels of
 *   hypernyms): synonyms share a sense ("funding"/"financing"), and "meeting" is a kind of "gathering";
 * - t, thesaurus synonyms within French and Danish;
 * - g, letter 4-grams of the stems: compounds ("kennisdeling"/"kennis delen") and typos, a weak hint;
 * - r, the English pivot and the words of its WordNet definitions (Lexicon.related): "reel" (a roll of film) and
 *   "video" (a recording of moving pictures) meet on "film", "picture" and "record", which no shared word,
 *   sense or synonym shows. Half of the similarity: on the labelled sessions it alone ranks same-theme pairs
 *   better than all the other kinds together (pairwise AUC 0.617 against 0.575).
 */
export const SHARE = { s: 0.15, p: 0.15, b: 0.05, t: 0.025, g: 0.125, r: 0.5 } as const;
type Kind = keyof typeof SHARE;
export type Share = Record<Kind, number>;

export interface Analysed {
  /** Content stems in reading order: labels are made of them. */
  stems: string[];
  /** The content words, analysed, in reading order (the prompt's own words left out). */
  words: WordFeatures[];
  features: Map<string, number>;
}

/**
 * An answer's features. `ignore` holds stems that carry no theme for this prompt (the prompt's own words:
 * every answer to "Why a network?" is about networks).
 */
export function analyse(text: string, lang: Language, lexicon: Lexicon, ignore: Set<string>): Analysed {
  const stems: string[] = [];
  const analysed: WordFeatures[] = [];
  const features = new Map<string, number>();
  for (const word of contentWords(text, lang)) {
    const w = wordFeatures(word, lang, lexicon);
    if (ignore.has(w.stem)) continue;
    stems.push(w.stem);
    analysed.push(w);
    for (const [f, x] of w.features) features.set(f, (features.get(f) ?? 0) + x);
  }
  for (const g of charGrams(stems)) features.set(`g:${g}`, (features.get(`g:${g}`) ?? 0) + 1);
  return { stems, words: analysed, features };
}

export interface WordFeatures {
  stem: string;
  /** Read-only: shared by every occurrence of the word. */
  features: ReadonlyMap<string, number>;
  /**
   * What the word means, as keys with how close two words sharing the key are (soft-similarity.ts):
   * - the same stem, or an English pivot (a translation, or a derivation family): the same word, 1;
   * - a WordNet sense: synonyms ("funding"/"financing"), 0.8;
   * - a thesaurus synonym: 0.6.
   * Broader senses, letter grams and related words are not here: two words under one broader sense, or defined
   * with one word, are near, not the same, and the vectors count them.
   */
  meaning: ReadonlyMap<string, number>;
}

/**
 * Sessions repeat their words a lot: each word is analysed once per lexicon and language. Bounded, so a long-lived
 * worker does not grow without end; the cache belongs to the lexicon it was computed with.
 */
const wordCache = new WeakMap<Lexicon, Map<string, WordFeatures>>();
const MAX_CACHED_WORDS = 200_000;

/** One word's stem, and its stem, pivot, sense and synonym features. */
export function wordFeatures(word: string, lang: Language, lexicon: Lexicon): WordFeatures {
  let cache = wordCache.get(lexicon);
  if (!cache) wordCache.set(lexicon, (cache = new Map()));
  const key = `${lang}:${word}`;
  let found = cache.get(key);
  if (!found) {
    found = computeWordFeatures(word, lang, lexicon);
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** How much a compound's first part counts beside its head. */
const COMPOUND_MODIFIER = 0.6;
/** Linking letters between the parts of a compound ("affald-s-indsamling", "vrijwilliger-s-werk"). */
const LINKS: Partial<Record<Language, string[]>> = { nl: ['s', 'e', 'en', 'er'], da: ['s', 'e'] };

/**
 * Dutch and Danish write compounds as one word ("madspild", "kennisdeling") that no dictionary lists whole:
 * an unknown word splits into a known first part (after dropping a linking letter) and the longest known head.
 */
function compoundParts(word: string, stem: string, lang: Language, lexicon: Lexicon): [string, string] | null {
  const links = LINKS[lang];
  if (!links || word.length < 7 || lexicon.knowsWord(word, lang) || lexicon.knows(stem, lang)) return null;
  const known = (w: string) => w.length >= 3 && (lexicon.knowsWord(w, lang) || lexicon.knows(stemWord(w, lang), lang));
  const split = (i: number): [string, string] | null => {
    const first = word.slice(0, i);
    if (known(first)) return [first, word.slice(i)];
    for (const l of links) if (first.endsWith(l) && known(first.slice(0, -l.length))) return [first.slice(0, -l.length), word.slice(i)];
    return null;
  };
  // A head the dictionary knows first, the longest; only then a head that is a compound itself ("træ-plantnings-dag").
  for (let i = 3; i <= word.length - 3; i++) {
    const parts = known(word.slice(i)) ? split(i) : null;
    if (parts) return parts;
  }
  for (let i = 3; i <= word.length - 7; i++) {
    const head = word.slice(i);
    const parts = compoundParts(head, stemWord(head, lang), lang, lexicon) ? split(i) : null;
    if (parts) return parts;
  }
  return null;
}

/** Dutch diminutive endings, longest first: bloem-etje, bier-tje, film-pje, koning-kje, maat-je (and plurals in -s). */
const DIMINUTIVE = /(?:etje|tje|pje|kje|je)s?$/;

/** The base word of a Dutch diminutive the dictionary does not list ("filmpjes" → "film"), or null. */
function diminutiveBase(word: string, stem: string, lexicon: Lexicon): string | null {
  if (word.length < 5 || lexicon.knowsWord(word, 'nl') || lexicon.knows(stem, 'nl')) return null;
  const match = DIMINUTIVE.exec(word);
  if (!match) return null;
  const base = word.slice(0, match.index);
  // "kraampje" → "kraam"; a doubled vowel may have been written single before the ending ("karretje" → "kar").
  for (const candidate of [base, base.replace(/(.)\1$/, '$1')]) {
    if (candidate.length >= 3 && (lexicon.knowsWord(candidate, 'nl') || lexicon.knows(stemWord(candidate, 'nl'), 'nl'))) return candidate;
  }
  return null;
}

/** A word defined with another counts half as much as the other word itself (times how telling it is, Lexicon.related). */
const RELATED_WEIGHT = 0.5;
function addFeature(features: Map<string, number>, f: string, w: number): void {
  features.set(f, Math.max(features.get(f) ?? 0, w));
}

function computeWordFeatures(word: string, lang: Language, lexicon: Lexicon): WordFeatures {
  const features = new Map<string, number>();
  const meaningKeys = new Map<string, number>();
  const add = (f: string, w: number, level = 0) => {
    features.set(f, (features.get(f) ?? 0) + w);
    if (level > 0) meaningKeys.set(f, Math.max(level, meaningKeys.get(f) ?? 0));
  };
  const stem = stemOf(word, lang, lexicon);
  add(`s:${stem}`, 1, 1);
  const base = lang === 'nl' ? diminutiveBase(word, stem, lexicon) : null;
  if (base) {
    // A Dutch diminutive means its base word: "filmpjes" are films, "een biertje" is beer.
    for (const [f, x] of wordFeatures(base, lang, lexicon).features) add(f, x);
    for (const [f, level] of wordFeatures(base, lang, lexicon).meaning) meaningKeys.set(f, Math.max(level, meaningKeys.get(f) ?? 0));
    return { stem, features, meaning: meaningKeys };
  }
  const parts = compoundParts(word, stem, lang, lexicon);
  if (parts) {
    // A compound means what its head (the last part) means, narrowed by the first: "madspild" is food waste.
    const [modifier, head] = parts.map((p) => wordFeatures(p, lang, lexicon));
    for (const [part, weight] of [
      [head, 1],
      [modifier, COMPOUND_MODIFIER],
    ] as const) {
      for (const [f, x] of part.features) add(f, x * weight, part.meaning.get(f) ?? 0);
    }
    return { stem, features, meaning: meaningKeys };
  }
  const known = lexicon.meaning(stem, lang, word);
  // A word the language does not know may be English inside another language ("workshop", "LinkedIn").
  // Accents folded first: "coopération" then reads as "cooperation".
  const english = fold(word);
  const meaning = known.pivots.length || lang === 'en' ? known : lexicon.meaning(stemOf(english, 'en', lexicon), 'en', english);
  const pivots = meaning.pivots.length ? meaning.pivots : lang === 'en' ? [stem] : [];
  // A word's first translation is its common meaning; later ones count less (1, 1/2, 1/3...).
  pivots.forEach((p, rank) => add(`p:${p}`, 1 / (rank + 1), 1));
  for (const s of meaning.senses) {
    add(`b:${s}`, 1 / meaning.senses.length, 0.8);
    // The senses above, at half weight: "meeting" (a kind of gathering) meets "gathering".
    for (const up of lexicon.broader(s)) add(`b:${up}`, 0.5 / meaning.senses.length);
  }
  // Related words from the definitions, of each English pivot (and of the English word itself).
  // A later translation counts less, as in the pivot block: "tuteur" is a tutor first and a stake last.
  const enStems = lang === 'en' ? [stem, ...pivots] : pivots;
  enStems.forEach((p, rank) => {
    const weight = lang === 'en' ? 1 : 1 / (rank + 1);
    addFeature(features, `r:${p}`, weight);
    for (const [rel, w] of lexicon.related(p)) addFeature(features, `r:${rel}`, w * RELATED_WEIGHT * weight);
  });
  if (meaning.synonyms.length) {
    add(`t:${stem}`, 1, 0.6);
    for (const syn of meaning.synonyms) add(`t:${syn}`, 1 / meaning.synonyms.length, 0.6);
  }
  return { stem, features, meaning: meaningKeys };
}

/**
 * Each kind of feature gets its own idf-weighted, L2-normalised block, scaled by its share of the similarity,
 * so the many letter grams of a long answer cannot drown its few pivots. Idf is computed over the prompt's
 * answers: a word everybody used says little about which theme an answer belongs to.
 */
export function vectorise(docs: Analysed[], share: Share = SHARE): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [f, count] of df) idf.set(f, Math.log(1 + n / count));
  return docs.map((d) => {
    // Two passes over the features, no block maps: this runs for every answer of a 10,000-answer session.
    const weights = new Float64Array(d.features.size);
    const squares: Partial<Record<Kind, number>> = {};
    let k = 0;
    for (const [f, count] of d.features) {
      const w = (count >= 1 ? 1 + Math.log(count) : count) * idf.get(f)!;
      weights[k++] = w;
      const kind = f[0] as Kind;
      squares[kind] = (squares[kind] ?? 0) + w * w;
    }
    const v: Vector = new Map();
    k = 0;
    for (const f of d.features.keys()) {
      const kind = f[0] as Kind;
      const w = weights[k++];
      // A feature of this answer alone counts in its norm but can meet no other answer: left out of the vector,
      // which keeps the dot products and the themes' centroids to what answers share (a third of the features).
      if (w !== 0 && df.get(f)! > 1) v.set(f, (w * Math.sqrt(share[kind])) / Math.sqrt(squares[kind]!));
    }
    return v;
  });
}
