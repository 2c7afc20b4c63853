import type { Language } from '../schemas/primitives.js';
import { stemmerFor } from './text.js';

/**
 * What networks talk about, in the four languages: words that mean the same thing to a facilitator even
 * when they share no letters ("lobby", "advocacy", "speak with one voice"). A concept shared by two answers
 * counts like a shared word, which is what lets paraphrases meet. Extend it freely: a word per line of thought.
 */
export const CONCEPTS: Record<string, Partial<Record<Language, string[]>>> = {
  advocacy: {
    en: ['represent', 'representation', 'advocacy', 'advocate', 'lobby', 'lobbying', 'voice', 'defend', 'interests', 'interest', 'politicians', 'policy', 'policymakers', 'speak', 'ministry', 'ministries', 'legislation', 'law'],
    nl: ['vertegenwoordigen', 'belangenbehartiging', 'lobby', 'lobbyen', 'stem', 'verdedigen', 'belangen', 'politiek', 'beleid', 'beleidsmakers', 'spreekbuis', 'ministerie', 'wetgeving', 'regering'],
    fr: ['représenter', 'représentation', 'plaidoyer', 'lobby', 'lobbying', 'voix', 'défendre', 'intérêts', 'politiques', 'politique', 'porte-parole', 'ministère', 'ministères', 'législation', 'loi', 'parole', 'interlocuteur', 'peser'],
    da: ['repræsentere', 'repræsentation', 'interessevaretagelse', 'lobby', 'lobbyisme', 'stemme', 'forsvare', 'interesser', 'politikere', 'politik', 'ministeriet', 'ministerier', 'lovgivning', 'lovgivningen'],
  },
  visibility: {
    en: ['visibility', 'visible', 'seen', 'recognition', 'recognised', 'recognized', 'media', 'image', 'profile', 'spotlight', 'showcase', 'promote', 'known'],
    nl: ['zichtbaarheid', 'zichtbaar', 'erkenning', 'erkend', 'bekend', 'media', 'imago', 'bekendheid', 'naambekendheid', 'bekendmaken'],
    fr: ['visibilité', 'visible', 'reconnaissance', 'reconnu', 'reconnus', 'connu', 'médias', 'image', 'notoriété', 'connaître', 'faire connaître'],
    da: ['synlighed', 'synlig', 'anerkendelse', 'anerkendt', 'kendt', 'medier', 'omdømme', 'kendskab', 'offentligheden'],
  },
  support: {
    en: ['support', 'help', 'backup', 'back', 'coaching', 'coach', 'assist', 'assistance', 'advice', 'struggle', 'guidance', 'backup', 'backs'],
    nl: ['steun', 'ondersteuning', 'ondersteunen', 'helpen', 'hulp', 'coaching', 'begeleiding', 'advies', 'alleen', 'bijstand'],
    fr: ['soutien', 'soutenir', 'aide', 'aider', 'accompagnement', 'accompagner', 'conseil', 'seul', 'seuls', 'appui'],
    da: ['støtte', 'hjælp', 'hjælpe', 'rådgivning', 'vejledning', 'coaching', 'alene', 'bistand', 'sparring'],
  },
  negotiation: {
    en: ['negotiate', 'negotiating', 'negotiation', 'bargaining', 'contracts', 'conditions', 'leverage', 'power'],
    nl: ['onderhandelen', 'onderhandeling', 'onderhandelingsmacht', 'contracten', 'voorwaarden', 'slagkracht'],
    fr: ['négocier', 'négociation', 'contrats', 'conditions', 'poids', 'rapport'],
    da: ['forhandle', 'forhandling', 'forhandlingsstyrke', 'kontrakter', 'vilkår', 'indflydelse'],
  },
  knowledge: {
    en: ['expertise', 'know-how', 'knowhow', 'knowledge', 'experience', 'learn', 'learning', 'methods', 'tools', 'exchange', 'share', 'sharing', 'pool', 'experts', 'peer'],
    nl: ['expertise', 'kennis', 'knowhow', 'ervaring', 'ervaringen', 'leren', 'methodes', 'tools', 'uitwisseling', 'uitwisselen', 'delen', 'kennisdeling', 'intervisie'],
    fr: ['expertise', 'savoir-faire', 'connaissances', 'expérience', 'expériences', 'apprendre', 'méthodes', 'outils', 'échange', 'échanger', 'partage', 'partager'],
    da: ['ekspertise', 'viden', 'knowhow', 'erfaring', 'erfaringer', 'lære', 'metoder', 'værktøjer', 'udveksling', 'udveksle', 'dele', 'vidensdeling', 'erfagruppe', 'erfagrupper', 'erfa'],
  },
  funding: {
    en: ['funding', 'funds', 'finance', 'financing', 'money', 'loans', 'investors', 'banks', 'subsidies', 'grants', 'budget', 'esf', 'funders'],
    nl: ['financiering', 'geld', 'middelen', 'subsidie', 'subsidies', 'projectsubsidies', 'budget', 'begroting', 'leningen', 'investeerders', 'banken'],
    fr: ['financement', 'financements', 'argent', 'fonds', 'subventions', 'budget', 'prêts', 'investisseurs', 'banques', 'financeurs'],
    da: ['finansiering', 'penge', 'midler', 'tilskud', 'budget', 'lån', 'investorer', 'banker', 'fonde', 'bevillinger', 'pulje', 'puljer'],
  },
  practices: {
    en: ['practice', 'practices', 'examples', 'example', 'showcase', 'awards', 'copy', 'works', 'visits', 'inspiration', 'inspire'],
    nl: ['praktijk', 'praktijken', 'voorbeelden', 'voorbeeld', 'inspiratie', 'inspireren', 'aanpak', 'aanpakken'],
    fr: ['pratique', 'pratiques', 'exemples', 'exemple', 'inspiration', 'inspirer', 'visites'],
    da: ['praksis', 'eksempler', 'eksempel', 'inspiration', 'inspirere', 'besøg'],
  },
  stakeholders: {
    en: ['stakeholders', 'players', 'actors', 'partners', 'government', 'authorities', 'unions', 'map'],
    nl: ['stakeholders', 'actoren', 'spelers', 'partners', 'overheid', 'overheden'],
    fr: ['parties', 'prenantes', 'acteurs', 'partenaires', 'autorités', 'pouvoirs'],
    da: ['interessenter', 'aktører', 'partnere', 'myndigheder', 'myndighederne'],
  },
  meeting: {
    en: ['meet', 'meeting', 'connect', 'networking', 'events', 'informal', 'space', 'drinks', 'social', 'together', 'community', 'coffee', 'afterwork', 'party', 'get-together'],
    nl: ['ontmoeten', 'ontmoeting', 'netwerkmoment', 'kennismaking', 'kennen', 'informeel', 'samenbrengen', 'verbinden', 'koffie', 'elkaar', 'borrel', 'gezellig', 'afterwork'],
    fr: ['rencontrer', 'rencontre', 'rencontres', 'convivialité', 'informel', 'espace', 'événements', 'ensemble', 'communauté', 'convivial', 'conviviaux', 'conviviale', 'afterwork', 'apéro', 'café', 'informelles', 'informels'],
    da: ['mødes', 'møde', 'møder', 'netværksmøder', 'uformel', 'uformelt', 'rum', 'arrangementer', 'sammen', 'fællesskab', 'hygge', 'hyggelig', 'hyggelige', 'kaffe', 'fredagsbar', 'uformelle'],
  },
  dialogue: {
    en: ['dialogue', 'dialog', 'communication', 'listen', 'consultation', 'consult', 'surveys', 'feedback', 'two-way', 'ask', 'assembly', 'governance', 'heard', 'involve', 'involvement', 'participatory'],
    nl: ['dialoog', 'communicatie', 'luisteren', 'bevragen', 'bevraging', 'overleg', 'inspraak', 'feedback', 'ledenvergadering', 'algemene vergadering', 'gehoord', 'betrekken', 'bestuur'],
    fr: ['dialogue', 'communication', 'écouter', 'écoute', 'consultation', 'consulter', 'enquêtes', 'concertation', 'assemblée', 'gouvernance', 'exprimer', 'entendu', 'entendus', 'associer'],
    da: ['dialog', 'kommunikation', 'lytte', 'høring', 'inddragelse', 'spørge', 'feedback', 'generalforsamling', 'generalforsamlingen', 'hørt', 'høres', 'inddrage', 'medbestemmelse'],
  },
  decisions: {
    en: ['decision', 'decisions', 'decision-making', 'decision-makers', 'policy-making', 'table', 'influence', 'participate'],
    nl: ['beslissingen', 'besluitvorming', 'beslissers', 'inspraak', 'tafel', 'invloed', 'participatie', 'beïnvloeden'],
    fr: ['décision', 'décisions', 'décideurs', 'table', 'influence', 'participer', 'participation'],
    da: ['beslutning', 'beslutninger', 'beslutningstagere', 'indflydelse', 'bordet', 'deltage', 'deltagelse', 'påvirke'],
  },
  empowerment: {
    en: ['empower', 'empowerment', 'strengthen', 'stronger', 'capacity', 'confidence', 'energy', 'motivate'],
    nl: ['versterken', 'sterker', 'empowerment', 'zelfvertrouwen', 'energie', 'motiveren'],
    fr: ['renforcer', 'autonomiser', 'autonomisation', 'capacités', 'confiance', 'énergie', 'motiver'],
    da: ['styrke', 'stærkere', 'empowerment', 'selvtillid', 'energi', 'motivere', 'kapacitet'],
  },
  training: {
    en: ['training', 'trainings', 'courses', 'workshops', 'skills', 'education', 'train', 'upskilling', 'upskill'],
    nl: ['opleiding', 'opleidingen', 'vorming', 'workshops', 'vaardigheden', 'cursussen', 'bijscholing', 'opleiden'],
    fr: ['formation', 'formations', 'ateliers', 'compétences', 'cours', 'former', 'formateurs'],
    da: ['uddannelse', 'kurser', 'træning', 'workshops', 'kompetencer', 'efteruddannelse', 'kursus', 'opkvalificering', 'uddanne', 'dygtigere'],
  },
  vulnerable: {
    en: ['vulnerable', 'disadvantaged', 'unemployed', 'jobseekers', 'beneficiaries', 'target', 'people', 'inclusion', 'newcomers'],
    nl: ['kwetsbare', 'kwetsbaar', 'werkzoekenden', 'doelgroep', 'nieuwkomers', 'inclusie', 'kansengroepen'],
    fr: ['vulnérables', 'défavorisés', 'chômeurs', 'demandeurs', 'bénéficiaires', 'public', 'inclusion', 'nouveaux'],
    da: ['sårbare', 'udsatte', 'ledige', 'målgruppe', 'målgruppen', 'nytilkomne', 'inklusion'],
  },
  coordination: {
    en: ['coordinator', 'coordinate', 'lead', 'leadership', 'driver', 'steering', 'ownership'],
    nl: ['trekker', 'coördinator', 'coördineren', 'regie', 'regierol', 'kar', 'trekken', 'leiding'],
    fr: ['coordinateur', 'coordination', 'coordonner', 'pilote', 'piloter', 'leadership', 'moteur'],
    da: ['koordinator', 'koordinere', 'tovholder', 'ledelse', 'styring', 'drivkraft'],
  },
  awareness: {
    en: ['awareness', 'aware', 'challenges', 'problems', 'difficulties', 'issues', 'campaigns', 'campaign', 'explain', 'inform'],
    nl: ['bewustzijn', 'bewustmaking', 'sensibiliseren', 'sensibilisering', 'uitdagingen', 'problemen', 'moeilijkheden', 'campagne', 'uitleggen', 'informeren'],
    fr: ['sensibiliser', 'sensibilisation', 'défis', 'problèmes', 'difficultés', 'enjeux', 'campagne', 'campagnes', 'expliquer', 'informer'],
    da: ['bevidsthed', 'opmærksomhed', 'udfordringer', 'problemer', 'vanskeligheder', 'kampagne', 'kampagner', 'forklare', 'informere'],
  },
  assets: {
    en: ['assets', 'strengths', 'skills', 'talents', 'capacities', 'valorise', 'leverage', 'build'],
    nl: ['troeven', 'sterktes', 'talenten', 'vaardigheden', 'capaciteiten', 'valoriseren', 'benutten', 'voortbouwen'],
    fr: ['atouts', 'forces', 'talents', 'compétences', 'valoriser', 'capitaliser', 'ressources'],
    da: ['styrker', 'aktiver', 'talenter', 'kompetencer', 'ressourcer', 'udnytte', 'bygge'],
  },
  innovation: {
    en: ['innovate', 'innovation', 'innovative', 'solutions', 'solution', 'answers', 'new', 'experiment'],
    nl: ['innoveren', 'innovatie', 'innovatief', 'oplossingen', 'oplossing', 'nieuwe', 'experimenteren'],
    fr: ['innover', 'innovation', 'innovant', 'solutions', 'solution', 'réponses', 'nouvelles', 'expérimenter'],
    da: ['innovere', 'innovation', 'innovativ', 'løsninger', 'løsning', 'svar', 'nye', 'eksperimentere'],
  },
  application: {
    en: ['application', 'proposal', 'apply', 'submit', 'dossier', 'writing', 'write', 'deadline', 'template', 'criteria'],
    nl: ['aanvraag', 'projectvoorstel', 'voorstel', 'dossier', 'indienen', 'schrijven', 'uitschrijven', 'schrijfhulp', 'deadline', 'sjablonen', 'criteria', 'projectplan'],
    fr: ['candidature', 'proposition', 'dossier', 'déposer', 'soumettre', 'rédiger', 'rédaction', 'échéance', 'modèles', 'critères'],
    da: ['ansøgning', 'ansøge', 'projektforslag', 'forslag', 'indsende', 'skrive', 'skrivehjælp', 'frist', 'skabeloner', 'kriterier'],
  },
  engagement: {
    en: ['convince', 'enthusiasm', 'enthusiastic', 'engage', 'engagement', 'commitment', 'motivate', 'board', 'mobilise'],
    nl: ['overtuigen', 'enthousiasme', 'enthousiast', 'enthousiasmeren', 'engagement', 'betrokkenheid', 'motiveren', 'warm', 'mobiliseren'],
    fr: ['convaincre', 'enthousiasme', 'enthousiaste', 'engager', 'engagement', 'mobiliser', 'motiver', 'adhésion'],
    da: ['overbevise', 'entusiasme', 'engagere', 'engagement', 'motivere', 'mobilisere', 'opbakning'],
  },
  employment: {
    en: ['job', 'jobs', 'employment', 'employable', 'employers', 'labour', 'labor', 'hiring', 'recruitment', 'placement', 'placements'],
    nl: ['job', 'jobs', 'werk', 'tewerkstelling', 'werkgelegenheid', 'arbeidsmarkt', 'werkgevers', 'aanwerving', 'doorstroom', 'vacatures'],
    fr: ['emploi', 'emplois', 'embauche', 'recrutement', 'débouchés', 'travail', 'employeurs'],
    da: ['job', 'jobs', 'beskæftigelse', 'arbejdsmarkedet', 'arbejdsmarked', 'ansættelse', 'arbejdsgivere', 'praktik'],
  },
  vision: {
    en: ['vision', 'goals', 'shared', 'common', 'mission', 'future', 'strategy', 'story'],
    nl: ['visie', 'doelen', 'gedeelde', 'gemeenschappelijke', 'toekomstbeeld', 'verhaal', 'missie', 'strategie'],
    fr: ['vision', 'objectifs', 'commune', 'communs', 'mission', 'avenir', 'stratégie', 'récit'],
    da: ['vision', 'mål', 'fælles', 'mission', 'fremtid', 'strategi', 'fortælling'],
  },
};

const byLanguage = new Map<Language, Map<string, string[]>>();

/** stem → concept ids, for one language (built once, from the surface words above). */
export function conceptIndex(lang: Language): Map<string, string[]> {
  let index = byLanguage.get(lang);
  if (index) return index;
  index = new Map();
  const stemmer = stemmerFor(lang);
  for (const [concept, wordsByLang] of Object.entries(CONCEPTS)) {
    for (const phrase of wordsByLang[lang] ?? []) {
      for (const w of phrase.toLowerCase().split(/[\s-]+/)) {
        if (w.length < 3) continue;
        const stem = stemmer.stem(w);
        const list = index.get(stem) ?? [];
        if (!list.includes(concept)) list.push(concept);
        index.set(stem, list);
      }
    }
  }
  byLanguage.set(lang, index);
  return index;
}

const compoundCache = new Map<string, string[]>();

/** Concepts in a list of stems; long stems also match inside compounds (Dutch, Danish: "projectsubsidies"). */
export function conceptsOf(stems: string[], lang: Language): string[] {
  const index = conceptIndex(lang);
  const found = new Set<string>();
  for (const s of stems) {
    for (const c of index.get(s) ?? []) found.add(c);
    if ((lang === 'nl' || lang === 'da') && s.length >= 8) for (const c of compoundConcepts(s, lang, index)) found.add(c);
  }
  return [...found];
}

function compoundConcepts(word: string, lang: Language, index: Map<string, string[]>): string[] {
  const key = `${lang}:${word}`;
  let hit = compoundCache.get(key);
  if (!hit) {
    const found = new Set<string>();
    for (const [stem, concepts] of index) if (stem.length >= 5 && word !== stem && word.includes(stem)) concepts.forEach((c) => found.add(c));
    compoundCache.set(key, (hit = [...found]));
  }
  return hit;
}
