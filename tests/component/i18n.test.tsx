import { describe, expect, it } from 'vitest';
import { MESSAGES, pickLanguage, translate } from '../../client/i18n/index.js';
import { en } from '../../client/i18n/en.js';
import { describeError, describeRefusal } from '../../client/errors.js';
import { programmeLanguage } from '../../client/features/coordinate/Dashboard.js';

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

  it('formats numbers per locale and picks the interface language: chosen, then browser, then session', () => {
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
    expect(pickLanguage(null, null, ['de-DE', 'da-DK'])).toBe('da');
    expect(pickLanguage(null, null, ['de-DE'])).toBe('en');
  });

  it('a browser the app speaks wins over the session; a browser it does not speak falls back to the session', () => {
    expect(pickLanguage(null, 'nl', ['fr-FR', 'en'])).toBe('fr');
    expect(pickLanguage(null, 'nl', ['ro-RO'])).toBe('nl');
    expect(pickLanguage(null, 'nl', [])).toBe('nl');
    expect(pickLanguage('da', 'nl', ['fr-FR'])).toBe('da');
    expect(pickLanguage('xx', 'nl', ['ro-RO', 'en-GB'])).toBe('en');
  });

  it('says what was refused and why, in every language', () => {
    const closed = { code: 'closed', message: 'This session is closed' };
    expect(describeRefusal('en', { type: 'answer.add', error: closed })).toBe('Not saved: the session is closed');
    expect(describeRefusal('fr', { type: 'answer.add', error: closed })).toBe('Non enregistré : la session est close');
    expect(describeRefusal('da', { type: 'vote.retract', error: closed })).toBe('Din stemme blev ikke trukket tilbage: sessionen er lukket');
    expect(describeRefusal('en', { type: 'group.signal', error: { code: 'conflict', message: 'Voting is not open.' } })).toBe('Not done: voting is not open');
    expect(describeRefusal('nl', { type: 'answer.edit', error: { code: 'something_new', message: 'x' } })).toBe('Niet bewaard: de server weigerde het');
  });

  it('a new session in a programme takes the programme’s language, not the coordinator’s interface', () => {
    const programme = { name: 'P', description: null, organisers: [] };
    const session = {
      sessionId: 's',
      title: 'T',
      date: null,
      status: 'lobby',
      facilitators: 1,
      participants: 0,
      byOrganisation: {},
      byCountry: {},
      groups: 0,
      answers: 0,
    };
    expect(programmeLanguage({ programme: { ...programme, languages: ['nl'] }, sessions: [], recurringThemes: [] }, 'en')).toBe('nl');
    expect(programmeLanguage({ programme, sessions: [{ ...session, language: 'da' }], recurringThemes: [] }, 'en')).toBe('da');
    expect(programmeLanguage({ programme, sessions: [], recurringThemes: [] }, 'fr')).toBe('fr');
  });
});
