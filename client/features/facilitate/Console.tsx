import { useEffect, useRef } from 'react';
import { TopBar } from '../../components/TopBar.js';
import { OfflineBanner } from '../../components/ConnectionBadge.js';
import { fragmentKey } from '../../router.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError } from '../../errors.js';
import { SynthesisPanel } from '../synthesis/SynthesisPanel.js';
import { AttentionStrip, sectionId } from '../console/AttentionStrip.js';
import { GroupingPanel } from './GroupingPanel.js';
import { GroupsGrid } from './GroupsGrid.js';
import { JoinPanel } from './JoinPanel.js';
import { FacilitatorKeys } from './FacilitatorKeys.js';
import { PromptsPanel } from './PromptsPanel.js';
import { RoomPanel } from './RoomPanel.js';
import { RoundPanel } from './RoundPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { PlanPanel } from '../plan/PlanPanel.js';
import { EvaluationPanel } from '../evaluation/EvaluationPanel.js';
import './console.css';

/**
 * The facilitator's console, laid out in the order of the work: the room, the prompts, the groups, the round, the
 * synthesis. What needs attention now (help, done, time) stays at the top whatever is scrolled into view.
 */
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
  useSynthesisInViewWhenRoundEnds();

  if (!key) return <Problem text={t('sessionKeyMissing')} />;
  if (fatal) return <Problem text={describeError(lang, fatal)} />;
  return (
    <>
      <TopBar live>
        <h1 className="session-title console-title">{title}</h1>
        {phase && <span className={`phase phase-${phase}`}>{t(`phase_${phase}`)}</span>}
        {/* The time left is in the attention strip, on the console's one clock. */}
      </TopBar>
      <OfflineBanner />
      {lastError && (
        <div className="banner banner-error" role="alert">
          {describeError(lang, lastError)}
        </div>
      )}
      {phase === 'closed' && (
        <p className="banner banner-warn console-closed" role="status" data-testid="console-closed">
          {t('consoleClosed')}
        </p>
      )}
      <AttentionStrip />
      <main className="console console-flow" id="main">
        <div className="console-step console-room" id={sectionId('room')}>
          <JoinPanel sessionId={sessionId} />
          <FacilitatorKeys sessionId={sessionId} />
          <RoomPanel />
        </div>
        <div className="console-step" id={sectionId('prompts')}>
          <PromptsPanel />
        </div>
        <div className="console-step console-plan">
          <PlanPanel />
        </div>
        <div className="console-step console-groups" id={sectionId('groups')}>
          <GroupingPanel />
          <GroupsGrid />
        </div>
        <div className="console-step console-round" id={sectionId('round')}>
          <RoundPanel />
        </div>
        <div className="console-step" id={sectionId('synthesis')}>
          <SynthesisPanel mode="facilitator" />
        </div>
        <div className="console-step console-evaluation">
          <EvaluationPanel />
        </div>
        <div className="console-step">
          <ExportPanel sessionId={sessionId} />
        </div>
      </main>
    </>
  );
}

/** When a round ends the next work is the synthesis: bring it into view instead of leaving it far below the groups. */
function useSynthesisInViewWhenRoundEnds(): void {
  const endedAt = useStore((s) => s.view?.round?.endedAt ?? null);
  const previous = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = endedAt;
    // Only a round ending while the console watches, not one that had ended before it opened.
    if (before === null && endedAt !== null) document.getElementById(sectionId('synthesis'))?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [endedAt]);
}

function Problem({ text }: { text: string }) {
  return (
    <>
      <TopBar />
      <main className="narrow" id="main">
        <h1 className="visually-hidden">{text}</h1>
        <p className="banner banner-error" role="alert">
          {text}
        </p>
      </main>
    </>
  );
}
