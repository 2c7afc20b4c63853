import { useCallback } from 'react';
import { translate, pickLanguage, type MessageKey } from './i18n/index.js';
import { useStore } from './store/index.js';
import type { Language } from '../shared/schemas/primitives.js';

/** The interface language: this person's choice, else their browser's, else the session's (see pickLanguage). */
export function useLanguage(): Language {
  const chosen = useStore((s) => s.chosenLanguage);
  const session = useStore((s) => s.view?.language ?? null);
  return pickLanguage(chosen, session, typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

export function useT() {
  const lang = useLanguage();
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}
