import stopword from 'stopword';
import snowball from 'snowball-stemmers';
import type { Language } from '../schemas/primitives.js';

const STEMMER_NAMES: Record<Language, string> = { en: 'english', nl: 'dutch', fr: 'french', da: 'danish' };
const STOPWORD_LISTS: Record<Language, string[]> = { en: stopword.eng, nl: stopword.nld, fr: stopword.fra, da: stopword.dan };
/**
 * Words that carry no theme in these sessions whatever the prompt ("network" appears everywhere), and the
 * indefinite pronouns the stopword lists miss ("nobody knows us" and "nobody knows everything" share no idea).
 */
const DOMAIN_STOPWORDS: Record<Language, string[]> = {
  en: ['network', 'networks', 'etc', 'e.g', 'eg', 'also', 'really', 'things', 'thing', 'lot', 'nobody', 'everybody', 'everyone', 'everything', 'anything', 'something', 'nothing', 'someone', 'anyone'],
  nl: ['netwerk', 'netwerken', 'bv', 'vb', 'enz', 'echt', 'ook', 'niemand', 'iedereen', 'alles', 'iets', 'niets', 'iemand'],
  fr: ['réseau', 'réseaux', 'ex', 'etc', 'aussi', 'vraiment', 'personne', 'tout', 'tous', 'toutes', 'rien', 'quelqu', 'chacun'],
  da: ['netværk', 'netværket', 'fx', 'osv', 'også', 'virkelig', 'ingen', 'alle', 'alt', 'noget', 'nogen', 'intet', 'enhver'],
};

const stemmers = new Map<Language, { stem(w: string): string }>();
const stopSets = new Map<Language, Set<string>>();

export function stemmerFor(lang: Language): { stem(w: string): string } {
  let s = stemmers.get(lang);
  if (!s) stemmers.set(lang, (s = snowball.newStemmer(STEMMER_NAMES[lang])));
  return s;
}

export function stopwordsFor(lang: Language): Set<string> {
  let s = stopSets.get(lang);
  if (!s) stopSets.set(lang, (s = new Set([...STOPWORD_LISTS[lang], ...DOMAIN_STOPWORDS[lang]].map((w) => w.toLowerCase()))));
  return s;
}

const segmenters = new Map<Language, Intl.Segmenter>();
/** French and English elisions: l'économie → économie, qu'ils → ils, d'accès → accès. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/;

/** Words of a text: segmented per language, lower-cased, elisions removed. */
export function words(text: string, lang: Language): string[] {
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: 'word' })));
  const out: string[] = [];
  for (const part of seg.segment(text.toLowerCase())) {
    if (!part.isWordLike) continue;
    const w = part.segment.replace(ELISION, '').replace(/['’]/g, '');
    if (w && !/^\d+$/.test(w)) out.push(w);
  }
  return out;
}

const stemCache = new Map<Language, Map<string, string>>();

/** Content words, stemmed: what a theme is made of. Stems are cached: sessions repeat their words a lot. */
export function contentStems(text: string, lang: Language): string[] {
  const stop = stopwordsFor(lang);
  let cache = stemCache.get(lang);
  if (!cache) stemCache.set(lang, (cache = new Map()));
  const out: string[] = [];
  for (const w of words(text, lang)) {
    if (w.length <= 1 || stop.has(w)) continue;
    let stem = cache.get(w);
    if (stem === undefined) {
      stem = stemmerFor(lang).stem(w);
      if (cache.size < 200_000) cache.set(w, stem);
    }
    out.push(stem);
  }
  return out;
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
