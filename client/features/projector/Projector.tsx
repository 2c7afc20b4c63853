import { useEffect } from 'react';
import { QrCode } from '../../components/QrCode.js';
import { Timer } from '../../components/Timer.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { fragmentKey } from '../../router.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { SynthesisPanel } from '../synthesis/SynthesisPanel.js';

/** For the shared screen: join code and QR code large, the timer, the phase, and the published synthesis. */
export function Projector({ sessionId }: { sessionId: string }) {
  const t = useT();
  const key = fragmentKey() ?? storage.facilitatorKey(sessionId);
  useEffect(() => (key ? connect(sessionId, { kind: 'facilitator', key }) : undefined), [sessionId, key]);
  const view = useStore((s) => s.view);
  if (!key) return <p className="banner banner-error">{t('sessionKeyMissing')}</p>;
  if (!view) return null;
  const joinUrl = `${window.location.origin}/join/${view.joinCode}`;
  const showSynthesis = !!view.synthesis?.published && view.phase !== 'breakout';
  return (
    <main className="projector" id="main">
      <div className="projector-top">
        <h1>{view.title}</h1>
        <span className={`phase phase-${view.phase}`}>{t(`phase_${view.phase}`)}</span>
        {showSynthesis && <span className="projector-code-small" data-testid="projector-code">{view.joinCode}</span>}
        <LanguageSwitch />
      </div>
      {view.broadcast && <div className="banner banner-info projector-banner">{view.broadcast.message}</div>}
      <Timer large />
      {showSynthesis ? (
        <SynthesisPanel mode="projector" />
      ) : (
        <div className="projector-join">
          <QrCode text={joinUrl} size={320} label={joinUrl} />
          <div>
            <p className="projector-hint">{t('joinAt', { url: window.location.host })}</p>
            <p className="projector-code" data-testid="projector-code">{view.joinCode}</p>
            <p className="projector-count">{t('people', { n: Object.keys(view.participants).length })}</p>
          </div>
        </div>
      )}
    </main>
  );
}
