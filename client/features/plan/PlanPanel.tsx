import { useState } from 'react';
import { currentBlock, nextBlock, type PlanBlock } from '../../../shared/domain/plan.js';
import { useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';
import { blockName, clockTime, describeBlock } from './describe.js';
import { storeDriver } from './driver.js';
import { PlanEditor } from './PlanEditor.js';
import { runBlock } from './run.js';
import './plan.css';

/**
 * The session plan in the console (issue 16, item 4): the block running now, the next one with a button that does
 * what it says through the ordinary commands, and the editor. Nothing here locks anything: every other panel
 * keeps working, and the plan records when each block started and ended.
 */
export function PlanPanel() {
  const t = useT();
  const plan = useStore((s) => s.view?.plan);
  const closed = useStore((s) => s.view?.phase === 'closed');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = currentBlock(plan);
  const next = nextBlock(plan);

  const step = async (block: PlanBlock | null, actions: boolean) => {
    setBusy(true);
    setError(null);
    const failed = await runBlock(block, storeDriver, actions);
    setBusy(false);
    if (failed && !failed.ok) setError(failed.error.message);
  };
  const reason = firstReason(closed && t('reasonClosed'));
  const startedAt = now && plan?.runs.findLast((r) => r.blockId === now.id)?.startedAt;

  return (
    <section className="panel plan-panel" aria-labelledby="plan-title" data-testid="plan-panel">
      <h2 id="plan-title">{t('planTitle')}</h2>
      {!plan?.blocks.length && <p className="muted">{t('planEmpty')}</p>}
      {now && (
        <p className="plan-now" data-testid="plan-now">
          <strong>{t('planNow', { block: blockName(t, now) })}</strong>
          {startedAt ? <span className="muted"> · {t('planRunning', { start: clockTime(startedAt) })}</span> : null}
        </p>
      )}
      {next && (
        <div className="plan-next">
          <p data-testid="plan-next">{t('planNext', { block: describeBlock(t, next) })}</p>
          <div className="row-wrap">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !!reason}
              aria-describedby={reason ? 'plan-reason' : undefined}
              onClick={() => void step(next, true)}
              data-testid="plan-start"
            >
              {t('planStart')}
            </button>
            <button
              type="button"
              className="btn btn-ghost small"
              disabled={busy || !!reason}
              aria-describedby={reason ? 'plan-reason' : undefined}
              onClick={() => void step(next, false)}
              data-testid="plan-mark"
            >
              {t('planMarkOnly')}
            </button>
          </div>
        </div>
      )}
      {now && !next && (
        <button type="button" className="btn btn-secondary" disabled={busy || !!reason} onClick={() => void step(null, false)} data-testid="plan-finish">
          {t('planFinish')}
        </button>
      )}
      {plan && plan.blocks.length > 0 && !now && !next && <p className="muted">{t('planDone')}</p>}
      {plan?.blocks.length ? <p className="muted small">{t('planHandHint')}</p> : null}
      <Reason id="plan-reason" text={reason} />
      {error && (
        <p className="error" role="alert" data-testid="plan-error">
          {error}
        </p>
      )}
      <PlanEditor />
    </section>
  );
}
