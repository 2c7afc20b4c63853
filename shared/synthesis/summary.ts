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
  /** How many answers fit no theme: counted, not quoted (a summary quotes no long answer). */
  otherIdeas: number;
}

const T: Record<
  Language,
  {
    consensus: (list: string) => string;
    also: (list: string) => string;
    other: (n: number) => string;
    none: string;
    groups: (n: number, of: number) => string;
    and: string;
  }
> = {
  en: {
    consensus: (l) => `There was a consensus around ${l}.`,
    also: (l) => `Groups also raised ${l}.`,
    other: (n) => (n === 1 ? 'One other idea stood alone.' : `${n} other ideas stood alone.`),
    none: 'No answers yet.',
    groups: (n, of) => `${n} of ${of} groups`,
    and: 'and',
  },
  nl: {
    consensus: (l) => `Er was een consensus rond ${l}.`,
    also: (l) => `De groepen noemden ook ${l}.`,
    other: (n) => (n === 1 ? 'Eén ander idee stond apart.' : `${n} andere ideeën stonden apart.`),
    none: 'Nog geen antwoorden.',
    groups: (n, of) => `${n} van de ${of} groepen`,
    and: 'en',
  },
  fr: {
    consensus: (l) => `Un consensus s’est dégagé autour de ${l}.`,
    also: (l) => `Les groupes ont aussi évoqué ${l}.`,
    other: (n) => (n === 1 ? 'Une autre idée est restée isolée.' : `${n} autres idées sont restées isolées.`),
    none: 'Pas encore de réponses.',
    groups: (n, of) => `${n} groupes sur ${of}`,
    and: 'et',
  },
  da: {
    consensus: (l) => `Der var enighed om ${l}.`,
    also: (l) => `Grupperne nævnte også ${l}.`,
    other: (n) => (n === 1 ? 'Én anden idé stod alene.' : `${n} andre idéer stod alene.`),
    none: 'Endnu ingen svar.',
    groups: (n, of) => `${n} af ${of} grupper`,
    and: 'og',
  },
};

/**
 * A label inside a sentence: its first letter lower-cased ("around share knowledge"), unless its first word has
 * another capital, as names and acronyms do ("FB", "LinkedIn connections", "WhatsApp groups").
 */
const lower = (label: string) => (/\p{Lu}/u.test(label.split(/\s/)[0].slice(1)) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** The word for "and" in each language, for lists and two-word labels. */
export const AND: Record<Language, string> = { en: 'and', nl: 'en', fr: 'et', da: 'og' };

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
  if (input.otherIdeas > 0) parts.push(t.other(input.otherIdeas));
  return parts.length ? parts.join(' ') : t.none;
}
