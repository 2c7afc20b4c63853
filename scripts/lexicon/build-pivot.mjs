// Builds shared/synthesis/data/pivot.{nl,fr,da}.json from the Debian FreeDict dictionaries:
// X->English articles plus the inverted English->X articles, single-word headwords only,
// at most 4 single-word English translations each, first senses first.
//
// The FreeDict dictionaries are small (5k-23k headwords) and miss common words (samenwerking,
// coopération, samarbejde, deling). Three rule-based fallbacks fill gaps, only for words that the
// dictionaries do not translate, and only for words attested in a word list of the language
// (nl: wdutch/OpenTaal if installed + FreeDict; fr, da: MyThes headwords + FreeDict):
//   1. cognates by learned suffix: coopération -> cooperation, kooperation -> cooperation,
//      organisatie -> organisation, coopérer -> cooperate (the English word must be a WordNet lemma of
//      the matching part of speech);
//   2. nominalisations: samenwerken -> samenwerking, dele -> deling take the WordNet
//      derivationally related noun of the verb's translation (cooperate -> cooperation, share -> sharing);
//   3. thesaurus bridge (fr, da): a MyThes headword still untranslated gets the English words that
//      two of its (ranked, first six) synonyms agree on, else the first translation of the translatable
//      synonyms among its three strongest ones (at most two) (samarbejde -> kollaboration, kooperation -> collaboration, cooperation).
import { existsSync, readFileSync } from 'node:fs';
import { readDictd, parseFreedictArticle, normalize, isSingleWord, writeJson } from './lib/common.mjs';
import { loadWordnet, lemmaFrequency, toLemma } from './lib/wordnet.mjs';
import { britishVariants } from './lib/british.mjs';
import { readMythes, buildThesaurus, THESAURI } from './build-thesaurus.mjs';

const MAX = 4;
export const PIVOT_LANGS = {
  nl: { code: 'nld', articles: ['de', 'het', 'een', "'t", 'zich'] },
  fr: { code: 'fra', articles: ['le', 'la', 'les', 'un', 'une', 'des', 'du', 'se'], elided: ["l'", "s'", "d'"] },
  da: { code: 'dan', articles: ['at', 'en', 'et', 'sig'] },
};

// Closed-class English words WordNet does not list; allowed as translations.
const EN_FUNCTION = new Set(
  (
    'and or but if not no yes with without of for from by at on in into onto out over under about above below ' +
    'between among through during before after since until against towards toward across behind beside ' +
    'i you he she it we they me him her us them my your his its our their this that these those who whom whose ' +
    'which what when where why how all each every some any many much more most few less least other another ' +
    'both either neither one two three four five six seven eight nine ten here there then now very too also ' +
    'only just still yet already again ever never always often because although though while so than as such'
  ).split(' '),
);
const EN_DROP = new Set(['the', 'a', 'an', 'to']);
// Words that make a 2-3 word phrase a phrasal/verbal unit whose head is the first word.
const FILLERS = new Set(
  (
    "one's oneself someone somebody something sth sb it up out off on in down over away back about with for " + 'to at into upon along through together apart'
  ).split(' '),
);

let wn;
let british; // British spelling -> American WordNet lemma

function englishWord(w) {
  if (!w || EN_DROP.has(w)) return null;
  if (EN_FUNCTION.has(w)) return w;
  if (!isSingleWord(w)) return null;
  if (british.has(w)) return w;
  return toLemma(wn, w);
}
function isNoun(w) {
  return wn.lemmas.get(w)?.some((s) => s.pos === 'n');
}
function isVerb(w) {
  return wn.lemmas.get(w)?.some((s) => s.pos === 'v');
}
function freq(w) {
  const am = british.get(w) ?? w;
  return Math.max(lemmaFrequency(wn, am), 0);
}

/** English phrase -> { word, head } : a single word, or the head of a short free phrase, or null. */
function englishFromPhrase(raw) {
  let p = raw
    .toLowerCase()
    .replace(/[.!?…]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  let verbal = false;
  if (p.startsWith('to ')) {
    verbal = true;
    p = p.slice(3);
  }
  p = p.replace(/^(the|a|an) /, '');
  if (!p.includes(' ')) {
    const w = englishWord(p);
    return w ? { word: w, head: false } : null;
  }
  const words = p.split(' ');
  if (words.length > 3 || words.some((w) => !isSingleWord(w) && w !== "one's")) return null;
  if (wn.lemmas.has(words.join('_'))) return null; // lexicalised compound (ice cream, trade union): no obvious head
  // phrasal verb / verb + object filler: "give up", "take care of"? -> only when the rest are fillers
  if ((verbal || isVerb(words[0])) && words.slice(1).every((w) => FILLERS.has(w))) {
    const w = englishWord(words[0]);
    return w ? { word: w, head: true } : null;
  }
  // "X of Y" -> X
  if (words.length === 3 && words[1] === 'of' && isNoun(words[0])) return { word: words[0], head: true };
  // free modifier + noun: "female ambassador", "garbage fee" -> last word
  if (!verbal && words.length === 2 && !words.some((w) => FILLERS.has(w) || EN_FUNCTION.has(w)) && isNoun(words[1])) {
    const w = englishWord(words[1]);
    return w ? { word: w, head: true } : null;
  }
  return null;
}

function foreignKey(raw, lang) {
  let p = normalize(raw)
    .toLowerCase()
    .replace(/[.!?…]+$/, '')
    .trim();
  const { articles = [], elided = [] } = PIVOT_LANGS[lang];
  for (const a of articles) if (p.startsWith(`${a} `)) p = p.slice(a.length + 1);
  for (const e of elided) if (p.startsWith(e) && p.length > e.length + 2) p = p.slice(e.length);
  if (!isSingleWord(p) || p.length < 2) return null;
  return p;
}

// ---------------------------------------------------------------------------
// Fallback 1: cognates by suffix. [foreign suffix, English suffix, WordNet POS required]
const COGNATE_RULES = {
  fr: [
    ['isation', 'ization', 'n'],
    ['ation', 'ation', 'n'],
    ['tion', 'tion', 'n'],
    ['sion', 'sion', 'n'],
    ['ite', 'ity', 'n'],
    ['isme', 'ism', 'n'],
    ['iste', 'ist', 'n'],
    ['logie', 'logy', 'n'],
    ['graphie', 'graphy', 'n'],
    ['ance', 'ance', 'n'],
    ['ence', 'ence', 'n'],
    ['ment', 'ment', 'n'],
    ['ure', 'ure', 'n'],
    ['ique', 'ic', 'a'],
    ['ique', 'ical', 'a'],
    ['if', 'ive', 'a'],
    ['ive', 'ive', 'a'],
    ['el', 'al', 'a'],
    ['elle', 'al', 'a'],
    ['eux', 'ous', 'a'],
    ['aire', 'ary', 'a'],
    ['able', 'able', 'a'],
    ['ible', 'ible', 'a'],
    ['iser', 'ize', 'v'],
    ['ifier', 'ify', 'v'],
    ['er', 'ate', 'v'],
  ],
  da: [
    ['isation', 'ization', 'n'],
    ['ation', 'ation', 'n'],
    ['tion', 'tion', 'n'],
    ['sion', 'sion', 'n'],
    ['itet', 'ity', 'n'],
    ['isme', 'ism', 'n'],
    ['ist', 'ist', 'n'],
    ['logi', 'logy', 'n'],
    ['grafi', 'graphy', 'n'],
    ['ance', 'ance', 'n'],
    ['ens', 'ence', 'n'],
    ['ment', 'ment', 'n'],
    ['ur', 'ure', 'n'],
    ['isk', 'ic', 'a'],
    ['isk', 'ical', 'a'],
    ['iv', 'ive', 'a'],
    ['el', 'al', 'a'],
    ['abel', 'able', 'a'],
    ['isere', 'ize', 'v'],
    ['ificere', 'ify', 'v'],
    ['ere', 'ate', 'v'],
    ['ere', 'e', 'v'],
    ['ere', '', 'v'],
  ],
  nl: [
    ['isatie', 'ization', 'n'],
    ['atie', 'ation', 'n'],
    ['tie', 'tion', 'n'],
    ['sie', 'sion', 'n'],
    ['iteit', 'ity', 'n'],
    ['isme', 'ism', 'n'],
    ['ist', 'ist', 'n'],
    ['logie', 'logy', 'n'],
    ['grafie', 'graphy', 'n'],
    ['ance', 'ance', 'n'],
    ['ment', 'ment', 'n'],
    ['uur', 'ure', 'n'],
    ['isch', 'ic', 'a'],
    ['isch', 'ical', 'a'],
    ['ief', 'ive', 'a'],
    ['eel', 'al', 'a'],
    ['aal', 'al', 'a'],
    ['abel', 'able', 'a'],
    ['iseren', 'ize', 'v'],
    ['ificeren', 'ify', 'v'],
    ['ieren', 'e', 'v'],
    ['eren', 'ate', 'v'],
    ['eren', 'e', 'v'],
    ['eren', '', 'v'],
  ],
};
const MIN_STEM = 3;
const TOP_SYNONYMS = 3;

function stripDiacritics(w) {
  return w.normalize('NFD').replace(/\p{M}/gu, '');
}

function hasPos(w, pos) {
  const am = british.get(w) ?? w;
  return wn.lemmas.get(am)?.some((s) => s.pos === pos) ?? false;
}

function cognates(word, lang) {
  const base = stripDiacritics(word);
  if (!/^[a-z-]+$/.test(base)) return [];
  const spellings = new Set([base]);
  if (lang !== 'fr') spellings.add(base.replace(/kw/g, 'qu').replace(/k/g, 'c'));
  const out = [];
  for (const sp of spellings) {
    for (const [from, to, pos] of COGNATE_RULES[lang]) {
      if (!sp.endsWith(from) || sp.length - from.length < MIN_STEM) continue;
      const en = sp.slice(0, sp.length - from.length) + to;
      if (en.length < 5 || !hasPos(en, pos)) continue;
      if (!out.includes(en)) out.push(en);
    }
    if (out.length) break; // the source spelling wins over the k->c respelling
  }
  return out.slice(0, 2);
}

// Fallback 2: nominalisation of a verb. [verb ending, noun ending]
const NOMINAL = { nl: ['en', 'ing'], da: ['e', 'ing'] };
const NOUN_SUFFIX = /(?:tion|sion|ment|ance|ence|ancy|ency|al|age|ure|ing|ship|ery|ity)$/;
function englishNominal(verb) {
  const am = british.get(verb) ?? verb;
  if (!hasPos(am, 'v')) return [];
  const out = [];
  const rel = [...(wn.derived.get(am) ?? [])].filter((w) => !w.includes('_') && w !== am && NOUN_SUFFIX.test(w) && hasPos(w, 'n'));
  rel.sort((a, b) => Number(a.endsWith('ing')) - Number(b.endsWith('ing')) || freq(b) - freq(a));
  out.push(...rel);
  const ing = `${am.replace(/e$/, '')}ing`;
  if (hasPos(ing, 'n') && !out.includes(ing)) out.push(ing);
  return out.slice(0, 1);
}

/** Words of the language (to accept generated headwords): FreeDict + MyThes + wdutch if installed. */
function wordList(lang, fwdEntries, invEntries) {
  const words = new Set();
  for (const { body } of fwdEntries) {
    const k = foreignKey(parseFreedictArticle(body).headword, lang);
    if (k) words.add(k);
  }
  for (const { body } of invEntries) {
    for (const phrases of parseFreedictArticle(body).senses)
      for (const p of phrases) {
        const k = foreignKey(p, lang);
        if (k) words.add(k);
      }
  }
  const sources = [];
  if (THESAURI[lang]) {
    for (const w of readMythes(lang).entries.keys()) {
      const k = foreignKey(w, lang);
      if (k) words.add(k);
    }
    sources.push(`MyThes ${lang}`);
  }
  if (lang === 'nl' && existsSync(WDUTCH)) {
    for (const w of readFileSync(WDUTCH, 'utf8').split('\n')) {
      const k = w && w === w.toLowerCase() ? foreignKey(w, lang) : null; // skip names (capitalised)
      if (k) words.add(k);
    }
    sources.push('wdutch');
  }
  return { words, sources };
}
export const WDUTCH = process.env.WDUTCH || '/usr/share/dict/dutch';

export function buildPivot(lang, wordnet, thesaurus) {
  wn = wordnet;
  british = new Map();
  for (const lemma of wn.lemmas.keys()) for (const b of britishVariants(lemma)) if (!british.has(b)) british.set(b, lemma);

  const { code } = PIVOT_LANGS[lang];
  // cand: key -> Map<english, { sense, fwd, inv, head, order }>
  const cand = new Map();
  const add = (key, en, sense, dir, head, order) => {
    if (!cand.has(key)) cand.set(key, new Map());
    const m = cand.get(key);
    const c = m.get(en) ?? { sense: Infinity, fwd: false, inv: false, head: true, order: Infinity };
    c.sense = Math.min(c.sense, sense);
    c.order = Math.min(c.order, order);
    c[dir] = true;
    c.head = c.head && head;
    m.set(en, c);
  };

  const fwd = readDictd(`freedict-${code}-eng`);
  let n = 0;
  for (const { body } of fwd.entries) {
    const { headword, senses } = parseFreedictArticle(body);
    const key = foreignKey(headword, lang);
    if (!key) continue;
    senses.forEach((phrases, si) =>
      phrases.forEach((ph) => {
        const r = englishFromPhrase(ph);
        if (r) add(key, r.word, si, 'fwd', r.head, n++);
      }),
    );
  }
  const invInfo = (() => {
    try {
      return readDictd(`freedict-eng-${code}`);
    } catch {
      return null;
    }
  })();
  if (invInfo) {
    for (const { body } of invInfo.entries) {
      const { headword, senses } = parseFreedictArticle(body);
      const r = englishFromPhrase(headword);
      if (!r || r.head) continue; // only single-word English headwords
      senses.forEach((phrases, si) =>
        phrases.forEach((ph) => {
          const key = foreignKey(stripNotesLite(ph), lang);
          if (key) add(key, r.word, si, 'inv', false, n++);
        }),
      );
    }
  }

  const out = Object.create(null); // no prototype: "constructor" is a word
  const stats = { dictionary: 0, cognate: 0, nominal: 0, thesaurus: 0 };
  for (const [key, m] of cand) {
    const list = [...m.entries()]
      .sort(
        ([a, x], [b, y]) =>
          Number(x.head) - Number(y.head) || // whole single-word translations before phrase heads
          x.sense - y.sense || // first senses first
          Number(y.fwd && y.inv) - Number(x.fwd && x.inv) || // attested in both directions
          Number(y.fwd) - Number(x.fwd) ||
          freq(b) - freq(a) || // FreeDict lists a sense's equivalents alphabetically: rank by English frequency
          x.order - y.order,
      )
      .map(([en]) => en)
      .filter((en) => en !== undefined)
      .slice(0, MAX);
    if (list.length) {
      out[key] = list;
      stats.dictionary++;
    }
  }

  // ---- fallbacks, for words of the language the dictionaries leave untranslated
  const { words, sources } = wordList(lang, fwd.entries, invInfo?.entries ?? []);
  const fromDictionary = new Set(Object.keys(out));
  for (const w of words) {
    if (out[w]) continue;
    const c = cognates(w, lang);
    if (c.length) {
      out[w] = c;
      stats.cognate++;
    }
  }
  const nominal = NOMINAL[lang];
  if (nominal) {
    for (const verb of Object.keys(out)) {
      if (!fromDictionary.has(verb) || !verb.endsWith(nominal[0])) continue;
      const noun = verb.slice(0, verb.length - nominal[0].length) + nominal[1];
      if (out[noun] || !words.has(noun) || noun.length < 6) continue;
      const en = [];
      for (const e of out[verb].slice(0, 3)) for (const n of englishNominal(e)) if (!en.includes(n)) en.push(n);
      if (en.length) {
        out[noun] = en.slice(0, MAX);
        stats.nominal++;
      }
    }
  }
  if (thesaurus && process.env.LEXICON_BRIDGE !== '0') {
    // thesaurus: headword -> synonyms, already ranked (build-thesaurus.mjs output for this language)
    const known = Object.assign(Object.create(null), out);
    for (const [word, syns] of Object.entries(thesaurus)) {
      const key = foreignKey(word, lang);
      if (!key || out[key]) continue;
      const votes = new Map();
      const firsts = [];
      let order = 0;
      syns.forEach((syn, rank) => {
        if (!known[syn]) return;
        if (rank < TOP_SYNONYMS && firsts.length < 2 && !firsts.includes(known[syn][0])) firsts.push(known[syn][0]);
        known[syn].slice(0, 2).forEach((e) => {
          const v = votes.get(e) ?? { n: 0, order: order++ };
          v.n++;
          votes.set(e, v);
        });
      });
      // English words two synonyms agree on; else the first translation of the first two translatable
      // synonyms among the TOP_SYNONYMS strongest ones
      const agreed = [...votes.entries()]
        .filter(([, v]) => v.n >= 2)
        .sort(([, a], [, b]) => b.n - a.n || a.order - b.order)
        .map(([e]) => e);
      const list = (agreed.length ? agreed : firsts).slice(0, 2);
      if (list.length) {
        out[key] = list;
        stats.thesaurus++;
      }
    }
  }
  const path = writeJson(`pivot.${lang}.json`, out);
  const statText = `${stats.dictionary} from the dictionaries, ${stats.cognate} cognates, ${stats.nominal} nominalisations, ${stats.thesaurus} via synonyms; word list: FreeDict${sources.length ? ` + ${sources.join(' + ')}` : ''}`;
  return { path, count: Object.keys(out).length, data: out, stats: statText, info: { fwd: fwd.info, inv: invInfo?.info } };
}

function stripNotesLite(s) {
  return s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wordnet = loadWordnet();
  for (const lang of Object.keys(PIVOT_LANGS)) {
    const r = buildPivot(lang, wordnet, THESAURI[lang] ? buildThesaurus(lang).data : undefined);
    console.log(`${r.path}: ${r.count} headwords (${r.stats})`);
  }
}
