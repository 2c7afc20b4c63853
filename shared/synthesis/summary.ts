import type { Language } from '../schemas/primitives.js';

export interface SummaryTheme {
  label: string;
  groupCount: number;
  consensus: boolean;
  answerCount: number;
}

export interface SummaryInput {
  language: Language;
  groupsAnswering: number;
  themes: SummaryTheme[];
  otherIdeas: string[];
}

const T: Record<Language, { consensus: (list: string) => string; also: (list: string) => string; other: (list: string) => string; none: string; groups: (n: number, of: number) => string; and: string }> = {
  en: {
    consensus: (l) => `There was a consensus around ${l}.`,
    also: (l) => `Groups also raised ${l}.`,
    other: (l) => `Other ideas: ${l}.`,
    none: 'No answers yet.',
    groups: (n, of) => `${n} of ${of} groups`,
    and: 'and',
  },
  nl: {
    consensus: (l) => `Er was een consensus rond ${l}.`,
    also: (l) => `De groepen noemden ook ${l}.`,
    other: (l) => `Andere ideeën: ${l}.`,
    none: 'Nog geen antwoorden.',
    groups: (n, of) => `${n} van de ${of} groepen`,
    and: 'en',
  },
  fr: {
    consensus: (l) => `Un consensus s’est dégagé autour de ${l}.`,
    also: (l) => `Les groupes ont aussi évoqué ${l}.`,
    other: (l) => `Autres idées : ${l}.`,
    none: 'Pas encore de réponses.',
    groups: (n, of) => `${n} groupes sur ${of}`,
    and: 'et',
  },
  da: {
    consensus: (l) => `Der var enighed om ${l}.`,
    also: (l) => `Grupperne nævnte også ${l}.`,
    other: (l) => `Andre idéer: ${l}.`,
    none: 'Endnu ingen svar.',
    groups: (n, of) => `${n} af ${of} grupper`,
    and: 'og',
  },
};

const lower = (label: string) => (label.length > 1 && label[1] === label[1].toLowerCase() ? label[0].toLowerCase() + label.slice(1) : label);

function list(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** A facilitator's-report paragraph: consensus themes first with how many groups raised them, then the rest, then other ideas. */
export function draftSummary(input: SummaryInput): string {
  const t = T[input.language];
  const withCount = (th: SummaryTheme) => `${lower(th.label)} (${t.groups(th.groupCount, input.groupsAnswering)})`;
  const consensus = input.themes.filter((th) => th.consensus);
  const others = input.themes.filter((th) => !th.consensus);
  const parts: string[] = [];
  if (consensus.length) parts.push(t.consensus(list(consensus.map(withCount), t.and)));
  if (others.length) parts.push(t.also(list(others.map(withCount), t.and)));
  if (input.otherIdeas.length) parts.push(t.other(input.otherIdeas.map((o) => `“${o}”`).join('; ')));
  return parts.length ? parts.join(' ') : t.none;
}
