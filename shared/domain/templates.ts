import type { Language } from '../schemas/primitives.js';

export interface SessionTemplate {
  id: string;
  title: Record<Language, string>;
  description: Record<Language, string>;
  prompts: Record<Language, string[]>;
}

/** Ready-made sessions. The prompts come in the session's language. */
export const TEMPLATES: SessionTemplate[] = [
  {
    id: 'core-drives',
    title: {
      en: 'The core drives of a network',
      nl: 'De drijfveren van een netwerk',
      fr: "Les moteurs d'un réseau",
      da: 'Et netværks drivkræfter',
    },
    description: {
      en: 'Why do we build networks, how do they work, and what should they do for their members?',
      nl: 'Waarom bouwen we netwerken, hoe werken ze en wat moeten ze voor hun leden doen?',
      fr: 'Pourquoi construire des réseaux, comment fonctionnent-ils et que doivent-ils faire pour leurs membres ?',
      da: 'Hvorfor bygger vi netværk, hvordan fungerer de, og hvad skal de gøre for deres medlemmer?',
    },
    prompts: {
      en: ['Why a network?', 'How does a network work?', 'What should a network do?'],
      nl: ['Waarom een netwerk?', 'Hoe werkt een netwerk?', 'Wat moet een netwerk doen?'],
      fr: ['Pourquoi un réseau ?', 'Comment fonctionne un réseau ?', 'Que doit faire un réseau ?'],
      da: ['Hvorfor et netværk?', 'Hvordan fungerer et netværk?', 'Hvad skal et netværk gøre?'],
    },
  },
  {
    id: 'good-practices',
    title: {
      en: 'Exchanging good practices',
      nl: 'Goede praktijken uitwisselen',
      fr: 'Échanger des bonnes pratiques',
      da: 'Udveksling af god praksis',
    },
    description: {
      en: 'What works in our organisations, what got in the way, and what we will try next.',
      nl: 'Wat werkt in onze organisaties, wat zat in de weg en wat proberen we hierna.',
      fr: 'Ce qui marche dans nos organisations, ce qui a bloqué, et ce que nous essaierons ensuite.',
      da: 'Hvad virker i vores organisationer, hvad stod i vejen, og hvad prøver vi nu.',
    },
    prompts: {
      en: ['What works well in your organisation?', 'What got in the way?', 'What will you try next?'],
      nl: ['Wat werkt goed in jullie organisatie?', 'Wat zat in de weg?', 'Wat gaan jullie hierna proberen?'],
      fr: ['Qu’est-ce qui fonctionne bien dans votre organisation ?', 'Qu’est-ce qui a bloqué ?', 'Qu’allez-vous essayer ensuite ?'],
      da: ['Hvad fungerer godt i jeres organisation?', 'Hvad stod i vejen?', 'Hvad vil I prøve nu?'],
    },
  },
];

export const templateById = (id: string) => TEMPLATES.find((t) => t.id === id) ?? null;
