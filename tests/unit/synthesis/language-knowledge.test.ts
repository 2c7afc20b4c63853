import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/schemas/primitives.js';
import { wordFeatures } from '../../../shared/synthesis/features.js';
import { detectLanguage } from '../../../shared/synthesis/language.js';
import { defaultLexicon } from '../../../shared/synthesis/lexicon-files.js';
import { contentWords, fold } from '../../../shared/synthesis/text.js';

// These tables read the shipped data (shared/synthesis/data, built by scripts/lexicon): a missing or broken
// resource makes them fail, not the engine silently know less.
const lexicon = defaultLexicon();
beforeAll(() => void lexicon.warmUp(), 60_000);
/** The meaning-bearing features of one word: its stem, English pivots, WordNet senses and synonyms (no letter grams). */
const meaningOf = (word: string, lang: Language) => new Set([...wordFeatures(word, lang, lexicon).features.keys()]);
const shareMeaning = (a: string, b: string, lang: Language, langB: Language = lang) => {
  const fb = meaningOf(b, langB);
  return [...meaningOf(a, lang)].filter((f) => fb.has(f));
};

describe('morphology: derived words meet', () => {
  it.each([
    ['en', 'refer', 'referral'],
    ['en', 'trust', 'distrust'],
    ['en', 'organise', 'organisation'],
    ['en', 'organize', 'organisation'],
    ['en', 'cooperate', 'cooperation'],
    ['nl', 'samenwerken', 'samenwerking'],
    ['nl', 'vertrouwen', 'wantrouwen'],
    ['fr', 'coopérer', 'coopération'],
    ['fr', 'organiser', 'organisation'],
    ['da', 'samarbejde', 'samarbejder'],
    ['da', 'frivillig', 'frivillige'],
  ] as const)('%s: %s ~ %s', (lang, a, b) => {
    expect(shareMeaning(a, b, lang)).not.toEqual([]);
  });
});

describe('folding: accents and typos', () => {
  it('folds accents after stemming', () => {
    expect(fold('galère')).toBe('galere');
    expect(shareMeaning('galère', 'galere', 'fr')).not.toEqual([]);
    expect(shareMeaning('réseau', 'reseau', 'fr')).not.toEqual([]);
  });
  it.each([
    ['en', 'organisaton', 'organisation'],
    ['en', 'visibilty', 'visibility'],
    ['nl', 'vrijwiligers', 'vrijwilligers'],
    ['fr', 'connaisance', 'connaissance'],
    ['da', 'frivilig', 'frivillig'],
  ] as const)('%s: the typo %s means %s', (lang, typo, word) => {
    expect(shareMeaning(typo, word, lang).some((f) => f.startsWith('s:'))).toBe(true);
  });
});

describe('synonyms from the lexical resources', () => {
  it.each([
    ['en', 'gathering', 'meeting'],
    ['en', 'money', 'funds'],
    ['en', 'help', 'support'],
    ['nl', 'ondersteuning', 'steun'],
    ['fr', 'aide', 'soutien'],
    ['da', 'samarbejde', 'kollaboration'],
  ] as const)('%s: %s ~ %s', (lang, a, b) => {
    expect(shareMeaning(a, b, lang)).not.toEqual([]);
  });
});

describe('related words from the definitions (WordNet glosses)', () => {
  // Pairs that share no stem, translation, sense or synonym: only the words of their definitions tie them.
  it.each([
    ['loan', 'money', 'r:money'],
    ['volunteer', 'unpaid', 'r:volunt'],
    ['photo', 'camera', 'r:photograph'],
    ['video', 'television', 'r:televis'],
    ['trust', 'confidence', 'r:confid'],
  ] as const)('en: %s ~ %s', (a, b, feature) => {
    expect(shareMeaning(a, b, 'en')).toContain(feature);
  });
  it('weighs a related word by how telling it is: a common defining word counts less than a rare one', () => {
    const weights = new Map(lexicon.related('loan'));
    expect(weights.get('money')).toBeGreaterThan(0);
    expect(weights.get('money')).toBeLessThanOrEqual(1);
    expect(lexicon.related('no-such-stem')).toEqual([]);
  });
});

describe('compounds: Dutch and Danish words written as one', () => {
  it.each([
    ['da', 'madspild', 'spild', 'mad'],
    ['da', 'solceller', 'celler', 'sol'],
    ['nl', 'kennisdeling', 'deling', 'kennis'],
    ['nl', 'vrijwilligersavond', 'avond', 'vrijwilliger'],
  ] as const)('%s: %s means %s, narrowed by %s', (lang, compound, head, modifier) => {
    expect(shareMeaning(compound, head, lang).some((f) => f.startsWith('s:'))).toBe(true);
    expect(shareMeaning(compound, modifier, lang).some((f) => f.startsWith('s:'))).toBe(true);
  });
  it.each([
    ['filmpjes', 'film'],
    ['biertje', 'bier'],
    ['bloemetje', 'bloem'],
  ] as const)('nl: the diminutive %s means %s', (diminutive, base) => {
    expect(shareMeaning(diminutive, base, 'nl').some((f) => f.startsWith('s:'))).toBe(true);
  });
  it('leaves English and French words whole', () => {
    expect([...meaningOf('newsletter', 'en')].filter((f) => f.startsWith('s:'))).toEqual(['s:newslett']);
  });
});

describe('one pivot for four languages', () => {
  it.each([
    ['knowledge', 'kennis', 'connaissance', 'viden'],
    ['cooperation', 'samenwerking', 'coopération', 'samarbejde'],
    ['share', 'delen', 'partager', 'deling'],
    ['support', 'ondersteuning', 'soutien', 'støtte'],
  ])('%s / %s / %s / %s', (en, nl, fr, da) => {
    expect(shareMeaning(en, nl, 'en', 'nl')).not.toEqual([]);
    expect(shareMeaning(en, fr, 'en', 'fr')).not.toEqual([]);
    expect(shareMeaning(en, da, 'en', 'da')).not.toEqual([]);
    expect(shareMeaning(nl, da, 'nl', 'da')).not.toEqual([]);
  });
});

describe('language of an answer', () => {
  it.each([
    ['we need more time to share knowledge between members', 'en'],
    ['we moeten meer tijd hebben om kennis te delen', 'nl'],
    ['il faut plus de temps pour partager les connaissances', 'fr'],
    ['vi har brug for mere tid til at dele viden', 'da'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text, lexicon, 'en')).toBe(lang);
    expect(detectLanguage(text, lexicon, lang === 'en' ? 'nl' : 'en')).toBe(lang);
  });
  it('keeps the session language for words every language shares', () => {
    expect(detectLanguage('TikTok!!', lexicon, 'da')).toBe('da');
    expect(detectLanguage('Erasmus+ KA2', lexicon, 'fr')).toBe('fr');
  });
  it('finds no content in function words', () => {
    expect(contentWords('the and of to', 'en')).toEqual([]);
  });
});
