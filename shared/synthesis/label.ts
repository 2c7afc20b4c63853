import type { Vector } from './features.js';

/**
 * The answer closest to all others of its theme (the medoid by total similarity): it speaks for the theme.
 * Scored against the theme's summed vector, which gives the same order as summing every pair, in linear time.
 */
export function representative(indexes: number[], vectors: Vector[]): number {
  const centroid = new Map<string, number>();
  for (const i of indexes) for (const [f, w] of vectors[i]) centroid.set(f, (centroid.get(f) ?? 0) + w);
  let best = indexes[0];
  let bestScore = -Infinity;
  for (const i of indexes) {
    let score = 0;
    for (const [f, w] of vectors[i]) score += w * ((centroid.get(f) ?? 0) - w);
    // Shorter answers make better labels when they are as central.
    score -= 0.001 * vectors[i].size;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

const MAX_WORDS = 9;

/** A short key phrase from the representative answer, in the words the room used. */
export function labelFrom(text: string): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–•*:;,.!?]+|[\s\-–•*:;,.!?]+$/g, '')
    .trim();
  const words = clean.split(' ');
  const short = words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join(' ')}…` : clean;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** A stable id from the theme's answers, so the same theme keeps its id when nothing changed. */
export function themeId(answerIds: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...answerIds].sort().join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `t${h.toString(36)}`;
}
