import { useState, type FormEvent } from 'react';
import { joinSession } from '../../socket.js';
import { storage } from '../../storage.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError, type ShownError } from '../../errors.js';
import { navigate } from '../../router.js';
import type { OrganisationType } from '../../../shared/schemas/attendance.js';
import { ConsentFields } from './ConsentFields.js';

export function JoinForm({ initialCode }: { initialCode?: string }) {
  const t = useT();
  const lang = useLanguage();
  const remembered = storage.person();
  const [code, setCode] = useState(initialCode ?? '');
  const [name, setName] = useState(remembered.name);
  const [organisation, setOrganisation] = useState(remembered.organisation);
  const [country, setCountry] = useState(remembered.country);
  const [organisationType, setOrganisationType] = useState<OrganisationType | null>(null);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const person = { name: name.trim(), organisation: organisation.trim(), country: country.trim() };
    storage.setPerson(person);
    const ack = await joinSession(code.trim(), { ...person, organisationType, attendanceConsent: consent });
    setBusy(false);
    if (!ack.ok) return setError(wrongCode(ack.error) ? t('errJoinCode') : describeError(lang, ack.error));
    navigate(`/s/${ack.result!.sessionId}`);
  }

  return (
    <section className="card card-accent" aria-labelledby="join-title">
      <h2 id="join-title">{t('joinTitle')}</h2>
      <p className="muted">{t('joinHint')}</p>
      <form onSubmit={submit} className="form">
        <label>
          <span className="field-label">{t('joinCode')}</span>
          <input
            className="code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            required
            minLength={8}
            maxLength={12}
            data-testid="join-code"
          />
        </label>
        <label>
          <span className="field-label">{t('name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoComplete="name" data-testid="join-name" />
        </label>
        <label>
          <span className="field-label">
            {t('organisation')} <span className="muted">({t('optional')})</span>
          </span>
          <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={120} autoComplete="organization" data-testid="join-org" />
        </label>
        <label>
          <span className="field-label">
            {t('country')} <span className="muted">({t('optional')})</span>
          </span>
          <input value={country} onChange={(e) => setCountry(e.target.value)} maxLength={80} data-testid="join-country" />
        </label>
        <ConsentFields organisationType={organisationType} consent={consent} onType={setOrganisationType} onConsent={setConsent} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary" disabled={busy} type="submit">
          {busy ? t('joining') : t('join')}
        </button>
      </form>
    </section>
  );
}

/** A wrong code is the usual mistake here: unknown, or refused by the code's schema. */
function wrongCode(error: ShownError): boolean {
  if (error.code === 'not_found') return true;
  const issues = Array.isArray(error.details) ? (error.details as { path?: unknown[] }[]) : [];
  return error.code === 'invalid' && issues.some((i) => i.path?.[0] === 'joinCode');
}
