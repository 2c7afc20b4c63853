import { useId } from 'react';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../shared/schemas/attendance.js';
import { useT } from '../../useT.js';

/**
 * The attendance questions at join (issue 16): the kind of organisation, and consent to be named on the session's
 * attendance list, asked in the participant's own interface language. The box starts unticked: without a yes,
 * the person is counted, never named.
 */
export function ConsentFields({
  organisationType,
  consent,
  onType,
  onConsent,
}: {
  organisationType: OrganisationType | null;
  consent: boolean;
  onType: (t: OrganisationType | null) => void;
  onConsent: (c: boolean) => void;
}) {
  const t = useT();
  const hint = useId();
  return (
    <>
      <label>
        <span className="field-label">
          {t('orgTypeLabel')} <span className="muted">({t('optional')})</span>
        </span>
        <select value={organisationType ?? ''} onChange={(e) => onType((e.target.value || null) as OrganisationType | null)} data-testid="join-org-type">
          <option value="">{t('orgTypeNone')}</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`orgType_${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check consent">
        <input type="checkbox" checked={consent} onChange={(e) => onConsent(e.target.checked)} aria-describedby={hint} data-testid="join-consent" />
        <span>{t('attendanceConsent')}</span>
      </label>
      <p className="muted small" id={hint}>
        {t('attendanceConsentHint')}
      </p>
    </>
  );
}
