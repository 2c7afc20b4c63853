import type { Indicators as Counts, ProgrammeIndicators } from '../../../shared/domain/indicators.js';
import { useT } from '../../useT.js';
import type { MessageKey } from '../../i18n/index.js';
import { BarChart, type BarRow } from './BarChart.js';

const COLOURS = { one: '#1f6f8b', partner: '#1f6f8b', external: '#e07a2f', cross: '#2f7d4e' };

const KEYS: [keyof Counts, MessageKey][] = [
  ['participants', 'indParticipants'],
  ['organisations', 'indOrganisations'],
  ['partnerOrganisations', 'indPartnerOrgs'],
  ['externalOrganisations', 'indExternalOrgs'],
  ['countries', 'indCountries'],
  ['crossBorderGroups', 'indCrossBorderGroups'],
  ['crossBorderOrganisations', 'indCrossBorderOrgs'],
];

/**
 * The programme's indicators (issue 16, item 3): the totals as large figures, one chart per question funders
 * ask (how many came, from which organisations, from how many countries, who worked across borders), and the
 * same figures as a table.
 */
export function Indicators({ data }: { data: ProgrammeIndicators }) {
  const t = useT();
  const rows = (pick: (s: ProgrammeIndicators['sessions'][number]) => Record<string, number>): BarRow[] =>
    data.sessions.map((s) => ({ label: `${s.date ?? ''} ${s.title}`.trim(), values: pick(s) }));
  const total = data.total;
  return (
    <div className="indicators" data-testid="indicators">
      <ul className="stat-tiles">
        <li>
          <span className="stat-figure" data-testid="tile-participants">
            {total.participants}
          </span>
          <span className="stat-label">{t('indParticipants')}</span>
        </li>
        <li>
          <span className="stat-figure" data-testid="tile-organisations">
            {total.organisations}
          </span>
          <span className="stat-label">{t('indOrgSplit', { partner: total.partnerOrganisations, external: total.externalOrganisations })}</span>
        </li>
        <li>
          <span className="stat-figure" data-testid="tile-countries">
            {total.countries}
          </span>
          <span className="stat-label">{t('indCountries')}</span>
        </li>
        <li>
          <span className="stat-figure" data-testid="tile-cross">
            {total.crossBorderOrganisations}
          </span>
          <span className="stat-label">{t('indCrossBorderOrgs')}</span>
        </li>
      </ul>
      {data.sessions.length > 0 && (
        <div className="chart-grid">
          <BarChart
            testId="chart-participants"
            title={t('indParticipants')}
            series={[{ key: 'n', label: t('indParticipants'), colour: COLOURS.one }]}
            rows={rows((s) => ({ n: s.participants }))}
          />
          <BarChart
            testId="chart-organisations"
            title={t('indOrganisations')}
            series={[
              { key: 'partner', label: t('tagPartner'), colour: COLOURS.partner },
              { key: 'external', label: t('tagExternal'), colour: COLOURS.external },
            ]}
            rows={rows((s) => ({ partner: s.partnerOrganisations, external: s.externalOrganisations }))}
          />
          <BarChart
            testId="chart-countries"
            title={t('indCountries')}
            series={[{ key: 'n', label: t('indCountries'), colour: COLOURS.one }]}
            rows={rows((s) => ({ n: s.countries }))}
          />
          <BarChart
            testId="chart-cross"
            title={t('indCrossBorderOrgs')}
            series={[{ key: 'n', label: t('indCrossBorderOrgs'), colour: COLOURS.cross }]}
            rows={rows((s) => ({ n: s.crossBorderOrganisations }))}
          />
        </div>
      )}
      <details>
        <summary>{t('indTable')}</summary>
        <div className="table-scroll">
          <table className="sessions-table" data-testid="indicators-table">
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                {KEYS.map(([, label]) => (
                  <th scope="col" key={label}>
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.sessionId}>
                  <th scope="row">{`${s.date ?? ''} ${s.title}`.trim()}</th>
                  {KEYS.map(([k]) => (
                    <td key={k}>{s[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('indProgramme')}</th>
                {KEYS.map(([k]) => (
                  <td key={k}>{total[k]}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </div>
  );
}
