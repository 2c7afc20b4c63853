import type { Language } from '../schemas/primitives.js';
import type { Vector } from './vectors.js';
import { cannotEndLabel, cannotStartLabel, opensClause } from './label-words.js';
import { stopwordsFor } from './text.js';

/**
 * A theme's summed vector, dense over feature numbers. One per prompt, reused from theme to theme: `of` clears the
 * entries the previous theme set, so a prompt of many small themes allocates nothing per theme.
 */
export class Centroid {
  private sums = new Float64Array(0);
  private members: number[] = [];
  private vectors: Vector[] = [];

  /** Sums the members' vectors (in the members' order, each feature's sum starting at 0 as a Map's did). */
  of(members: number[], vectors: Vector[]): this {
    this.clear();
    const size = vectors.length ? vectors[0].names.size : 0;
    if (this.sums.length < size) this.sums = new Float64Array(Math.max(size, this.sums.length * 2));
    const sums = this.sums;
    for (const i of members) {
      const { ids, ws } = vectors[i];
      for (let k = 0; k < ids.length; k++) sums[ids[k]] = sums[ids[k]] + ws[k];
    }
    this.members = members;
    this.vectors = vectors;
    return this;
  }

  /** The summed weight of a feature (0 for one no member has, or one numbered after the sum). */
  get(id: number): number {
    return id < this.sums.length ? this.sums[id] : 0;
  }

  private clear(): void {
    for (const i of this.members) {
      const { ids } = this.vectors[i];
      for (let k = 0; k < ids.length; k++) this.sums[ids[k]] = 0;
    }
    this.members = [];
  }
}

/**
 * The answer closest to all others of its theme (the medoid by total similarity): it speaks for the theme.
 * Scored against the theme's summed vector, which gives the same order as summing every pair, in linear time.
 */
export function byCentrality(indexes: number[], vectors: Vector[], centroid: Centroid): number[] {
  const score = new Map<number, number>();
  for (const i of indexes) {
    const { ids, ws } = vectors[i];
    let s = 0;
    for (let k = 0; k < ids.length; k++) s += ws[k] * (centroid.get(ids[k]) - ws[k]);
    // Shorter answers speak better for a theme when they are as central.
    score.set(i, s - 0.001 * ids.length);
  }
  return [...indexes].sort((a, b) => score.get(b)! - score.get(a)! || a - b);
}

export interface LabelSource {
  text: string;
  language: Language;
  /** How much each word (lower-cased, as written) speaks for the theme. */
  weightOf: (word: string) => number;
}

/** A word of another language in the session's language (through the pivot dictionaries), or null. */
export type Translate = (word: string, from: Language) => string | null;

const MIN_WORDS = 2;
const MAX_WORDS = 6;
/** Clauses end at punctuation and at dashes or arrows between words. */
const CLAUSE = /[,.;:!?()[\]{}"“”«»|/>]+|\s[-–—]+\s|\s+-+>|\s+\+\s/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’+&-]*/gu;

/**
 * A key phrase: the run of 2 to 6 whole words, inside one clause of one of the theme's most central answers,
 * that starts and ends with a content word (not a preposition, pronoun, auxiliary... see label-words.ts), says no
 * word twice, and whose words speak most for the theme. Answers in the session's
 * language are preferred, so a transnational session reads its labels in its own language when any answer
 * allows it. A phrase is never cut inside a word. When no answer has two content words in a row, the two
 * words that speak most for the theme are joined ("Time and budget").
 */
export function keyPhrase(sources: LabelSource[], sessionLanguage: Language, and: string, translate: Translate): string {
  const own = sources.filter((s) => s.language === sessionLanguage);
  if (own.length === 0) {
    const translated = translatedPair(sources, and, translate, sessionLanguage);
    if (translated) return capitalise(translated.join(' '));
  }
  const pool = own.length ? own : sources;
  const singles = new Map<string, number>();
  // A phrase whose first and last words speak for the theme; failing that (one word alone does, as "together" in
  // "We lobby together"), one around that word whose other words are content words of the same clause.
  const words = bestPhrase(pool, singles, false) ?? bestPhrase(pool, singles, true) ?? pairOfWords(singles, and);
  return capitalise(tidy(words.join(' ')));
}

/**
 * The best phrase of the pool (see keyPhrase), or null. `loose`: its edge words may be content words that do not
 * speak for the theme, as long as one of its words does. Fills `singles` with the words that could stand alone.
 */
function bestPhrase(pool: LabelSource[], singles: Map<string, number>, loose: boolean): string[] | null {
  let best: { words: string[]; score: number } | null = null;
  for (const src of pool) {
    const stop = stopwordsFor(src.language);
    for (const tokens of clausesOf(src.text, src.language)) {
      const lower = tokens.map((t) => t.toLowerCase());
      const content = lower.map((w) => !stop.has(w) && w.length >= 2);
      const weights = lower.map((w, i) => (content[i] ? src.weightOf(w) : 0));
      const edge = (i: number) => (loose ? content[i] : weights[i] > 0);
      const starts = lower.map((w, i) => edge(i) && !cannotStartLabel(w, src.language));
      const ends = lower.map((w, i) => edge(i) && !cannotEndLabel(w, src.language) && !/['’]$/.test(w));
      // For "X and Y" when no phrase will do: words that speak for the theme and could both start and end one.
      lower.forEach((w, i) => weights[i] > 0 && starts[i] && ends[i] && !singles.has(w) && singles.set(w, weights[i]));
      for (let i = 0; i < tokens.length; i++) {
        if (!starts[i]) continue;
        let sum = 0;
        for (let j = i; j < tokens.length && j - i < MAX_WORDS; j++) {
          sum += weights[j];
          // A word said twice ("time time time") makes no phrase.
          if (lower.indexOf(lower[j], i) < j) break;
          if (j - i + 1 < MIN_WORDS || !ends[j] || sum <= 0) continue;
          // Each extra word must earn its place: a long phrase wins only when its words speak for the theme.
          const score = sum - 0.05 * (j - i + 1);
          if (!best || score > best.score + 1e-9) best = { words: tokens.slice(i, j + 1), score };
        }
      }
    }
  }
  return best?.words ?? null;
}

/**
 * No answer of the theme is in the session's language: the two words that speak most for the theme, each put
 * into the session's language through the dictionaries ("kontakter", "contacts" → "Contact and partner").
 */
function translatedPair(sources: LabelSource[], and: string, translate: Translate, sessionLanguage: Language): string[] | null {
  const sessionStop = stopwordsFor(sessionLanguage);
  const scored: { word: string; weight: number; from: Language }[] = [];
  for (const src of sources) {
    const stop = stopwordsFor(src.language);
    for (const t of src.text.match(WORD) ?? []) {
      const w = t.toLowerCase();
      if (w.length > 2 && !stop.has(w)) scored.push({ word: w, weight: src.weightOf(w), from: src.language });
    }
  }
  scored.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const out: string[] = [];
  for (const { word, from } of scored) {
    const t = translate(word, from);
    // A function word can translate to a content word's spelling elsewhere ("som" → "as"): neither makes a label.
    if (t && t.length > 2 && !sessionStop.has(t) && !out.includes(t)) out.push(t);
    if (out.length === 2) return [out[0], and, out[1]];
  }
  return null;
}

/** The clauses of a text, as words: split at punctuation, dashes and arrows, and before words that open a clause. */
function clausesOf(text: string, lang: Language): string[][] {
  const out: string[][] = [];
  for (const clause of text.split(CLAUSE)) {
    let current: string[] = [];
    for (const t of clause.match(WORD) ?? []) {
      if (opensClause(t.toLowerCase(), lang)) {
        out.push(current);
        current = [];
      } else current.push(t);
    }
    out.push(current);
  }
  return out;
}

function pairOfWords(singles: Map<string, number>, and: string): string[] {
  const top = [...singles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const distinct = top.filter((w, i) => top.findIndex((o) => o.slice(0, 4) === w.slice(0, 4)) === i);
  return distinct.length >= 2 ? [distinct[0], and, distinct[1]] : distinct.slice(0, 1);
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A stable id from the theme's answers, so the same theme keeps its id when nothing changed. */
export function themeId(answerIds: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...answerIds].sort().join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `t${h.toString(36)}`;
}
