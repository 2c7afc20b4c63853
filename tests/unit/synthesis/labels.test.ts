import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/schemas/primitives.js';
import { keyPhrase } from '../../../shared/synthesis/label.js';
import { draftSummary } from '../../../shared/synthesis/summary.js';
import { cannotEndLabel, cannotStartLabel, opensClause } from '../../../shared/synthesis/label-words.js';

/** Every content word speaks as much for the theme: the label is then the longest phrase the rules allow. */
const label = (text: string, language: Language, weights: Record<string, number> = {}) =>
  keyPhrase([{ text, language, weightOf: (w) => weights[w] ?? 1 }], language, { en: 'and', nl: 'en', fr: 'et', da: 'og' }[language], () => null);
const words = (s: string) => s.toLowerCase().split(/\s+/);

describe('theme labels read as phrases, in each language', () => {
  it.each([
    // [language, answer, a word the label must not end with]
    ['en', 'we build members’ confidence', 'members’'],
    ['en', 'partners we can turn to for', 'for'],
    ['nl', 'Lokaal bestuur neemt', 'neemt'],
    ['nl', 'een gemeente die echt de kar trekt', 'trekt'],
    ['fr', 'Porte le projet en interne chez', 'chez'],
    ['fr', 'la relation humaine avant', 'avant'],
    ['da', 'Politikerne skifter hvert', 'hvert'],
    ['da', 'kagen virker', 'virker'],
  ] as const)('%s: “%s” gives no label ending with “%s”', (lang, text, bad) => {
    const got = words(label(text, lang));
    expect(got.at(-1)).not.toBe(bad);
    expect(cannotStartLabel(got[0], lang)).toBe(false);
    expect(cannotEndLabel(got.at(-1)!, lang)).toBe(false);
  });

  it.each([
    ['en', 'tagging partner orgs so posts travel further', 'so'],
    ['nl', 'een plek waar je terechtkan met vragen', 'waar'],
    ['fr', 'les compétences qu’ils cherchent parce que le patron attend', 'parce'],
    ['da', 'gratis lokaler hvis foreningen betaler strøm', 'hvis'],
  ] as const)('%s: a label does not run across a word that opens a clause (“%s”)', (lang, text, clauseWord) => {
    expect(opensClause(clauseWord, lang)).toBe(true);
    expect(words(label(text, lang))).not.toContain(clauseWord);
  });

  it('when one word alone speaks for the theme, takes it with a content word beside it, not the word alone', () => {
    // "together" meets "samen" across languages; "lobby" meets "lobbyen" only by its letters, which labels ignore.
    expect(label('We lobby together, alone we are too small', 'en', { lobby: 0, alone: 0, small: 0 })).toBe('Lobby together');
  });

  it('may start with a verb, says no word twice, and is 2 to 6 whole words', () => {
    expect(label('give members energy and inspiration', 'en')).toBe('Give members energy and inspiration');
    expect(words(label('time time time, no budget either', 'en'))).not.toEqual(['time', 'time', 'time']);
    const long = label('shared regional funding applications written together across borders every single spring', 'en');
    expect(words(long).length).toBeGreaterThanOrEqual(2);
    expect(words(long).length).toBeLessThanOrEqual(6);
  });
});

describe('labels inside the summary', () => {
  it('start lower-case in the sentence, except names and acronyms', () => {
    const theme = (label: string) => ({ label, groupCount: 2, consensus: true, answerCount: 2 });
    const summary = draftSummary({
      language: 'en',
      groupsAnswering: 3,
      themes: ['Share knowledge', 'LinkedIn connections', 'FB groups'].map(theme),
      otherIdeas: 0,
    });
    expect(summary).toContain('share knowledge (2 of 3 groups)');
    expect(summary).toContain('LinkedIn connections (2 of 3 groups)');
    expect(summary).toContain('FB groups (2 of 3 groups)');
  });
});
