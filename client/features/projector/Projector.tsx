import { useEffect, useState } from 'react';
import { QrCode } from '../../components/QrCode.js';
import { Timer } from '../../components/Timer.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { RoundNotices } from '../../components/RoundNotices.js';
import { fragmentKey } from '../../router.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { BreakoutPrompts } from './BreakoutPrompts.js';
import { ProjectorSynthesis } from './ProjectorSynthesis.js';
import { ProjectorEvaluation } from '../evaluation/ProjectorEvaluation.js';

/**
 * For the shared screen, read from the back of the room: the join code and QR code large; during breakout the
 * timer and which group works on which prompt; after a round the published synthesis as a chart; and, once
 * closed, that it is closed with what the room found.
 */
export function Projector({ sessionId }: { sessionId: string }) {
  const t = useT();
  const key = fragmentKey() ?? storage.facilitatorKey(sessionId);
  useEffect(() => (key ? connect(sessionId, { kind: 'facilitator', key }) : undefined), [sessionId, key]);
  const view = useStore((s) => s.view);
  const [hideVotes, setHideVotes] = useState(() => storage.projectorHidesVotes(sessionId));
  if (!key)
    return (
      <main className="narrow" id="main">
        <h1>{t('projector')}</h1>
        <p className="banner banner-error">{t('sessionKeyMissing')}</p>
      </main>
    );
  if (!view) return null;
  const joinUrl = `${window.location.origin}/join/${view.joinCode}`;
  const closed = view.phase === 'closed';
  const doc = view.synthesis?.published ? view.synthesis : null;
  const roundLive = !!view.round && view.round.endedAt === null;
  const breakout = !closed && roundLive && view.groupOrder.length > 0;
  const showSynthesis = !!doc && !breakout;
  // The evaluation (issue 16) while it is open, and its results after it closed until the next round.
  const evaluation = view.evaluation ?? null;
  const showEvaluation = !!evaluation && !breakout && (evaluation.open || (evaluation.closedAt ?? 0) > (view.round?.endedAt ?? 0));
  const votingOpen = !!doc && doc.votesPerParticipant > 0;
  const content = closed ? (
    <>
      <section className="projector-closed" data-testid="projector-closed">
        <h2>{t('closedTitle')}</h2>
        <p>{t('projectorClosedText')}</p>
      </section>
      {doc && <ProjectorSynthesis doc={doc} prompts={view.prompts} language={view.language} hideVotes={false} />}
    </>
  ) : breakout ? (
    <BreakoutPrompts view={view} />
  ) : showEvaluation ? (
    <ProjectorEvaluation evaluation={evaluation!} language={view.language} />
  ) : showSynthesis ? (
    <ProjectorSynthesis doc={doc} prompts={view.prompts} language={view.language} hideVotes={hideVotes && votingOpen} />
  ) : (
    <div className="projector-join">
      <QrCode text={joinUrl} size={320} label={joinUrl} />
      <div>
        <p className="projector-hint">{t('joinAt', { url: window.location.host })}</p>
        <p className="projector-code" data-testid="projector-code">
          {view.joinCode}
        </p>
        <p className="projector-count">{t('people', { n: Object.keys(view.participants).length })}</p>
      </div>
    </div>
  );
  const codeIsSmall = closed || breakout || showSynthesis || showEvaluation;
  return (
    <main className="projector" id="main">
      <div className="projector-top">
        <h1 lang={view.language}>{view.title}</h1>
        <span className={`phase phase-${view.phase}`} data-testid="projector-phase">
          {t(`phase_${view.phase}`)}
        </span>
        {codeIsSmall && !closed && (
          <span className="projector-code-small" data-testid="projector-code">
            {view.joinCode}
          </span>
        )}
        {showSynthesis && !showEvaluation && !closed && votingOpen && (
          <label className="check projector-hide-votes">
            <input
              type="checkbox"
              checked={hideVotes}
              onChange={(e) => {
                storage.setProjectorHidesVotes(sessionId, e.target.checked);
                setHideVotes(e.target.checked);
              }}
              data-testid="projector-hide-votes"
            />
            {t('projectorHideResults')}
          </label>
        )}
        <LanguageSwitch />
      </div>
      <RoundNotices variant="projector" />
      {!closed && <Timer large />}
      {content}
    </main>
  );
}
