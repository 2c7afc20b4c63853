import type { Language } from '../schemas/primitives.js';
import { FeatureIds } from './feature-ids.js';
import type { Lexicon } from './lexicon.js';
import { floatArray, intArray } from './slab.js';
import { stemOf } from './typos.js';
import { charGrams, contentWords, fold, stemWord } from './text.js';

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
  /**
   * The answer's features (numbered in `names`) in the order they were first met, and their summed weights: the
   * order of a Map keyed by the features' names, which the vectors and centroids follow when they sum.
   */
  ids: Int32Array;
  counts: Float64Array;
  names: FeatureIds;
}

/**
 * An answer's features. `ignore` holds stems that carry no theme for this prompt (the prompt's own words:
 * every answer to "Why a network?" is about networks).
 */
export function analyse(text: string, lang: Language, lexicon: Lexicon, ignore: Set<string>): Analysed {
  return analyseWords(contentWords(text, lang), lang, lexicon, ignore);
}

/** analyse, of the answer's content words (text.ts contentWords). */
export function analyseWords(content: string[], lang: Language, lexicon: Lexicon, ignore: Set<string>): Analysed {
  const table = tableOf(lexicon);
  const stems: string[] = [];
  const analysed: WordFeatures[] = [];
  const sum = startSum(table.names.size);
  for (const word of content) {
    const w = wordFeatures(word, lang, lexicon);
    if (ignore.has(w.stem)) continue;
    stems.push(w.stem);
    analysed.push(w);
    sum.add(w.ids, w.weights);
  }
  for (const stem of stems) sum.add(gramsOf(stem, table), null);
  return { stems, words: analysed, ...sum.finish(), names: table.names };
}

/**
 * Sums one answer's features by number, keeping the order they were first met in; one per process, reused from
 * answer to answer (the engine is synchronous), so an answer allocates only its two result arrays.
 */
class FeatureSum {
  /** Where a feature's weight is in `counts`, valid while `owner` holds the current answer's number. */
  private slot = new Int32Array(1024);
  private owner = new Int32Array(1024);
  private answer = 0;
  private ids = new Int32Array(256);
  private counts = new Float64Array(256);
  private length = 0;

  start(features: number): this {
    if (features > this.slot.length) this.grow(features);
    if (++this.answer === 2 ** 30) {
      this.owner.fill(0);
      this.answer = 1;
    }
    this.length = 0;
    return this;
  }

  /** Adds features with their weights (1 each when `weights` is null), in order: one call per word. */
  add(features: Int32Array, weights: Float64Array | null): void {
    if (this.length + features.length > this.ids.length) {
      const ids = new Int32Array(2 * (this.length + features.length));
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Float64Array(ids.length);
      counts.set(this.counts);
      this.counts = counts;
    }
    for (let k = 0; k < features.length; k++) {
      const id = features[k];
      const x = weights ? weights[k] : 1;
      if (id >= this.slot.length) this.grow(id + 1);
      if (this.owner[id] !== this.answer) {
        this.owner[id] = this.answer;
        this.slot[id] = this.length;
        this.ids[this.length] = id;
        // As (map.get(f) ?? 0) + x did: the first weight of a feature is 0 + x.
        this.counts[this.length++] = 0 + x;
      } else this.counts[this.slot[id]] += x;
    }
  }

  finish(): { ids: Int32Array; counts: Float64Array } {
    const ids = intArray(this.length);
    const counts = floatArray(this.length);
    ids.set(this.ids.subarray(0, this.length));
    counts.set(this.counts.subarray(0, this.length));
    return { ids, counts };
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.slot.length * 2);
    const slot = new Int32Array(capacity);
    slot.set(this.slot);
    this.slot = slot;
    const owner = new Int32Array(capacity);
    owner.set(this.owner);
    this.owner = owner;
  }
}

let featureSum: FeatureSum | null = null;
const startSum = (features: number) => (featureSum ??= new FeatureSum()).start(features);

export interface WordFeatures {
  stem: string;
  /** Read-only: shared by every occurrence of the word. */
  features: ReadonlyMap<string, number>;
  /** The same features as numbers (the lexicon's FeatureIds) and weights, in the same order. */
  ids: Int32Array;
  weights: Float64Array;
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
 * Sessions repeat their words a lot: each word is analysed once per lexicon and language, and its features are
 * numbered once. Bounded, so a long-lived worker does not grow without end; the table belongs to the lexicon it
 * was computed with.
 */
interface WordTable {
  words: Map<string, WordFeatures>;
  names: FeatureIds;
  /** A stem's letter grams (`g:` features), numbered. */
  grams: Map<string, Int32Array>;
}
const tables = new WeakMap<Lexicon, WordTable>();
const MAX_CACHED_WORDS = 200_000;
const MAX_FEATURES = 2_000_000;

function tableOf(lexicon: Lexicon): WordTable {
  let table = tables.get(lexicon);
  if (!table) tables.set(lexicon, (table = { words: new Map(), names: new FeatureIds(), grams: new Map() }));
  return table;
}

/**
 * The numbering of features a prompt's answers are analysed in. Called once per prompt, before its first answer:
 * the numbering starts afresh only here (when it has grown too big), never in the middle of a prompt, whose
 * answers must share one.
 */
export function featureNames(lexicon: Lexicon): FeatureIds {
  const table = tableOf(lexicon);
  if (table.names.size < MAX_FEATURES) return table.names;
  tables.delete(lexicon);
  return tableOf(lexicon).names;
}

/** One word's stem, and its stem, pivot, sense and synonym features. */
export function wordFeatures(word: string, lang: Language, lexicon: Lexicon): WordFeatures {
  const table = tableOf(lexicon);
  const key = `${lang}:${word}`;
  let found = table.words.get(key);
  if (!found) {
    found = computeWordFeatures(word, lang, lexicon, table.names);
    // Only the words are forgotten here: their features keep their numbers (see featureNames).
    if (table.words.size >= MAX_CACHED_WORDS) table.words.clear();
    table.words.set(key, found);
  }
  return found;
}

function gramsOf(stem: string, table: WordTable): Int32Array {
  let grams = table.grams.get(stem);
  if (!grams) {
    grams = Int32Array.from(charGrams([stem]), (g) => table.names.id(`g:${g}`));
    if (table.grams.size >= MAX_CACHED_WORDS) table.grams.clear();
    table.grams.set(stem, grams);
  }
  return grams;
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

function computeWordFeatures(word: string, lang: Language, lexicon: Lexicon, names: FeatureIds): WordFeatures {
  const { stem, features, meaning } = describeWord(word, lang, lexicon);
  const ids = Int32Array.from(features.keys(), (f) => names.id(f));
  return { stem, features, meaning, ids, weights: Float64Array.from(features.values()) };
}

function describeWord(word: string, lang: Language, lexicon: Lexicon): Pick<WordFeatures, 'stem' | 'features' | 'meaning'> {
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
