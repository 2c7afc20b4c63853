import type { Language } from '../schemas/primitives.js';
import { cluster, type ClusterItem, type ClusterParams, DEFAULT_CLUSTER_PARAMS } from './cluster.js';
import { type FeatureIds, GRAM, RELATED } from './feature-ids.js';
import { type Analysed, analyseWords, featureNames, SHARE, type Share, wordFeatures } from './features.js';
import { type Bag, WordSpace } from './soft-similarity.js';
import { byCentrality, Centroid, keyPhrase, themeId } from './label.js';
import { detectLanguageOf } from './language.js';
import type { Lexicon } from './lexicon.js';
import { defaultLexicon } from './lexicon-files.js';
import { AND, draftSummary } from './summary.js';
import { contentOf, contentWords, stemWord, words } from './text.js';
import { vectorise } from './vectors.js';

export type { Language };
export interface SynthesisInput {
  language: Language;
  /** `groupIds`: the groups that had the prompt (in a jigsaw not all do); consensus is counted over them. */
  prompts: { id: string; text: string; groupIds?: string[] }[];
  /** `language`: what the answer is written in (the writer's interface language); detected from the text when absent. */
  answers: { id: string; promptId: string; groupId: string; text: string; language?: Language }[];
  /** Optional semantic vectors per answer id (from an operator's embedding server); they join the lexical similarity. */
  embeddings?: Record<string, number[]>;
  /** Share of the groups that had a prompt that must raise a theme for consensus; default 0.5. */
  consensusThreshold?: number;
  /** The language knowledge to use; the shipped data by default. */
  lexicon?: Lexicon;
  /** Clustering thresholds and feature shares; for evaluation scripts, the defaults otherwise. */
  params?: Partial<ClusterParams> & { share?: Share };
}
export interface Theme {
  id: string;
  label: string;
  representativeAnswerId: string;
  answerIds: string[];
  groupIds: string[];
  consensus: boolean;
}
export interface PromptSynthesis {
  promptId: string;
  themes: Theme[];
  otherAnswerIds: string[];
  groupsAnswering: number;
  summary: string;
}

type Answer = SynthesisInput['answers'][number];

/**
 * Per prompt: give each answer its language, analyse it (stems, English pivots, senses, synonyms, letter grams),
 * cluster with average linkage over an inverted index, let lone answers join their closest theme, and turn
 * clusters of two or more answers into labelled themes; the rest stay "other ideas". Deterministic: answers are
 * taken in id order, so the same answers give the same themes whatever order they come in.
 */
export function synthesize(input: SynthesisInput): { prompts: PromptSynthesis[] } {
  const ctx: Context = {
    language: input.language,
    lexicon: input.lexicon ?? defaultLexicon(),
    threshold: input.consensusThreshold ?? 0.5,
    params: { ...DEFAULT_CLUSTER_PARAMS, ...input.params },
    share: input.params?.share ?? SHARE,
    embeddings: input.embeddings,
  };
  const byPrompt = new Map<string, Answer[]>(input.prompts.map((p) => [p.id, []]));
  for (const a of input.answers) byPrompt.get(a.promptId)?.push(a);
  return { prompts: input.prompts.map((p) => synthesizePrompt(p, byPrompt.get(p.id)!, ctx)) };
}

export interface Context {
  language: Language;
  lexicon: Lexicon;
  threshold: number;
  params: ClusterParams;
  share: Share;
  embeddings?: Record<string, number[]>;
}

/** What the clustering needs of one prompt's answers (exported for the evaluation scripts). */
export function prepare(prompt: SynthesisInput['prompts'][number], unordered: Answer[], ctx: Pick<Context, 'language' | 'lexicon' | 'share' | 'embeddings'>) {
  const answers = [...unordered].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tokens = answers.map((a) => words(a.text));
  const languages = answers.map((a, i) => a.language ?? detectLanguageOf(tokens[i], ctx.lexicon, ctx.language));
  // The prompt's own words carry no theme: every answer to "Why a network?" is about networks.
  const ignore = new Set(contentWords(prompt.text, ctx.language).map((w) => stemWord(w, ctx.language)));
  const names = featureNames(ctx.lexicon);
  const analysed = answers.map((_, i) => analyseWords(contentOf(tokens[i], languages[i]), languages[i], ctx.lexicon, ignore));
  const vectors = vectorise(analysed, names, ctx.share);
  const space = new WordSpace();
  const bags = bagsOf(analysed, space);
  const items: ClusterItem[] = answers.map((a, i) => ({ vector: vectors[i], groupId: a.groupId, bag: bags[i], embedding: unitVector(ctx.embeddings?.[a.id]) }));
  return { answers, languages, analysed, names, vectors, space, items };
}

function synthesizePrompt(prompt: SynthesisInput['prompts'][number], unordered: Answer[], ctx: Context): PromptSynthesis {
  const { answers, languages, names, vectors, space, items } = prepare(prompt, unordered, ctx);
  const groupsAnswering = new Set([...(prompt.groupIds ?? []), ...answers.map((a) => a.groupId)]).size;
  const clusters = cluster(items, ctx.params, space);
  const themes: Theme[] = [];
  const otherAnswerIds: string[] = [];
  const centroid = new Centroid();
  for (const members of clusters) {
    if (members.length < 2) {
      otherAnswerIds.push(...members.map((i) => answers[i].id));
      continue;
    }
    centroid.of(members, vectors);
    const central = byCentrality(members, vectors, centroid);
    const answerIds = members.map((i) => answers[i].id);
    const groupIds = [...new Set(members.map((i) => answers[i].groupId))].sort();
    themes.push({
      id: themeId(answerIds),
      label: labelOf(central, centroid, names, answers, languages, ctx),
      representativeAnswerId: answers[central[0]].id,
      answerIds,
      groupIds,
      // Never claimed from one group alone, and counted over every group that had the prompt.
      consensus: groupIds.length >= 2 && groupIds.length >= ctx.threshold * groupsAnswering,
    });
  }
  themes.sort(
    (a, b) => b.groupIds.length - a.groupIds.length || b.answerIds.length - a.answerIds.length || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1),
  );
  const summary = draftSummary({
    language: ctx.language,
    groupsAnswering,
    themes: themes.map((t) => ({ label: t.label, groupCount: t.groupIds.length, consensus: t.consensus, answerCount: t.answerIds.length })),
    otherIdeas: otherAnswerIds.length,
  });
  return { promptId: prompt.id, themes, otherAnswerIds, groupsAnswering, summary };
}

/** Labels come from the theme's most central answers (at most ten: a big theme's outskirts add nothing). */
function labelOf(central: number[], centroid: Centroid, names: FeatureIds, answers: Answer[], languages: Language[], ctx: Context): string {
  const top = central.slice(0, 10);
  const size = central.length;
  const sources = top.map((i) => ({
    text: answers[i].text,
    language: languages[i],
    weightOf: (word: string) => {
      let w = 0;
      const { ids } = wordFeatures(word, languages[i], ctx.lexicon);
      // Letter grams and related words (r) say how a word is spelled or what it is near, not what it names.
      for (let k = 0; k < ids.length; k++) {
        const kind = names.kind(ids[k]);
        if (kind !== GRAM && kind !== RELATED) w += centroid.get(ids[k]);
      }
      return w / size;
    },
  }));
  return keyPhrase(sources, ctx.language, AND[ctx.language], (word, from) => ctx.lexicon.translate(word, from, ctx.language));
}

/** Each answer's distinct words, weighted by rarity over the prompt (idf of the stem): "members" in every answer says little. */
function bagsOf(analysed: Analysed[], space: WordSpace): Bag[] {
  const df = new Map<string, number>();
  for (const a of analysed) for (const stem of distinct(a.stems)) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = analysed.length;
  return analysed.map((a) => {
    const bag: Bag = { words: [], weights: [], total: 0 };
    const seen = a.words.length > SMALL ? new Set<number>() : null;
    for (const w of a.words) {
      const id = space.intern(w);
      if (seen ? seen.has(id) : bag.words.includes(id)) continue;
      seen?.add(id);
      const weight = Math.log(1 + n / (df.get(w.stem) ?? 1));
      bag.words.push(id);
      bag.weights.push(weight);
      bag.total += weight;
    }
    return bag;
  });
}

/** Up to this many items, a scan finds duplicates faster than a Set (answers have a handful of words). */
const SMALL = 16;

/** The distinct items, in first-seen order. */
function distinct<T>(items: T[]): T[] {
  if (items.length > SMALL) return [...new Set(items)];
  return items.filter((x, k) => items.indexOf(x) === k);
}

function unitVector(v: number[] | undefined): Float32Array | undefined {
  if (!v || v.length === 0) return undefined;
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? Float32Array.from(v, (x) => x / norm) : undefined;
}
