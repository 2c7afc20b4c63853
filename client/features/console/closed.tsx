import { useStore } from '../../store/index.js';
import { useT } from '../../useT.js';

/** True once the session is closed: every control that changes something is disabled, and says why. */
export const useClosed = () => useStore((s) => s.view?.phase === 'closed');

/**
 * Why the controls next to it cannot act, as a visible line the disabled controls point to (aria-describedby):
 * a greyed button without a reason was the complaint.
 */
export function Reason({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="reason" id={id} data-testid="reason">
      {text}
    </p>
  );
}

/** The first reason that applies, in the order given; null when the control can act. */
export function firstReason(...reasons: (string | false | null | undefined)[]): string | null {
  for (const r of reasons) if (r) return r;
  return null;
}

/** The closed reason in the reader's language, or null. */
export function useClosedReason(): string | null {
  const t = useT();
  return useClosed() ? t('reasonClosed') : null;
}
