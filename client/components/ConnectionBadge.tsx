import { useStore } from '../store/index.js';
import { useT } from '../useT.js';

/** Always visible while in a session: online, reconnecting, or offline with how many changes wait to be sent. */
export function ConnectionBadge() {
  const t = useT();
  const status = useStore((s) => s.status);
  const queued = useStore((s) => s.queued.length);
  const label = status === 'online' ? (queued ? t('saving') : t('connected')) : status === 'connecting' ? t('reconnecting') : t('reconnecting');
  return (
    <span className={`badge badge-${status}`} role="status" aria-live="polite" data-testid="connection">
      <span className="dot" aria-hidden="true" /> {label}
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
