import { useState } from 'react';
import { send, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';

const MODES = ['mixed', 'new-faces', 'random', 'same'] as const;

/** Every grouping mode the server offers, by number of groups or group size; merging; dealing prompts. Disabled controls say why. */
export function GroupingPanel() {
  const t = useT();
  const running = useStore((s) => !!s.view?.round && s.view.round.endedAt === null);
  const hasGroups = useStore((s) => (s.view?.groupOrder.length ?? 0) > 0);
  const hasPeople = useStore((s) => Object.keys(s.view?.participants ?? {}).length > 0);
  const closed = useStore((s) => s.view?.phase === 'closed');
  const [mode, setMode] = useState<(typeof MODES)[number]>('mixed');
  const [by, setBy] = useState<'count' | 'size'>('size');
  // Kept as typed (it may be empty mid-edit); read as a number when the groups are formed.
  const [raw, setRaw] = useState('4');
  const value = Math.max(1, Math.round(Number(raw)) || 1);
  const sizing = by === 'count' ? { by, count: value } : { by, size: value };
  const closedReason = closed ? t('reasonClosed') : null;
  const formReason = firstReason(
    closedReason,
    running && t('reasonRoundRunning'),
    mode === 'same' ? !hasGroups && t('reasonNoGroups') : !hasPeople && t('reasonNobody'),
  );
  const mergeReason = firstReason(closedReason, running && t('reasonRoundRunning'), !hasGroups && t('reasonNoGroups'));
  return (
    <section className="panel" aria-labelledby="grouping-title">
      <h2 id="grouping-title">{t('grouping')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void send('groups.form', mode === 'same' ? { mode } : { mode, sizing });
        }}
      >
        <div className="grouping-fields">
          <label>
            <span className="field-label">{t('mode')}</span>
            <select value={mode} disabled={closed} onChange={(e) => setMode(e.target.value as (typeof MODES)[number])} data-testid="grouping-mode">
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`mode_${m}`)}
                </option>
              ))}
            </select>
          </label>
          {mode !== 'same' && (
            <>
              <label>
                <span className="field-label">{t('sizing')}</span>
                <select value={by} disabled={closed} onChange={(e) => setBy(e.target.value as 'count' | 'size')} data-testid="grouping-by">
                  <option value="size">{t('bySize')}</option>
                  <option value="count">{t('byCount')}</option>
                </select>
              </label>
              <label>
                <span className="field-label">{by === 'count' ? t('byCount') : t('bySize')}</span>
                <input type="number" min={1} max={200} value={raw} disabled={closed} onChange={(e) => setRaw(e.target.value)} data-testid="grouping-value" />
              </label>
            </>
          )}
        </div>
        <div className="row-wrap">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!!formReason}
            aria-describedby={formReason ? 'form-reason' : undefined}
            data-testid="form-groups"
          >
            {t('formGroups')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!!mergeReason}
            aria-describedby={mergeReason ? 'merge-reason' : undefined}
            onClick={() => void send('groups.merge')}
          >
            {t('mergePairs')}
          </button>
        </div>
        <Reason id="form-reason" text={formReason} />
        {mergeReason !== formReason && <Reason id="merge-reason" text={mergeReason} />}
      </form>
      {hasGroups && (
        <div className="row-wrap deal">
          <span className="field-label">{t('dealPrompts')}</span>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={closed}
            aria-describedby={closed ? 'form-reason' : undefined}
            onClick={() => void send('prompts.deal', { mode: 'all' })}
          >
            {t('deal_all')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={closed}
            aria-describedby={closed ? 'form-reason' : undefined}
            onClick={() => void send('prompts.deal', { mode: 'jigsaw' })}
          >
            {t('deal_jigsaw')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={closed}
            aria-describedby={closed ? 'form-reason' : undefined}
            onClick={() => void send('prompts.rotate')}
          >
            {t('rotate')}
          </button>
        </div>
      )}
    </section>
  );
}
