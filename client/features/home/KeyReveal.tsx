import { CopyField } from '../../components/CopyField.js';
import { TopBar } from '../../components/TopBar.js';
import { navigate } from '../../router.js';
import { useT } from '../../useT.js';
import type { Created } from './CreateSessionForm.js';

/** The facilitator link is shown once, with a copy button and a clear warning. */
export function KeyReveal({ created }: { created: Created }) {
  const t = useT();
  const url = new URL(created.facilitatorUrl);
  return (
    <>
      <TopBar />
      <main className="narrow" id="main">
        <section className="card" aria-labelledby="key-title">
          <h1 id="key-title">{t('keyWarningTitle')}</h1>
          <p className="banner banner-warn">{t('keyWarning')}</p>
          <CopyField label={t('facilitatorLink')} value={created.facilitatorUrl} testId="facilitator-url" />
          <CopyField label={t('joinLink')} value={created.participantUrl} />
          <button className="btn btn-primary" type="button" onClick={() => navigate(`${url.pathname}${url.hash}`)} data-testid="continue">
            {t('continue')}
          </button>
        </section>
      </main>
    </>
  );
}
