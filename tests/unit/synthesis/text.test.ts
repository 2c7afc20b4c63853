import { describe, expect, it } from 'vitest';
import { charGrams, contentStems, words } from '../../../shared/synthesis/text.js';

describe('language-aware text handling', () => {
  it.each([
    ['fr', "L'économie sociale et l’accès aux financements", ['économie', 'sociale', 'et', 'accès', 'aux', 'financements']],
    ['en', "Members' voice — don't forget it!", ['members', 'voice', 'dont', 'forget', 'it']],
    ['nl', 'Kennisdeling tussen vzw’s, 3 keer per jaar', ['kennisdeling', 'tussen', 'vzws', 'keer', 'per', 'jaar']],
    ['da', 'Vidensdeling på tværs af netværket', ['vidensdeling', 'på', 'tværs', 'af', 'netværket']],
  ] as const)('segments %s words, drops elisions and numbers', (_lang, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['en', 'Representing members and negotiating contracts', ['repres', 'member', 'negoti', 'contract']],
    ['nl', 'De netwerken ondersteunen hun leden', ['ondersteun', 'led']],
    ['fr', 'Les réseaux soutiennent leurs membres', ['soutiennent', 'membr']],
    ['da', 'Netværkerne støtter medlemmerne', ['netværk', 'støt', 'medlem']],
  ] as const)('stems %s content words without stopwords', (lang, text, expected) => {
    expect(contentStems(text, lang)).toEqual(expected);
  });

  it('letter grams tie a typo to its word', () => {
    const typo = new Set(charGrams(contentStems('visibilty', 'en')));
    const right = charGrams(contentStems('visibility', 'en'));
    expect(right.filter((g) => typo.has(g)).length).toBeGreaterThanOrEqual(3);
  });
});
