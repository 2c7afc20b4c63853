import { useEffect } from 'react';
import { TopBar } from '../../components/TopBar.js';
import { OfflineBanner } from '../../components/ConnectionBadge.js';
import { Timer } from '../../components/Timer.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError } from '../../errors.js';
import { Home } from '../home/Home.js';
import { SynthesisPanel } from '../synthesis/SynthesisPanel.js';
import { GroupWork } from './GroupWork.js';

export function ParticipantView({ sessionId }: { sessionId: string }) {
  const t = useT();
  const lang = useLanguage();
  const token = storage.participantToken(sessionId);
  useEffect(() => (token ? connect(sessionId, { kind: 'participant', token }) : undefined), [sessionId, token]);
  const view = useStore((s) => s.view);
  const me = useStore((s) => (s.participantId && s.view ? s.view.participants[s.participantId] : null));
  const fatal = useStore((s) => s.fatal);
  if (!token) return <Home />;
  const broadcast = view?.broadcast?.message;
  return (
    <>
      <TopBar live>
        <span className="session-title">{view?.title}</span>
        <Timer />
      </TopBar>
      <OfflineBanner />
      {broadcast && (
        <div className="banner banner-info" role="status" aria-live="assertive" data-testid="broadcast">
          {broadcast}
        </div>
      )}
      <main className="participant" id="main">
        {fatal && <p className="banner banner-error" role="alert">{describeError(lang, fatal)}</p>}
        {!view || !me ? null : view.phase === 'closed' ? (
          <section className="card center">
            <h1>{t('closedTitle')}</h1>
            <p>{t('thanks')}</p>
            <SynthesisPanel mode="participant" />
          </section>
        ) : !me.groupId ? (
          <section className="card center" data-testid="lobby">
            <h1>{t('waitingTitle')}</h1>
            <p className="muted">{t('waitingText')}</p>
            <p className="hello">{me.name}</p>
          </section>
        ) : (
          <>
            {view.phase === 'plenary' && (
              <section className="card">
                <h1>{t('plenaryTitle')}</h1>
                <p className="muted">{t('plenaryText')}</p>
              </section>
            )}
            {view.phase === 'plenary' && <SynthesisPanel mode="participant" />}
            <GroupWork groupId={me.groupId} />
          </>
        )}
      </main>
    </>
  );
}
