import type { Language } from '../schemas/primitives.js';
import { conceptsOf } from './concepts.js';
import { charGrams, contentStems } from './text.js';

/** A sparse, L2-normalised vector: feature → weight. */
export type Vector = Map<string, number>;

/**
 * Why three kinds of features, and these weights:
 * - concepts (2.0): paraphrases share meaning, not words; a shared concept is the strongest signal we have;
 * - stems (1.0, idf-weighted): the words people actually used;
 * - character 4-grams (0.35, idf-weighted): compounds and typos, a weak hint that must not outvote the others.
 */
const WEIGHT = { concept: 2.0, stem: 1.0, gram: 0.35 } as const;

export interface Analysed {
  stems: string[];
  features: Map<string, number>;
}

export function analyse(text: string, lang: Language): Analysed {
  const stems = contentStems(text, lang);
  const features = new Map<string, number>();
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w);
  for (const s of stems) add(`s:${s}`, 1);
  for (const c of conceptsOf(stems, lang)) add(`c:${c}`, 1);
  for (const g of charGrams(stems)) add(`g:${g}`, 1);
  return { stems, features };
}

/** Weights raw counts by idf within the answers of one prompt, then normalises. */
export function vectorise(docs: Analysed[]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [f, count] of d.features) {
      const kind = f[0] === 'c' ? 'concept' : f[0] === 's' ? 'stem' : 'gram';
      const idf = Math.log(1 + n / (df.get(f) ?? 1));
      const w = WEIGHT[kind] * (1 + Math.log(count)) * (kind === 'concept' ? 1 : idf);
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [f, w] of v) v.set(f, w / norm);
    return v;
  });
}
