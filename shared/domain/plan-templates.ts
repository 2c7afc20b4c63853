import type { Language } from '../schemas/primitives.js';
import type { PlanBlockInput } from './plan.js';

/**
 * Ready-made session plans (issue 16, item 4), next to the ready-made sessions in templates.ts. Block titles come in
 * the session's language; a template gives blocks without ids (the server gives them ids when the plan is set).
 */
export interface PlanTemplate {
  id: string;
  name: Record<Language, string>;
  blocks: (language: Language) => PlanBlockInput[];
}

type Titles = Record<Language, string>;
const min = (n: number) => n * 60;
const titled = (titles: Titles) => (language: Language) => titles[language];

const WELCOME = titled({ en: 'Welcome and introduction', nl: 'Welkom en inleiding', fr: 'Accueil et introduction', da: 'Velkomst og introduktion' });
const SYNTHESIS = titled({ en: 'Synthesis in plenary', nl: 'Synthese in plenaire', fr: 'Synthèse en plénière', da: 'Opsamling i plenum' });
const VOTING = titled({ en: 'Dot-voting', nl: 'Stemmen met stippen', fr: 'Vote par gommettes', da: 'Prioritering med prikker' });
const EVALUATION = titled({ en: 'Evaluation', nl: 'Evaluatie', fr: 'Évaluation', da: 'Evaluering' });
const ROUND = (n: number) => titled({ en: `Breakout round ${n}`, nl: `Breakoutronde ${n}`, fr: `Sous-groupes, tour ${n}`, da: `Gruppearbejde, runde ${n}` });

export const PLAN_TEMPLATES: PlanTemplate[] = [
  {
    id: 'peer-learning',
    name: { en: 'Peer-learning session', nl: 'Peer-learningsessie', fr: 'Session d’apprentissage entre pairs', da: 'Peer-learning-session' },
    blocks: (l) => [
      { kind: 'plenary', title: WELCOME(l), durationSeconds: min(10) },
      { kind: 'breakout', title: ROUND(1)(l), durationSeconds: min(20), grouping: 'new-faces', sizing: null, promptIds: null, jigsaw: false },
      { kind: 'breakout', title: ROUND(2)(l), durationSeconds: min(20), grouping: 'mixed', sizing: null, promptIds: null, jigsaw: false },
      { kind: 'synthesis', title: SYNTHESIS(l), durationSeconds: min(15), publish: true },
      { kind: 'voting', title: VOTING(l), durationSeconds: min(10), votesPerParticipant: 3 },
      { kind: 'evaluation', title: EVALUATION(l), durationSeconds: min(10) },
    ],
  },
  {
    id: '1-2-4-all',
    name: { en: '1-2-4-All', nl: '1-2-4-Allen', fr: '1-2-4-Tous', da: '1-2-4-Alle' },
    blocks: (l) => [
      { kind: 'plenary', title: WELCOME(l), durationSeconds: min(5) },
      {
        kind: 'breakout',
        title: titled({ en: 'In pairs', nl: 'Per twee', fr: 'En binômes', da: 'To og to' })(l),
        durationSeconds: min(5),
        grouping: 'mixed',
        sizing: { by: 'size', size: 2 },
        promptIds: null,
        jigsaw: false,
      },
      {
        kind: 'breakout',
        title: titled({ en: 'In fours', nl: 'Per vier', fr: 'Par quatre', da: 'Fire og fire' })(l),
        durationSeconds: min(10),
        grouping: 'merge',
        sizing: null,
        promptIds: null,
        jigsaw: false,
      },
      { kind: 'synthesis', title: SYNTHESIS(l), durationSeconds: min(15), publish: true },
      { kind: 'voting', title: VOTING(l), durationSeconds: min(5), votesPerParticipant: 3 },
    ],
  },
  {
    id: 'jigsaw',
    name: {
      en: 'Jigsaw: one prompt per group',
      nl: 'Legpuzzel: één vraag per groep',
      fr: 'Puzzle : une question par groupe',
      da: 'Puslespil: ét spørgsmål per gruppe',
    },
    blocks: (l) => [
      { kind: 'plenary', title: WELCOME(l), durationSeconds: min(10) },
      { kind: 'breakout', title: ROUND(1)(l), durationSeconds: min(25), grouping: 'mixed', sizing: null, promptIds: null, jigsaw: true },
      { kind: 'synthesis', title: SYNTHESIS(l), durationSeconds: min(20), publish: true },
      { kind: 'evaluation', title: EVALUATION(l), durationSeconds: min(10) },
    ],
  },
];

export const planTemplateById = (id: string) => PLAN_TEMPLATES.find((t) => t.id === id) ?? null;
