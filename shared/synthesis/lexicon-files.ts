import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexicon, type LexiconData } from './lexicon.js';

/** Where scripts/lexicon writes the data; read once, on the first synthesis, by the process that runs it. */
export const LEXICON_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

function read<T>(file: string): T | undefined {
  const full = path.join(LEXICON_DIR, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : undefined;
}

export function loadLexiconData(): LexiconData {
  return {
    pivot: { nl: read('pivot.nl.json'), fr: read('pivot.fr.json'), da: read('pivot.da.json') },
    wordnet: read('wordnet.en.json'),
    thesaurus: { fr: read('thesaurus.fr.json'), da: read('thesaurus.da.json') },
  };
}

let shared: Lexicon | null = null;

/** The shipped language knowledge, loaded on first use and kept (a worker reuses it for every run). */
export function defaultLexicon(): Lexicon {
  return (shared ??= new Lexicon(loadLexiconData()));
}
