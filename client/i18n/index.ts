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

/**
 * The interface language: this person's choice on this device, else their browser's first language the app
 * speaks, else the session's, else English. Only content (prompts, synthesis) follows the session's language:
 * a French browser in a Dutch session reads a French interface around Dutch prompts.
 */
export function pickLanguage(chosen: string | null, session: Language | null, browser: readonly string[]): Language {
  return knownLanguage(chosen) ?? browser.map(knownLanguage).find((l) => l !== null) ?? session ?? 'en';
}

/** One of the app's languages, from a tag like "fr-BE"; null for any other. */
export function knownLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}
