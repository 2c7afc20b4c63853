import { describe, expect, it } from 'vitest';
import { MESSAGES, pickLanguage, translate } from '../../client/i18n/index.js';
import { en } from '../../client/i18n/en.js';
import { describeError } from '../../client/errors.js';

describe('translations', () => {
  it.each(['nl', 'fr', 'da'] as const)('%s has every key English has, and nothing empty', (lang) => {
    const missing = Object.keys(en).filter((k) => !(k in MESSAGES[lang]) || !MESSAGES[lang][k as keyof typeof en].trim());
    expect(missing).toEqual([]);
  });

  it.each(['nl', 'fr', 'da'] as const)('%s keeps every {placeholder} of the English text', (lang) => {
    for (const [key, text] of Object.entries(en)) {
      const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
      expect((MESSAGES[lang][key as keyof typeof en].match(/\{\w+\}/g) ?? []).sort(), `${lang}.${key}`).toEqual(wanted);
    }
  });

  it('formats numbers per locale and picks the language: chosen, then session, then browser', () => {
    expect(translate('da', 'people', { n: 1234 })).toBe('1.234 personer');
    expect(translate('en', 'people', { n: 1234 })).toBe('1,234 people');
    expect(pickLanguage('fr', 'nl', ['da-DK'])).toBe('fr');
  });

  it('tells server errors in the reader’s language (English keeps the server’s own sentence)', () => {
    const throttled = { code: 'rate_limited', message: 'Too many messages: wait 3 s', details: { retryAfterSeconds: 3 } };
    expect(describeError('en', throttled)).toBe('Too many messages: wait 3 s');
    expect(describeError('nl', throttled)).toBe('Te veel tegelijk: wacht 3 s en probeer opnieuw.');
    expect(describeError('da', { code: 'closed', message: 'This session is closed' })).toBe('Sessionen er lukket: den kan læses, ikke ændres.');
    expect(describeError('fr', { code: 'something_new', message: 'Unforeseen' })).toBe('Unforeseen');
  });

  it('picks singular or plural by each language’s rules', () => {
    expect(translate('en', 'answersCount', { n: 1 })).toBe('1 answer');
    expect(translate('en', 'answersCount', { n: 0 })).toBe('0 answers');
    expect(translate('fr', 'answersCount', { n: 0 })).toBe('0 réponse');
    expect(translate('nl', 'people', { n: 1 })).toBe('1 persoon');
    expect(translate('da', 'votesLeft', { n: 1 })).toBe('1 stemme tilbage');
    expect(translate('da', 'votesLeft', { n: 2 })).toBe('2 stemmer tilbage');
    expect(pickLanguage(null, 'nl', ['da-DK'])).toBe('nl');
    expect(pickLanguage(null, null, ['de-DE', 'da-DK'])).toBe('da');
    expect(pickLanguage(null, null, ['de-DE'])).toBe('en');
  });
});
