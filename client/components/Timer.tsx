import { useStore } from '../store/index.js';
import { useT } from '../useT.js';
import { useServerNow } from './useServerNow.js';

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The round's remaining time by the server's clock; the same on every screen. */
export function Timer({ large = false }: { large?: boolean }) {
  const t = useT();
  const round = useStore((s) => s.view?.round ?? null);
  const now = useServerNow();
  if (!round || round.endedAt !== null) return null;
  // Never more than the round's length: a device whose clock estimate is a few ms behind the server's, or whose
  // last tick came just before the round started, would otherwise show 10:01 for a ten-minute round.
  const left = Math.min(round.endsAt - now, round.endsAt - round.startedAt);
  return (
    <div className={`timer ${large ? 'timer-large' : ''} ${left <= 60_000 ? 'timer-urgent' : ''}`} data-testid="timer">
      <span className="timer-label">{left > 0 ? t('timeLeft') : t('timeUp')}</span>
      <span className="timer-value" aria-live="off">
        {formatRemaining(left)}
      </span>
    </div>
  );
}
