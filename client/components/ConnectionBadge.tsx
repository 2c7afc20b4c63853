import { useStore } from '../store/index.js';
import { useT } from '../useT.js';

/**
 * Always visible while in a session: connected, reconnecting or offline, and how many changes wait on this
 * device to be sent (so "Offline · 2 waiting to be sent" says nothing typed is lost).
 */
export function ConnectionBadge() {
  const t = useT();
  const status = useStore((s) => s.status);
  const queued = useStore((s) => s.queued.length);
  const label = status === 'online' ? (queued ? t('saving') : t('connected')) : status === 'connecting' ? t('reconnecting') : t('connectionOffline');
  return (
    <span className={`badge badge-${status}`} role="status" aria-live="polite" data-testid="connection">
      <span className="dot" aria-hidden="true" /> {label}
      {queued > 0 && (
        <span className="badge-count" data-testid="connection-pending">
          {' · '}
          {t('waitingToSend', { n: queued })}
        </span>
      )}
    </span>
  );
}

export function OfflineBanner() {
  const t = useT();
  const status = useStore((s) => s.status);
  if (status === 'online') return null;
  return (
    <div className="banner banner-warn" role="alert" data-testid="offline-banner">
      {t('offline')}
    </div>
  );
}
