import type { BlockKind, PlanGrouping } from '../../shared/domain/plan.js';
import type { Language } from '../../shared/schemas/primitives.js';

/** The agenda section of the reports (issue 16, items 4 and 5), in the session's language. */
export interface PlanLabels {
  agenda: string;
  note: string;
  block: string;
  planned: string;
  start: string;
  end: string;
  duration: string;
  people: string;
  answers: string;
  notRun: string;
  running: string;
  min: string;
  votes: string;
  jigsaw: string;
  published: string;
  kinds: Record<BlockKind, string>;
  groupings: Record<PlanGrouping, string>;
}

export const PLAN_LABELS: Record<Language, PlanLabels> = {
  en: {
    agenda: 'Agenda: as planned and as run',
    note: 'Times in UTC. People: participants who had joined by the end of the block; answers: written during it.',
    block: 'Block',
    planned: 'Planned',
    start: 'Start',
    end: 'End',
    duration: 'Duration',
    people: 'People',
    answers: 'Answers',
    notRun: 'not run',
    running: 'still running',
    min: 'min',
    votes: 'votes each',
    jigsaw: 'prompts dealt out',
    published: 'shown to everyone',
    kinds: { plenary: 'Plenary', breakout: 'Breakout round', synthesis: 'Synthesis', voting: 'Dot-voting', evaluation: 'Evaluation' },
    groupings: { random: 'random groups', mixed: 'mixed groups', 'new-faces': 'new faces', same: 'same groups', merge: 'groups merged in pairs' },
  },
  nl: {
    agenda: 'Agenda: gepland en verlopen',
    note: 'Tijden in UTC. Mensen: deelnemers die aan het eind van het blok binnen waren; antwoorden: geschreven tijdens het blok.',
    block: 'Blok',
    planned: 'Gepland',
    start: 'Begin',
    end: 'Einde',
    duration: 'Duur',
    people: 'Mensen',
    answers: 'Antwoorden',
    notRun: 'niet gehouden',
    running: 'loopt nog',
    min: 'min',
    votes: 'stemmen elk',
    jigsaw: 'vragen verdeeld',
    published: 'voor iedereen zichtbaar',
    kinds: { plenary: 'Plenair', breakout: 'Breakoutronde', synthesis: 'Synthese', voting: 'Stemmen met stippen', evaluation: 'Evaluatie' },
    groupings: {
      random: 'willekeurige groepen',
      mixed: 'gemengde groepen',
      'new-faces': 'nieuwe gezichten',
      same: 'dezelfde groepen',
      merge: 'groepen per twee samengevoegd',
    },
  },
  fr: {
    agenda: 'Ordre du jour : prévu et réalisé',
    note: 'Heures en UTC. Personnes : participants arrivés avant la fin du bloc ; réponses : écrites pendant le bloc.',
    block: 'Bloc',
    planned: 'Prévu',
    start: 'Début',
    end: 'Fin',
    duration: 'Durée',
    people: 'Personnes',
    answers: 'Réponses',
    notRun: 'non réalisé',
    running: 'en cours',
    min: 'min',
    votes: 'votes chacun',
    jigsaw: 'questions réparties',
    published: 'montrée à tous',
    kinds: { plenary: 'Plénière', breakout: 'Travail en sous-groupes', synthesis: 'Synthèse', voting: 'Vote par gommettes', evaluation: 'Évaluation' },
    groupings: {
      random: 'groupes au hasard',
      mixed: 'groupes mélangés',
      'new-faces': 'nouveaux visages',
      same: 'mêmes groupes',
      merge: 'groupes réunis par deux',
    },
  },
  da: {
    agenda: 'Dagsorden: planlagt og gennemført',
    note: 'Tider i UTC. Personer: deltagere, der var kommet ved blokkens slutning; svar: skrevet i blokken.',
    block: 'Blok',
    planned: 'Planlagt',
    start: 'Start',
    end: 'Slut',
    duration: 'Varighed',
    people: 'Personer',
    answers: 'Svar',
    notRun: 'ikke gennemført',
    running: 'i gang',
    min: 'min',
    votes: 'stemmer hver',
    jigsaw: 'spørgsmål fordelt',
    published: 'vist for alle',
    kinds: { plenary: 'Plenum', breakout: 'Grupperunde', synthesis: 'Opsamling', voting: 'Prioritering med prikker', evaluation: 'Evaluering' },
    groupings: {
      random: 'tilfældige grupper',
      mixed: 'blandede grupper',
      'new-faces': 'nye ansigter',
      same: 'samme grupper',
      merge: 'grupper slået sammen to og to',
    },
  },
};
