import { useState } from 'react';
import type { SessionView } from '../../shared/domain/projection.js';
import { storage } from '../storage.js';
import { useStore } from '../store/index.js';
import { useT } from '../useT.js';
import { useServerNow } from './useServerNow.js';

/** How long before the end of a round every screen warns. */
export const WARNING_MS = 60_000;

/** Whether the round is live and within its last minute (not yet over). */
export function inLastMinute(round: SessionView['round'], now: number): boolean {
  if (!round || round.endedAt !== null) return false;
  const left = round.endsAt - now;
  return left > 0 && left <= WARNING_MS;
}

/**
 * A facilitator's message belongs to the round it was sent in: once a round has ended after it, it is stale
 * ("2 minutes left" must not stay on through synthesis and voting). Round 1 keeps a message sent in the lobby.
 */
export function broadcastIsStale(view: Pick<SessionView, 'broadcast' | 'round' | 'phase'>): boolean {
  const { broadcast, round } = view;
  if (!broadcast) return true;
  if (view.phase === 'closed') return true;
  if (!round) return false;
  if (round.endedAt !== null && broadcast.at <= round.endedAt) return true;
  return round.number > 1 && broadcast.at < round.startedAt;
}

/**
 * What the room must see whatever it is doing, pinned at the top of the screen: the one-minute warning and the
 * facilitator's message. On a phone the message stays until dismissed (a new message shows again); on the
 * projector there is nobody to dismiss it, so it stays until the round ends or the facilitator clears it.
 */
export function RoundNotices({ variant }: { variant: 'phone' | 'projector' }) {
  const t = useT();
  const view = useStore((s) => s.view);
  const sessionId = useStore((s) => s.sessionId);
  const now = useServerNow();
  const [dismissedAt, setDismissedAt] = useState(() => (sessionId ? storage.dismissedBroadcast(sessionId) : null));
  if (!view) return null;
  const warn = inLastMinute(view.round, now);
  const broadcast = view.broadcast && !broadcastIsStale(view) && view.broadcast.at !== dismissedAt ? view.broadcast : null;
  if (!warn && !broadcast) return null;
  return (
    <div className={`notices notices-${variant}`}>
      {warn && (
        <p className="notice-warning" role="alert" data-testid="one-minute-warning">
          {t('oneMinuteWarning')}
        </p>
      )}
      {broadcast && (
        <div className="notice-broadcast" role="status" aria-live="assertive" data-testid="broadcast">
          <p>
            <span className="visually-hidden">{t('messageFromFacilitator')}: </span>
            <span>{broadcast.message}</span>
          </p>
          {variant === 'phone' && (
            <button
              type="button"
              className="btn btn-ghost small"
              onClick={() => {
                if (sessionId) storage.setDismissedBroadcast(sessionId, broadcast.at);
                setDismissedAt(broadcast.at);
              }}
              data-testid="dismiss-broadcast"
            >
              {t('dismissMessage')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
