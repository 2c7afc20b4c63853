import type { WordFeatures } from './features.js';

/**
 * Words of one prompt, numbered, with their similarities computed once per pair (sessions repeat their words):
 * in a matrix while the prompt has at most MATRIX_WORDS distinct words, else in a map keyed by a * n + b.
 */
export class WordSpace {
  private ids = new Map<WordFeatures, number>();
  private keys: ReadonlyMap<string, number>[] = [];
  private matrix: Float32Array | null = null;
  private map: Map<number, number> | null = null;

  /** The word's number. Every word is interned before the first similarity is asked for. */
  intern(word: WordFeatures): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      if (this.matrix || this.map) throw new Error('WordSpace: intern every word before comparing');
      id = this.keys.length;
      this.ids.set(word, id);
      this.keys.push(word.meaning);
    }
    return id;
  }

  similarity(a: number, b: number): number {
    if (a === b) return 1;
    const n = this.keys.length;
    this.table();
    const key = a < b ? a * n + b : b * n + a;
    let sim = this.matrix ? this.matrix[key] : (this.map!.get(key) ?? -1);
    if (sim < 0) {
      sim = 0;
      let [small, large] = [this.keys[a], this.keys[b]];
      if (small.size > large.size) [small, large] = [large, small];
      for (const [f, level] of small) {
        const other = large.get(f);
        if (other !== undefined && Math.min(level, other) > sim) sim = Math.min(level, other);
      }
      if (this.matrix) this.matrix[key] = sim;
      else if (this.map!.size < 4_000_000) this.map!.set(key, sim);
    }
    return sim;
  }

  /**
   * The matrix of similarities computed so far (-1 where not yet), made on first use, for callers that read it
   * directly (softSimilarity: a lookup without a call); null when the prompt has too many words for one.
   */
  table(): { matrix: Float32Array | null; words: number } {
    const n = this.keys.length;
    if (!this.matrix && !this.map) {
      if (n <= MATRIX_WORDS) this.matrix = new Float32Array(n * n).fill(-1);
      else this.map = new Map();
    }
    return { matrix: this.matrix, words: n };
  }
}

/** 2,048² similarities in a Float32Array are 16 MB, and a lookup is an index, not a hash. */
const MATRIX_WORDS = 2048;

/** An answer as a bag of word numbers with their weights (idf over the prompt's answers). */
export interface Bag {
  words: number[];
  weights: number[];
  total: number;
}

/**
 * Knowledge-based text similarity (after Mihalcea, Corley and Strapparava, 2006): each word of one answer finds its
 * closest word in the other, weighted by how rare it is, in both directions, averaged. Two answers that say the
 * same thing in other words ("find funding and subsidies", "financing and grants") score high although they share
 * no word, which a cosine over words cannot see.
 */
export function softSimilarity(a: Bag, b: Bag, space: WordSpace): number {
  if (a.total === 0 || b.total === 0) return 0;
  const { matrix, words } = space.table();
  return (directed(a, b, space, matrix, words) + directed(b, a, space, matrix, words)) / 2;
}

/**
 * Each word's best match, in the same order of lookups as space.similarity alone would make (a similarity is
 * returned at full precision when first computed and as stored after, so the order is part of the result); the
 * matrix is read directly, and space.similarity asked only for a pair not computed yet.
 */
function directed(from: Bag, to: Bag, space: WordSpace, matrix: Float32Array | null, n: number): number {
  let sum = 0;
  for (let i = 0; i < from.words.length; i++) {
    const a = from.words[i];
    let best = 0;
    for (let j = 0; j < to.words.length && best < 1; j++) {
      const b = to.words[j];
      let sim = a === b ? 1 : matrix ? matrix[a < b ? a * n + b : b * n + a] : -1;
      if (sim < 0) sim = space.similarity(a, b);
      // Math.max of similarities (never NaN), without the call.
      if (sim > best) best = sim;
    }
    sum += best * from.weights[i];
  }
  return sum / from.total;
}
