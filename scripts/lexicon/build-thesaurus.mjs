// Builds shared/synthesis/data/thesaurus.{fr,da}.json from the LibreOffice MyThes thesauri
// shipped by Debian (mythes-fr, mythes-da). Single-word headwords and synonyms only, notes in
// parentheses removed, first meanings first, at most 6 synonyms per word, all lower-case UTF-8.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MYTHES_DIR, normalize, isSingleWord, requireFile, stripNotes, writeJson } from './lib/common.mjs';

// At most 6 synonyms per word (LEXICON_MAX_SYNONYMS lowers it to save space: the engine reads 4).
const MAX = Math.min(6, Number(process.env.LEXICON_MAX_SYNONYMS) || 6);
export const THESAURI = {
  fr: { file: 'thes_fr.dat', pkg: 'mythes-fr', order: 'shared' },
  da: { file: 'th_da_DK.dat', pkg: 'mythes-da', order: 'source' },
};

const ENCODINGS = {
  'UTF-8': 'utf-8',
  UTF8: 'utf-8',
  'ISO8859-1': 'latin1',
  'ISO-8859-1': 'latin1',
  'ISO8859-15': 'iso-8859-15',
  'ISO-8859-15': 'iso-8859-15',
  'KOI8-R': 'koi8-r',
};

/** Reads a MyThes .dat file: returns { encoding, entries: Map<word, string[][]> } (meanings -> synonyms). */
export function readMythes(lang) {
  const { file, pkg } = THESAURI[lang];
  const path = requireFile(join(MYTHES_DIR, file), `Install it first:  apt-get install -y ${pkg}`);
  const buf = readFileSync(path);
  const firstLine = buf.subarray(0, buf.indexOf(10)).toString('latin1').trim().toUpperCase();
  const enc = ENCODINGS[firstLine];
  if (!enc) throw new Error(`${path}: unknown encoding line "${firstLine}"`);
  const text = new TextDecoder(enc).decode(buf.subarray(buf.indexOf(10) + 1));
  const lines = text.split('\n');
  const entries = new Map();
  for (let i = 0; i < lines.length; ) {
    const head = lines[i++];
    if (!head) continue;
    const bar = head.lastIndexOf('|');
    const word = head.slice(0, bar);
    const n = parseInt(head.slice(bar + 1), 10) || 0;
    const meanings = [];
    for (let k = 0; k < n && i < lines.length; k++) {
      const parts = lines[i++].split('|');
      meanings.push(parts.slice(1)); // parts[0] is the part-of-speech label, e.g. "(Nom)"
    }
    const list = entries.get(word) ?? [];
    entries.set(word, list.concat(meanings));
  }
  return { path, encoding: firstLine, entries };
}

const clean = (s) => normalize(stripNotes(s)).toLowerCase();

// Danish MyThes marks narrower terms "(underbegreb)" (hyponyms, ~75% of its lines): not synonyms, left out.
// Colloquial / technical synonyms "(daglig tale)", "(fagudtryk)" are kept but ranked after plain ones;
// "(vulgær)", "(rå/ondsindet)" are ranked last.
function synonymRank(raw) {
  if (/\((?:underbegreb|overbegreb)\)/i.test(raw)) return -1;
  if (/\((?:vulgær|rå\/ondsindet)\)/i.test(raw)) return 2;
  if (/\([^)]*\)\s*$/.test(raw)) return 1;
  return 0;
}

export function buildThesaurus(lang) {
  const { path, encoding, entries } = readMythes(lang);
  // 1. every candidate synonym of every single-word headword, in source order, with its rank
  const cands = new Map(); // lower-cased headword -> [{ w, meaning, rank, pos }]
  for (const [word, meanings] of entries) {
    const key = clean(word);
    if (!isSingleWord(key)) continue;
    const list = cands.get(key) ?? [];
    meanings.forEach((syns, meaning) =>
      syns.forEach((raw) => {
        const rank = synonymRank(raw);
        const w = clean(raw);
        if (rank >= 0 && w && w !== key && isSingleWord(w)) list.push({ w, meaning, rank, pos: list.length });
      }),
    );
    cands.set(key, list);
  }
  // 2. order: plain before annotated, then by how many synonyms the two words share (the French file
  //    has one long list per word mixing all its meanings; shared neighbours pick out the core
  //    sense: connaissance -> savoir, science rather than agriculture). The Danish file puts one meaning
  //    per line, main meanings first, so there the source order is kept.
  const sets = new Map([...cands].map(([k, l]) => [k, new Set(l.map((c) => c.w))]));
  const shared = (a, b) => {
    const sb = sets.get(b);
    if (!sb) return 0;
    let n = 0;
    for (const w of sets.get(a)) if (sb.has(w)) n++;
    return n;
  };
  // fr: one mixed list per word -> shared neighbours first; da: one meaning per line, main meanings
  // first -> keep the source order.
  const score = THESAURI[lang].order === 'shared' ? (c) => c.s : () => 0;
  // fr: a synonym sharing no other synonym with the headword is an outlier sense (or noise): left out
  const minShared = THESAURI[lang].order === 'shared' ? 1 : 0;
  const out = Object.create(null); // no prototype: "constructor" is a word
  for (const [key, list] of cands) {
    const seen = new Set();
    const sorted = list
      .map((c) => ({ ...c, s: shared(key, c.w) }))
      .sort((x, y) => x.rank - y.rank || score(y) - score(x) || x.pos - y.pos)
      .filter((c) => !minShared || c.s >= minShared)
      .filter((c) => !seen.has(c.w) && seen.add(c.w))
      .map((c) => c.w)
      .slice(0, MAX);
    if (sorted.length) out[key] = sorted;
  }
  const outPath = writeJson(`thesaurus.${lang}.json`, out);
  return { path: outPath, source: path, encoding, count: Object.keys(out).length, data: out, entries };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const lang of Object.keys(THESAURI)) {
    const r = buildThesaurus(lang);
    console.log(`${r.path}: ${r.count} headwords (source ${r.source}, ${r.encoding})`);
  }
}
