import { describeRefusal, type RefusedCommand } from '../errors.js';
import { dismissRefused, useStore } from '../store/index.js';
import { useLanguage, useT } from '../useT.js';

/** The text a refused command carried (an answer, an edit), if any: it is shown back so nothing is lost. */
export function refusedText(r: Pick<RefusedCommand, 'payload'>): string | null {
  return typeof r.payload.text === 'string' ? r.payload.text : null;
}

/**
 * Every command the server refused, with the reason in the reader's language and what they had written, until
 * they dismiss it. `shownElsewhere` leaves out those shown in place (a refused answer under its own prompt).
 */
export function RefusedNotices({ shownElsewhere }: { shownElsewhere?: (r: RefusedCommand) => boolean }) {
  const refused = useStore((s) => s.refused);
  const list = shownElsewhere ? refused.filter((r) => !shownElsewhere(r)) : refused;
  if (list.length === 0) return null;
  return (
    <ul className="refused-list" data-testid="refused-notices">
      {list.map((r) => (
        <RefusedItem key={r.opId} refused={r} />
      ))}
    </ul>
  );
}

/** One refused command: why, what was written (kept as it was), and a way to put it away or back to work. */
export function RefusedItem({ refused, onRestore }: { refused: RefusedCommand; onRestore?: (text: string) => void }) {
  const t = useT();
  const lang = useLanguage();
  const text = refusedText(refused);
  return (
    <li className="refused" data-testid="refused">
      <p className="refused-reason" role="alert">
        {describeRefusal(lang, refused)}
      </p>
      {text && (
        <blockquote className="refused-text" data-testid="refused-text">
          {text}
        </blockquote>
      )}
      <div className="row-wrap">
        {text && onRestore && (
          <button
            type="button"
            className="btn btn-secondary small"
            onClick={() => {
              onRestore(text);
              dismissRefused(refused.opId);
            }}
          >
            {t('putBackToEdit')}
          </button>
        )}
        <button type="button" className="btn btn-ghost small" onClick={() => dismissRefused(refused.opId)} data-testid="dismiss-refused">
          {t('dismissMessage')}
        </button>
      </div>
    </li>
  );
}
