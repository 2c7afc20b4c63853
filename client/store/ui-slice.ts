import type { StateCreator } from 'zustand';
import type { Language } from '../../shared/schemas/primitives.js';
import { storage } from '../storage.js';

export interface UiSlice {
  /** The language this person chose on this device, if any. */
  chosenLanguage: Language | null;
  chooseLanguage(lang: Language): void;
}

export const createUiSlice: StateCreator<UiSlice> = (set) => ({
  chosenLanguage: (storage.language() as Language | null) ?? null,
  chooseLanguage(lang) {
    storage.setLanguage(lang);
    set({ chosenLanguage: lang });
  },
});
