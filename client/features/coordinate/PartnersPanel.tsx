import { useEffect, useState } from 'react';
import type { PartnerSettings, PartnerTag } from '../../../shared/schemas/attendance.js';
import { organisationKey } from '../../../shared/domain/attendance.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError, httpError } from '../../errors.js';

interface SeenOrganisation {
  name: string;
  tag: PartnerTag;
  corrected: boolean;
  participants: number;
}

/**
 * "Name | alias | alias | @ address", one partner per line: quick to type, and to paste from a grant agreement.
 * The address (for the Erasmus+ attendance list) is the part that starts with "@".
 */
export const partnersToText = (s: PartnerSettings) =>
  s.partners.map((p) => [p.name, ...p.aliases, ...(p.address ? [`@ ${p.address}`] : [])].join(' | ')).join('\n');
export const textToPartners = (text: string): PartnerSettings['partners'] =>
  text
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .filter((parts) => parts.length > 0)
    .map(([name, ...rest]) => {
      const address = rest
        .find((x) => x.startsWith('@'))
        ?.slice(1)
        .trim();
      const aliases = rest.filter((x) => !x.startsWith('@'));
      return address ? { name, aliases, address } : { name, aliases };
    });

/**
 * The programme's partner organisations, and every organisation that took part with its tag: automatic from the
 * list (with aliases for spelling variants), or set by hand when the match is wrong.
 */
export function PartnersPanel({ programmeId, keyValue, onSaved }: { programmeId: string; keyValue: string; onSaved: () => void }) {
  const t = useT();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const [corrections, setCorrections] = useState<PartnerSettings['corrections']>([]);
  const [seen, setSeen] = useState<SeenOrganisation[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/programmes/${programmeId}/partners`;

  const load = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${keyValue}` } });
    const json = await res.json();
    if (!res.ok) return setError(describeError(lang, httpError(res, json)));
    setText(partnersToText(json.partners));
    setCorrections(json.partners.corrections);
    setSeen(json.organisations);
  };
  useEffect(() => {
    void load();
  }, [programmeId, keyValue]);

  async function save(next: PartnerSettings['corrections'] = corrections) {
    setError(null);
    setStatus(null);
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyValue}` },
      body: JSON.stringify({ partners: textToPartners(text), corrections: next }),
    });
    const json = await res.json();
    if (!res.ok) return setError(describeError(lang, httpError(res, json)));
    setStatus(t('partnersSaved'));
    await load();
    onSaved();
  }

  function correct(org: SeenOrganisation, choice: 'auto' | PartnerTag) {
    const key = organisationKey(org.name);
    const rest = corrections.filter((c) => organisationKey(c.organisation) !== key);
    const next = choice === 'auto' ? rest : [...rest, { organisation: org.name, tag: choice }];
    setCorrections(next);
    void save(next);
  }

  return (
    <div className="partners" data-testid="partners">
      <label>
        <span className="field-label">{t('partnersTitle')}</span>
        <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="partners-hint" data-testid="partners-text" />
      </label>
      <p className="muted small" id="partners-hint">
        {t('partnersHint')}
      </p>
      <div className="row-wrap">
        <button type="button" className="btn btn-secondary small" onClick={() => void save()} data-testid="partners-save">
          {t('partnersSave')}
        </button>
        {status && <span role="status">{status}</span>}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {seen.length > 0 && (
        <>
          <h3>{t('orgsSeenTitle')}</h3>
          <table className="sessions-table" data-testid="orgs-seen">
            <thead>
              <tr>
                <th scope="col">{t('organisation')}</th>
                <th scope="col">{t('indParticipants')}</th>
                <th scope="col">{t('tagColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {seen.map((o) => (
                <tr key={o.name}>
                  <td>{o.name}</td>
                  <td>{o.participants}</td>
                  <td>
                    <select
                      aria-label={t('tagFor', { organisation: o.name })}
                      value={o.corrected ? o.tag : 'auto'}
                      onChange={(e) => correct(o, e.target.value as 'auto' | PartnerTag)}
                    >
                      <option value="auto">{t('tagAuto', { tag: o.corrected ? '…' : t(o.tag === 'partner' ? 'tagPartner' : 'tagExternal') })}</option>
                      <option value="partner">{t('tagPartner')}</option>
                      <option value="external">{t('tagExternal')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
