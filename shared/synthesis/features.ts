import type { Language } from '../schemas/primitives.js';
import { conceptsOf } from './concepts.js';
import { charGrams, contentStems } from './text.js';

/** A sparse, L2-normalised vector: feature → weight. */
export type Vector = Map<string, number>;

/**
 * Why three kinds of features, and these shares of the similarity:
 * - concepts (0.5): paraphrases share meaning, not words; a shared concept is the strongest signal we have;
 * - stems (0.35): the words people actually used;
 * - character 4-grams (0.15): compounds and typos, a weak hint that must not outvote the others.
 */
const SHARE = { c: 0.5, s: 0.35, g: 0.15 } as const;

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

/**
 * Each kind of feature gets its own idf-weighted, L2-normalised block, scaled by its share of the similarity,
 * so the many letter grams of a long answer cannot drown its few concepts. The dot product of two such vectors
 * is the weighted sum of the three cosines.
 */
export function vectorise(docs: Analysed[]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const blocks = { c: new Map<string, number>(), s: new Map<string, number>(), g: new Map<string, number>() };
    for (const [f, count] of d.features) {
      const idf = Math.log(1 + n / (df.get(f) ?? 1));
      blocks[f[0] as 'c' | 's' | 'g'].set(f, (1 + Math.log(count)) * idf);
    }
    const v: Vector = new Map();
    for (const [kind, block] of Object.entries(blocks) as ['c' | 's' | 'g', Map<string, number>][]) {
      const norm = Math.sqrt([...block.values()].reduce((sum, w) => sum + w * w, 0));
      if (!norm) continue;
      const scale = Math.sqrt(SHARE[kind]);
      for (const [f, w] of block) v.set(f, (w / norm) * scale);
    }
    return v;
  });
}
