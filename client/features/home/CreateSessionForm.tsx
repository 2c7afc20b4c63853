import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language } from '../../../shared/schemas/primitives.js';
import { TEMPLATES } from '../../../shared/domain/templates.js';
import { LANGUAGE_NAMES } from '../../i18n/index.js';
import { storage } from '../../storage.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError, httpError } from '../../errors.js';

export interface Created {
  sessionId: string;
  joinCode: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  participantUrl: string;
}

export function CreateSessionForm({ onCreated }: { onCreated: (c: Created) => void }) {
  const t = useT();
  const uiLang = useLanguage();
  // The session's language follows the interface language until the facilitator picks one: a French
  // facilitator does not create an English session without noticing.
  const [pickedLanguage, setLanguage] = useState<Language | null>(null);
  const language = pickedLanguage ?? uiLang;
  const [template, setTemplate] = useState<string>(TEMPLATES[0].id);
  const [title, setTitle] = useState('');
  const [prompts, setPrompts] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = TEMPLATES.find((x) => x.id === template) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = chosen
      ? { template: chosen.id, language, date, ...(title.trim() ? { title: title.trim() } : {}) }
      : {
          title: title.trim(),
          language,
          date,
          prompts: prompts
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean)
            .map((text) => ({ text })),
        };
    try {
      const res = await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(describeError(uiLang, httpError(res, json)));
      storage.setFacilitatorKey(json.sessionId, json.facilitatorKey);
      onCreated(json as Created);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-title">
      <h2 id="create-title">{t('createTitle')}</h2>
      <p className="muted">{t('createHint')}</p>
      <form onSubmit={submit} className="form">
        <label>
          <span className="field-label">{t('template')}</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="template">
            {TEMPLATES.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.title[language]}
              </option>
            ))}
            <option value="">{t('ownPrompts')}</option>
          </select>
        </label>
        <label>
          <span className="field-label">{t('title')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={chosen?.title[language] ?? ''} required={!chosen} maxLength={200} />
        </label>
        <div className="row">
          <label>
            <span className="field-label">{t('sessionLanguage')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="session-language">
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">{t('date')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
        {chosen ? (
          <ol className="prompt-preview">
            {chosen.prompts[language].map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
        ) : (
          <label>
            <span className="field-label">{t('prompts')}</span>
            <textarea value={prompts} onChange={(e) => setPrompts(e.target.value)} rows={4} required />
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {t('error', { message: error })}
          </p>
        )}
        <button className="btn btn-primary" disabled={busy} type="submit">
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </section>
  );
}
