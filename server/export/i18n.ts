import type { Language } from '../../shared/schemas/primitives.js';

/** Headings of the reports, in the session's language. */
export const HEADINGS: Record<
  Language,
  Record<
    | 'report'
    | 'date'
    | 'participants'
    | 'organisations'
    | 'countries'
    | 'prompts'
    | 'synthesis'
    | 'consensus'
    | 'otherThemes'
    | 'otherIdeas'
    | 'summary'
    | 'appendix'
    | 'group'
    | 'groupsRaised'
    | 'votes'
    | 'draft'
    | 'people'
    | 'programme'
    | 'sessions'
    | 'recurring'
    | 'raisedIn',
    string
  >
> = {
  en: {
    report: 'Report',
    date: 'Date',
    participants: 'Who took part',
    organisations: 'Organisations',
    countries: 'Countries and regions',
    prompts: 'Prompts',
    synthesis: 'Synthesis',
    consensus: 'Consensus',
    otherThemes: 'Other themes',
    otherIdeas: 'Other ideas',
    summary: 'Summary',
    appendix: 'Appendix: every group’s answers',
    group: 'Group',
    groupsRaised: 'groups',
    votes: 'votes',
    draft: 'Draft (not yet published)',
    people: 'people',
    programme: 'Programme',
    sessions: 'Sessions',
    recurring: 'Themes that came back in several sessions',
    raisedIn: 'raised in',
  },
  nl: {
    report: 'Verslag',
    date: 'Datum',
    participants: 'Wie nam deel',
    organisations: 'Organisaties',
    countries: 'Landen en regio’s',
    prompts: 'Vragen',
    synthesis: 'Synthese',
    consensus: 'Consensus',
    otherThemes: 'Andere thema’s',
    otherIdeas: 'Andere ideeën',
    summary: 'Samenvatting',
    appendix: 'Bijlage: de antwoorden van elke groep',
    group: 'Groep',
    groupsRaised: 'groepen',
    votes: 'stemmen',
    draft: 'Concept (nog niet gedeeld)',
    people: 'personen',
    programme: 'Programma',
    sessions: 'Sessies',
    recurring: 'Thema’s die in meerdere sessies terugkwamen',
    raisedIn: 'genoemd in',
  },
  fr: {
    report: 'Compte rendu',
    date: 'Date',
    participants: 'Qui a participé',
    organisations: 'Organisations',
    countries: 'Pays et régions',
    prompts: 'Questions',
    synthesis: 'Synthèse',
    consensus: 'Consensus',
    otherThemes: 'Autres thèmes',
    otherIdeas: 'Autres idées',
    summary: 'Résumé',
    appendix: 'Annexe : les réponses de chaque groupe',
    group: 'Groupe',
    groupsRaised: 'groupes',
    votes: 'votes',
    draft: 'Brouillon (pas encore publié)',
    people: 'personnes',
    programme: 'Programme',
    sessions: 'Sessions',
    recurring: 'Thèmes revenus dans plusieurs sessions',
    raisedIn: 'évoqué dans',
  },
  da: {
    report: 'Rapport',
    date: 'Dato',
    participants: 'Hvem deltog',
    organisations: 'Organisationer',
    countries: 'Lande og regioner',
    prompts: 'Spørgsmål',
    synthesis: 'Opsamling',
    consensus: 'Enighed',
    otherThemes: 'Andre temaer',
    otherIdeas: 'Andre idéer',
    summary: 'Sammenfatning',
    appendix: 'Bilag: alle gruppers svar',
    group: 'Gruppe',
    groupsRaised: 'grupper',
    votes: 'stemmer',
    draft: 'Kladde (endnu ikke delt)',
    people: 'personer',
    programme: 'Program',
    sessions: 'Sessioner',
    recurring: 'Temaer, der gik igen i flere sessioner',
    raisedIn: 'nævnt i',
  },
};
export type Headings = (typeof HEADINGS)['en'];
