import { useEffect, useMemo } from 'react';
import { promptsOfGroup } from '../../../shared/domain/permissions.js';
import { TopBar } from '../../components/TopBar.js';
import { OfflineBanner } from '../../components/ConnectionBadge.js';
import { RefusedNotices } from '../../components/RefusedNotices.js';
import { RoundNotices } from '../../components/RoundNotices.js';
import { Timer } from '../../components/Timer.js';
import type { RefusedCommand } from '../../errors.js';
import { storage } from '../../storage.js';
import { connect, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { describeError } from '../../errors.js';
import { Home } from '../home/Home.js';
import { SynthesisPanel } from '../synthesis/SynthesisPanel.js';
import { GroupWork } from './GroupWork.js';
import { EvaluationForm } from '../evaluation/EvaluationForm.js';

export function ParticipantView({ sessionId }: { sessionId: string }) {
  const t = useT();
  const lang = useLanguage();
  const token = storage.participantToken(sessionId);
  useEffect(() => (token ? connect(sessionId, { kind: 'participant', token }) : undefined), [sessionId, token]);
  const view = useStore((s) => s.view);
  const me = useStore((s) => (s.participantId && s.view ? s.view.participants[s.participantId] : null));
  const fatal = useStore((s) => s.fatal);
  const groupShown = !!view && !!me?.groupId && view.phase !== 'closed' && !!view.groups[me.groupId];
  // A refused answer is shown under its own prompt when that prompt is on screen; everything else at the top.
  const promptsInPlace = useMemo(
    () => new Set(groupShown && view && me?.groupId ? promptsOfGroup(view, view.groups[me.groupId]) : []),
    [groupShown, view, me?.groupId],
  );
  const shownInPlace = (r: RefusedCommand) => r.type === 'answer.add' && promptsInPlace.has(String(r.payload.promptId));
  if (!token) return <Home />;
  return (
    <>
      <TopBar live>
        <span className="session-title" lang={view?.language}>
          {view?.title}
        </span>
        <Timer />
      </TopBar>
      <div className="sticky-top">
        <OfflineBanner />
        <RoundNotices variant="phone" />
      </div>
      <main className="participant" id="main">
        {fatal && (
          <p className="banner banner-error" role="alert">
            {describeError(lang, fatal)}
          </p>
        )}
        <RefusedNotices shownElsewhere={shownInPlace} />
        {view && me && <EvaluationForm />}
        {!view || !me ? null : view.phase === 'closed' ? (
          <>
            <section className="card center" data-testid="closed">
              <h1>{t('closedTitle')}</h1>
              <p>{t('thanks')}</p>
            </section>
            <SynthesisPanel mode="participant" />
          </>
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
