import { LANGUAGES, type Language } from '../../shared/schemas/primitives.js';
import { LANGUAGE_NAMES } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { useLanguage, useT } from '../useT.js';

export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguage();
  const choose = useStore((s) => s.chooseLanguage);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select value={lang} onChange={(e) => choose(e.target.value as Language)} aria-label={t('language')}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
