import { useEffect } from 'react';
import { TopBar } from '../../components/TopBar.js';
import { OfflineBanner } from '../../components/ConnectionBadge.js';
import { Timer } from '../../components/Timer.js';
import { fragmentKey } from '../../router.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError } from '../../errors.js';
import { SynthesisPanel } from '../synthesis/SynthesisPanel.js';
import { GroupingPanel } from './GroupingPanel.js';
import { GroupsGrid } from './GroupsGrid.js';
import { JoinPanel } from './JoinPanel.js';
import { RoomPanel } from './RoomPanel.js';
import { RoundPanel } from './RoundPanel.js';
import { ExportPanel } from './ExportPanel.js';

export function Console({ sessionId }: { sessionId: string }) {
  const t = useT();
  const lang = useLanguage();
  const key = fragmentKey() ?? storage.facilitatorKey(sessionId);
  useEffect(() => {
    if (!key) return;
    storage.setFacilitatorKey(sessionId, key);
    return connect(sessionId, { kind: 'facilitator', key });
  }, [sessionId, key]);
  const title = useStore((s) => s.view?.title);
  const phase = useStore((s) => s.view?.phase);
  const fatal = useStore((s) => s.fatal);
  const lastError = useStore((s) => s.lastError);

  if (!key) return <Problem text={t('sessionKeyMissing')} />;
  if (fatal) return <Problem text={describeError(lang, fatal)} />;
  return (
    <>
      <TopBar live>
        <span className="session-title">{title}</span>
        {phase && <span className={`phase phase-${phase}`}>{t(`phase_${phase}`)}</span>}
        <Timer />
      </TopBar>
      <OfflineBanner />
      {lastError && <div className="banner banner-error" role="alert">{describeError(lang, lastError)}</div>}
      <main className="console" id="main">
        <aside className="console-side">
          <JoinPanel sessionId={sessionId} />
          <RoundPanel />
          <GroupingPanel />
          <RoomPanel />
          <ExportPanel sessionId={sessionId} />
        </aside>
        <div className="console-main">
          <GroupsGrid />
          <SynthesisPanel mode="facilitator" />
        </div>
      </main>
    </>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <>
      <TopBar />
      <main className="narrow" id="main">
        <p className="banner banner-error" role="alert">{text}</p>
      </main>
    </>
  );
}
