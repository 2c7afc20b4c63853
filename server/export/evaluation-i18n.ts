import type { Language } from '../../shared/schemas/primitives.js';

/** The evaluation section of the reports (issue 16, items 2 and 5), in the session's (or programme's) language. */
export interface EvaluationLabels {
  evaluation: string;
  note: string;
  stillOpen: string;
  responses: string;
  average: string;
  outOf: string;
  distribution: string;
  themes: string;
  noThemes: string;
  allAnswers: string;
  trend: string;
  trendNote: string;
  date: string;
  session: string;
}

export const EVALUATION_LABELS: Record<Language, EvaluationLabels> = {
  en: {
    evaluation: 'Evaluation',
    note: 'Anonymous: answers were given without names, one per participant. Themes grouped by the synthesis engine.',
    stillOpen: 'The evaluation was still open when this report was made.',
    responses: 'Responses',
    average: 'Average rating',
    outOf: 'out of 5',
    distribution: 'Ratings',
    themes: 'Themes',
    noThemes: 'No shared themes yet.',
    allAnswers: 'All answers',
    trend: 'Evaluation across the sessions',
    trendNote: 'Average rating per session (1 to 5), in date order.',
    date: 'Date',
    session: 'Session',
  },
  nl: {
    evaluation: 'Evaluatie',
    note: 'Anoniem: de antwoorden zijn zonder naam gegeven, één per deelnemer. Thema’s gegroepeerd door de synthese.',
    stillOpen: 'De evaluatie was nog open toen dit verslag werd gemaakt.',
    responses: 'Antwoorden',
    average: 'Gemiddelde score',
    outOf: 'op 5',
    distribution: 'Scores',
    themes: 'Thema’s',
    noThemes: 'Nog geen gedeelde thema’s.',
    allAnswers: 'Alle antwoorden',
    trend: 'Evaluatie over de sessies',
    trendNote: 'Gemiddelde score per sessie (1 tot 5), op datum.',
    date: 'Datum',
    session: 'Sessie',
  },
  fr: {
    evaluation: 'Évaluation',
    note: 'Anonyme : réponses données sans nom, une par participant. Thèmes regroupés par la synthèse.',
    stillOpen: 'L’évaluation était encore ouverte au moment de ce rapport.',
    responses: 'Réponses',
    average: 'Note moyenne',
    outOf: 'sur 5',
    distribution: 'Notes',
    themes: 'Thèmes',
    noThemes: 'Pas encore de thème commun.',
    allAnswers: 'Toutes les réponses',
    trend: 'L’évaluation au fil des sessions',
    trendNote: 'Note moyenne par session (de 1 à 5), par date.',
    date: 'Date',
    session: 'Session',
  },
  da: {
    evaluation: 'Evaluering',
    note: 'Anonym: svarene er givet uden navn, ét pr. deltager. Temaer grupperet af syntesen.',
    stillOpen: 'Evalueringen var stadig åben, da rapporten blev lavet.',
    responses: 'Svar',
    average: 'Gennemsnitlig vurdering',
    outOf: 'ud af 5',
    distribution: 'Vurderinger',
    themes: 'Temaer',
    noThemes: 'Ingen fælles temaer endnu.',
    allAnswers: 'Alle svar',
    trend: 'Evaluering på tværs af sessionerne',
    trendNote: 'Gennemsnitlig vurdering pr. session (1 til 5), efter dato.',
    date: 'Dato',
    session: 'Session',
  },
};
