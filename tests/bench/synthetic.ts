import type { SynthesisInput } from '../../shared/synthesis/index.js';

/** Word sets a session's themes are made of, per language (a bench fixture, not engine knowledge). */
const THEMES: Record<SynthesisInput['language'], string[][]> = {
  en: [
    ['lobby', 'advocacy', 'voice', 'policy', 'politicians'],
    ['funding', 'grants', 'money', 'budget', 'subsidies'],
    ['knowledge', 'sharing', 'experience', 'learning', 'methods'],
    ['visibility', 'media', 'recognition', 'image', 'profile'],
    ['support', 'help', 'coaching', 'advice', 'guidance'],
    ['meeting', 'events', 'coffee', 'informal', 'community'],
    ['training', 'courses', 'skills', 'workshops', 'webinars'],
    ['volunteers', 'recruitment', 'retention', 'burnout', 'time'],
  ],
  nl: [
    ['lobby', 'belangen', 'stem', 'beleid', 'politiek'],
    ['financiering', 'subsidies', 'geld', 'budget', 'middelen'],
    ['kennis', 'delen', 'ervaring', 'leren', 'methodes'],
    ['zichtbaarheid', 'media', 'erkenning', 'imago', 'bekendheid'],
    ['steun', 'hulp', 'begeleiding', 'advies', 'coaching'],
    ['ontmoeten', 'bijeenkomsten', 'koffie', 'informeel', 'gemeenschap'],
    ['opleiding', 'cursussen', 'vaardigheden', 'workshops', 'webinars'],
    ['vrijwilligers', 'werving', 'behoud', 'burnout', 'tijd'],
  ],
  fr: [
    ['lobby', 'plaidoyer', 'voix', 'politique', 'élus'],
    ['financement', 'subventions', 'argent', 'budget', 'fonds'],
    ['connaissances', 'partage', 'expérience', 'apprendre', 'méthodes'],
    ['visibilité', 'médias', 'reconnaissance', 'image', 'notoriété'],
    ['soutien', 'aide', 'accompagnement', 'conseil', 'appui'],
    ['rencontres', 'événements', 'café', 'informel', 'communauté'],
    ['formation', 'cours', 'compétences', 'ateliers', 'webinaires'],
    ['bénévoles', 'recrutement', 'fidélisation', 'épuisement', 'temps'],
  ],
  da: [
    ['lobby', 'interesser', 'stemme', 'politik', 'politikere'],
    ['finansiering', 'tilskud', 'penge', 'budget', 'midler'],
    ['viden', 'deling', 'erfaring', 'læring', 'metoder'],
    ['synlighed', 'medier', 'anerkendelse', 'omdømme', 'kendskab'],
    ['støtte', 'hjælp', 'vejledning', 'rådgivning', 'sparring'],
    ['møder', 'arrangementer', 'kaffe', 'uformelt', 'fællesskab'],
    ['uddannelse', 'kurser', 'kompetencer', 'workshops', 'webinarer'],
    ['frivillige', 'rekruttering', 'fastholdelse', 'udbrændthed', 'tid'],
  ],
};

/**
 * A large session for timing the synthesis: answers built from the concept vocabulary and filler words,
 * spread over 3 prompts and groups of 8 answers, deterministic for a seed.
 */
export function syntheticSession(answers: number, language: SynthesisInput['language'] = 'en', seed = 1): SynthesisInput {
  let x = seed >>> 0;
  const rnd = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  const vocab = THEMES[language];
  const filler = ['our', 'members', 'more', 'better', 'local', 'regional', 'partners', 'together', 'every', 'year', 'small', 'organisations'];
  const prompts = [0, 1, 2].map((i) => ({ id: `p${i}`, text: `Prompt ${i}` }));
  const groups = Math.max(2, Math.ceil(answers / 8));
  return {
    language,
    prompts,
    answers: Array.from({ length: answers }, (_, i) => {
      const words = vocab[Math.floor(rnd() * vocab.length)];
      const text = [0, 1, 2, 3, 4, 5].map((k) => (k % 2 ? filler[Math.floor(rnd() * filler.length)] : words[Math.floor(rnd() * words.length)])).join(' ');
      return { id: `a${i}`, promptId: prompts[i % 3].id, groupId: `g${Math.floor(rnd() * groups)}`, text };
    }),
  };
}
