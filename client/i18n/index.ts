import { LANGUAGES, type Language } from '../../shared/schemas/primitives.js';
import { da } from './da.js';
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, nl, fr, da };
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', fr: 'Français', da: 'Dansk' };
export type { MessageKey };

export function translate(lang: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang][key] ?? en[key];
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, k: string, one: string, other: string) => (pluralOf(lang, vars[k]) === 'one' ? one : other))
    .replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? formatVar(lang, vars[k]) : `{${k}}`));
}

/** `{n|answer|answers}` picks the word by the language's plural rules (French counts 0 and 1 as singular). */
const pluralOf = (lang: Language, v: string | number | undefined) => (typeof v === 'number' ? new Intl.PluralRules(lang).select(v) : 'other');

const formatVar = (lang: Language, v: string | number) => (typeof v === 'number' ? new Intl.NumberFormat(lang).format(v) : v);

/** The participant's choice, else the session's language, else the browser's, else English. */
export function pickLanguage(chosen: string | null, session: Language | null, browser: readonly string[]): Language {
  const known = (l: string | null | undefined): Language | null => {
    const base = (l ?? '').slice(0, 2).toLowerCase();
    return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
  };
  return known(chosen) ?? session ?? browser.map(known).find((l) => l !== null) ?? 'en';
}
