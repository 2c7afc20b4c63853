import { LANGUAGES, type Language } from '../schemas/primitives.js';
import { stemWord } from './text.js';

/**
 * The language knowledge the engine reads, as shipped in shared/synthesis/data (built by scripts/lexicon):
 * - pivot: Dutch, French and Danish headwords → English translations (FreeDict, both directions);
 * - wordnet: English lemmas → their first senses (synset numbers), derivationally related lemmas, and each
 *   sense's broader senses (three levels of hypernyms: "meeting" is a kind of "gathering");
 * - thesaurus: French and Danish words → synonyms (LibreOffice/MyThes).
 * Every part is optional: without a part the engine still runs, knowing less.
 */
export interface LexiconData {
  pivot: Partial<Record<Exclude<Language, 'en'>, Record<string, string[]>>>;
  wordnet?: { senses: Record<string, number[]>; derived: Record<string, string[]>; broader?: Record<string, number[]> };
  thesaurus: Partial<Record<Language, Record<string, string[]>>>;
  /** English stem → the stems of its first senses' definitions, synonyms and broader terms (scripts/lexicon/build-related.mjs). */
  related?: Record<string, string[]>;
}

/** What the engine knows of one stem: English pivot words (derivation-family roots), WordNet senses, synonyms. */
export interface Meaning {
  pivots: string[];
  senses: number[];
  synonyms: string[];
}

const NONE: Meaning = { pivots: [], senses: [], synonyms: [] };
/** Why these caps: a word's first few translations and senses are its common ones; the long tail is noise that joins unrelated answers. */
const MAX_TRANSLATIONS = 3;
const MAX_SENSES = 3;
const MAX_SYNONYMS = 4;
/** Derivation families stay small: a chain of "related forms" can otherwise join half the language. */
const MAX_FAMILY = 8;

/**
 * Negation and reversal prefixes: "distrust" is about trust, "wantrouwen" about "vertrouwen"; the answers share
 * a theme even when they disagree. Only stripped when what is left is a known word of at least four letters.
 */
const NEGATION_PREFIXES: Record<Language, string[]> = {
  en: ['dis', 'mis', 'un', 'non'],
  nl: ['wan', 'on', 'mis', 'niet'],
  fr: ['dé', 'dés', 'mé', 'més', 'in', 'im', 'non', 'mal'],
  da: ['mis', 'u', 'van', 'ikke'],
};

interface LanguageIndex {
  /** By stem: inflected forms ("medlemmerne", "referrals") find their headword's meaning. */
  meanings: Map<string, Meaning>;
  /** By headword as written: the stemmers conflate words of different meaning ("delen" and "deel" → "del"). */
  exact: Map<string, Meaning>;
}

/** Language knowledge indexed by stem, built lazily per language (stemming every headword once). */
export class Lexicon {
  private indexes = new Map<Language, LanguageIndex>();
  private family = new Map<string, string>();
  private enSenses = new Map<string, number[]>();
  private englishReady = false;
  private merged = new Map<string, Meaning>();

  constructor(private readonly data: LexiconData) {}

  /** Builds every index now (a second or two), so the first synthesis a worker runs is as fast as the next. */
  warmUp(): this {
    for (const lang of LANGUAGES) this.index(lang);
    this.englishWordFor('');
    this.related('');
    return this;
  }

  /** Whether the stem is a word of the language we know (for typo correction and language detection). */
  knows(stem: string, lang: Language): boolean {
    return this.index(lang).meanings.has(stem);
  }

  /**
   * The meaning of a word: of the word itself when it is a headword, then of its stem's base form, merged (an
   * inflected headword can carry a stray translation: French "membres" is listed for "debris" too).
   */
  meaning(stem: string, lang: Language, word?: string): Meaning {
    const idx = this.index(lang);
    const own = word !== undefined ? idx.exact.get(word) : undefined;
    const base = idx.meanings.get(stem);
    if (!own || !base || own === base) return own ?? base ?? NONE;
    const key = `${lang}:${word}`;
    let merged = this.merged.get(key);
    if (!merged) {
      // English headwords are WordNet lemmas, reliable as written; elsewhere an inflected headword is less so.
      const [first, second] = lang === 'en' ? [own, base] : [base, own];
      const union = <T>(a: T[], b: T[], max: number) => [...new Set([...a, ...b])].slice(0, max);
      merged = {
        pivots: union(first.pivots, second.pivots, MAX_TRANSLATIONS + 1),
        senses: union(first.senses, second.senses, MAX_SENSES + 1),
        synonyms: union(first.synonyms, second.synonyms, MAX_SYNONYMS),
      };
      if (this.merged.size < 100_000) this.merged.set(key, merged);
    }
    return merged;
  }

  /**
   * A word in another language, through one dictionary: into English by its first pivot, out of English by the
   * shortest headword of `to` that translates to it first. Null when the dictionaries know no such word, and between
   * two languages that are not English: two hops through small dictionaries drift ("tegenover" → "about" → "cirka").
   */
  translate(word: string, from: Language, to: Language): string | null {
    if (from === to) return word;
    if (from !== 'en' && to !== 'en') return null;
    const pivot = this.meaning(stemWord(word, from), from, word).pivots[0] ?? (from === 'en' ? stemWord(word, 'en') : undefined);
    if (pivot === undefined) return null;
    if (to === 'en') return this.englishWordFor(pivot);
    return this.reverse(to).get(pivot) ?? null;
  }

  private reverseIndexes = new Map<Language, Map<string, string>>();
  private englishWords: Map<string, string> | null = null;

  /** English pivot (a stem) → the shortest headword of `lang` whose first translation it is. */
  private reverse(lang: Exclude<Language, 'en'>): Map<string, string> {
    let map = this.reverseIndexes.get(lang);
    if (map) return map;
    map = new Map();
    for (const [word, english] of Object.entries(this.data.pivot[lang] ?? {})) {
      if (!Array.isArray(english) || typeof english[0] !== 'string' || word.includes('-')) continue;
      const pivot = this.rootOf(stemWord(english[0].toLowerCase(), 'en'));
      const before = map.get(pivot);
      if (before === undefined || word.length < before.length || (word.length === before.length && word < before)) map.set(pivot, word);
    }
    this.reverseIndexes.set(lang, map);
    return map;
  }

  /** An English pivot (a stem) → the shortest WordNet lemma with that stem or family root. */
  private englishWordFor(pivot: string): string | null {
    if (!this.englishWords) {
      this.englishWords = new Map();
      for (const lemma of Object.keys(this.data.wordnet?.senses ?? {})) {
        for (const key of new Set([stemWord(lemma, 'en'), this.rootOf(stemWord(lemma, 'en'))])) {
          const before = this.englishWords.get(key);
          if (before === undefined || lemma.length < before.length || (lemma.length === before.length && lemma < before)) this.englishWords.set(key, lemma);
        }
      }
    }
    return this.englishWords.get(pivot) ?? null;
  }

  /**
   * The words an English stem's definitions use, with how telling each is (its rarity over all definitions, 0 to 1):
   * "reel" → film, photograph...; "video" → record, picture... Two answers whose words are defined alike are related.
   */
  related(enStem: string): (readonly [string, number])[] {
    const data = this.data.related;
    const list = data?.[enStem];
    if (!this.relatedDf) this.relatedDf = relatedDf(data);
    if (!Array.isArray(list)) return [];
    const { df, n } = this.relatedDf;
    const max = Math.log(Math.max(n, 2));
    // Weighed here, per call (each word is analysed once and cached: features.ts), not stored for 45,000 stems.
    return list.map((s, rank) => [s, (Math.log(n / (df.get(s) ?? 1)) / max) * (1 - rank / (2 * list.length))] as const);
  }

  private relatedDf: { df: Map<string, number>; n: number } | null = null;

  /** The broader senses of a sense (its hypernyms and theirs), as numbered in the data. */
  broader(sense: number): number[] {
    const list = this.data.wordnet?.broader?.[sense];
    return Array.isArray(list) ? list : [];
  }

  /** Whether the word, as written, is a headword we know (typo correction works on words, before stemming). */
  knowsWord(word: string, lang: Language): boolean {
    return this.index(lang).exact.has(word);
  }

  /**
   * The stem of a word without its negation prefix when what is left is a known word ("distrust" → "trust",
   * "mistillid" → "tillid"). A word the dictionary knows keeps its prefix unless what is left has five letters or
   * more ("discover" loses to this rule, "disease", "mistake" and "income" do not); in the other languages a
   * known word keeps it: "wantrouwen" is a headword, and its translation "distrust" is stripped in English instead.
   */
  positive(word: string, lang: Language): string {
    const known = this.knowsWord(word, lang);
    if (!known || lang === 'en') {
      for (const prefix of NEGATION_PREFIXES[lang]) {
        const rest = word.slice(prefix.length);
        if (!word.startsWith(prefix) || rest.length < (known ? 5 : 4)) continue;
        if (this.knowsWord(rest, lang)) return stemWord(rest, lang);
      }
    }
    return stemWord(word, lang);
  }

  private index(lang: Language): LanguageIndex {
    let idx = this.indexes.get(lang);
    if (!idx) this.indexes.set(lang, (idx = lang === 'en' ? this.buildEnglish() : this.buildOther(lang)));
    return idx;
  }

  private buildEnglish(): LanguageIndex {
    this.prepareEnglish();
    const meanings = new Map<string, Meaning>();
    const exact = new Map<string, Meaning>();
    for (const [stem, senses] of this.enSenses) meanings.set(stem, { pivots: [this.rootOf(stem)], senses, synonyms: [] });
    for (const [lemma, senses] of Object.entries(this.data.wordnet?.senses ?? {})) {
      exact.set(lemma, { pivots: [this.rootOf(stemWord(lemma, 'en'))], senses: senses.slice(0, MAX_SENSES), synonyms: [] });
    }
    this.addSynonyms(meanings, 'en');
    return { meanings, exact };
  }

  private buildOther(lang: Exclude<Language, 'en'>): LanguageIndex {
    this.prepareEnglish();
    const meanings = new Map<string, Meaning>();
    const exact = new Map<string, Meaning>();
    const stemSource = new Map<string, string>();
    for (const [word, english] of Object.entries(this.data.pivot[lang] ?? {})) {
      if (!Array.isArray(english)) continue;
      const m = this.translated(english);
      const w = word.toLowerCase();
      exact.set(w, m);
      // A stem means what its shortest headword means: the base form, not a derivation the stemmer folded in.
      const stem = stemWord(w, lang);
      const before = stemSource.get(stem);
      if (before === undefined || w.length < before.length || (w.length === before.length && w < before)) {
        stemSource.set(stem, w);
        meanings.set(stem, m);
      }
    }
    this.addSynonyms(meanings, lang);
    return { meanings, exact };
  }

  /** English translations → pivots (derivation-family roots) and the first sense of each. */
  private translated(english: unknown[]): Meaning {
    const pivots: string[] = [];
    const senses: number[] = [];
    for (const e of english) {
      if (typeof e !== 'string' || pivots.length >= MAX_TRANSLATIONS) continue;
      const enStem = this.positive(e.toLowerCase(), 'en');
      const root = this.rootOf(enStem);
      if (!pivots.includes(root)) pivots.push(root);
      const first = (this.data.wordnet?.senses[e.toLowerCase()] ?? this.enSenses.get(enStem))?.[0];
      if (typeof first === 'number' && !senses.includes(first)) senses.push(first);
    }
    return { pivots, senses, synonyms: [] };
  }

  /** English senses per stem, and derivation families (refer/referral, organise/organisation) by union-find. */
  private prepareEnglish(): void {
    if (this.englishReady) return;
    this.englishReady = true;
    const wn = this.data.wordnet;
    if (!wn) return;
    for (const lemma of Object.keys(wn.senses).sort()) {
      const stem = stemWord(lemma, 'en');
      const list = this.enSenses.get(stem) ?? [];
      for (const s of wn.senses[lemma]) if (typeof s === 'number' && list.length < MAX_SENSES && !list.includes(s)) list.push(s);
      this.enSenses.set(stem, list);
    }
    const parent = new Map<string, string>();
    const size = new Map<string, number>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      return r;
    };
    for (const lemma of Object.keys(wn.derived).sort()) {
      for (const other of wn.derived[lemma]) {
        if (typeof other !== 'string') continue;
        const a = find(stemWord(lemma, 'en'));
        const b = find(stemWord(other, 'en'));
        if (a === b) continue;
        const together = (size.get(a) ?? 1) + (size.get(b) ?? 1);
        if (together > MAX_FAMILY) continue;
        // The shorter (then alphabetically first) stem names the family: usually the base word.
        const [root, child] = a.length < b.length || (a.length === b.length && a < b) ? [a, b] : [b, a];
        parent.set(child, root);
        size.set(root, together);
      }
    }
    for (const stem of parent.keys()) this.family.set(stem, find(stem));
  }

  private rootOf(enStem: string): string {
    return this.family.get(enStem) ?? enStem;
  }

  /** Thesaurus synonyms, by stem; a word the other resources do not know gets itself as its pivot. */
  private addSynonyms(meanings: Map<string, Meaning>, lang: Language): void {
    const table = this.data.thesaurus[lang] ?? {};
    for (const word of Object.keys(table).sort()) {
      const stem = stemWord(word.toLowerCase(), lang);
      const m = meanings.get(stem) ?? { pivots: lang === 'en' ? [stem] : [], senses: [], synonyms: [] };
      for (const syn of table[word]) {
        if (typeof syn !== 'string') continue;
        const s = stemWord(syn.toLowerCase(), lang);
        if (s !== stem && !m.synonyms.includes(s) && m.synonyms.length < MAX_SYNONYMS) m.synonyms.push(s);
      }
      meanings.set(stem, m);
    }
  }
}

/** In how many entries each related stem appears: a stem in every other definition ("group", "money") tells little. */
function relatedDf(data: Record<string, string[]> | undefined): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const list of Object.values(data ?? {})) {
    if (!Array.isArray(list)) continue;
    n++;
    for (const s of list) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { df, n };
}
