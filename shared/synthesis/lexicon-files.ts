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

/**
 * The shipped data, each file read on first use: a session in one language (with English, the pivot) never reads
 * the other languages' dictionaries, which keeps a worker's memory to what its sessions need.
 */
export function loadLexiconData(): LexiconData {
  const files = new Map<string, unknown>();
  const once = <T>(file: string): T | undefined => {
    if (!files.has(file)) files.set(file, read<T>(file));
    return files.get(file) as T | undefined;
  };
  type Pivot = LexiconData['pivot']['nl'];
  type Thesaurus = LexiconData['thesaurus']['fr'];
  return {
    pivot: {
      get nl() {
        return once<Pivot>('pivot.nl.json');
      },
      get fr() {
        return once<Pivot>('pivot.fr.json');
      },
      get da() {
        return once<Pivot>('pivot.da.json');
      },
    },
    get related() {
      return once<LexiconData['related']>('related.en.json');
    },
    get wordnet() {
      return once<LexiconData['wordnet']>('wordnet.en.json');
    },
    thesaurus: {
      get fr() {
        return once<Thesaurus>('thesaurus.fr.json');
      },
      get da() {
        return once<Thesaurus>('thesaurus.da.json');
      },
    },
  };
}

let shared: Lexicon | null = null;

/** The shipped language knowledge, loaded on first use and kept (a worker reuses it for every run). */
export function defaultLexicon(): Lexicon {
  return (shared ??= new Lexicon(loadLexiconData()));
}
