import { useEffect, useState } from 'react';
import { BLOCK_KINDS, type BlockKind } from '../../../shared/domain/plan.js';
import { PLAN_TEMPLATES } from '../../../shared/domain/plan-templates.js';
import type { Prompt } from '../../../shared/schemas/session.js';
import { send, useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { BlockFields } from './BlockFields.js';
import { clockTime } from './describe.js';
import { canAdd, type DraftBlock, fromInputs, fromPlan, hasRun, moved, newBlock, toInputs } from './draft.js';

/** One empty list: a selector must not answer a new array each time (the store would re-render for ever). */
const NO_PROMPTS: Prompt[] = [];

/**
 * Lays out the plan: from a template (block titles in the session's language) or block by block; add, remove,
 * reorder, edit, then save as one `plan.set`. While nothing is edited it follows the plan as saved (a co-facilitator's
 * changes show up); once edited it keeps the draft until saved or discarded.
 */
export function PlanEditor() {
  const t = useT();
  const lang = useLanguage();
  const plan = useStore((s) => s.view?.plan);
  const prompts = useStore((s) => s.view?.prompts ?? NO_PROMPTS);
  const sessionLanguage = useStore((s) => s.view?.language ?? 'en');
  const closed = useStore((s) => s.view?.phase === 'closed');
  const [draft, setDraft] = useState<DraftBlock[]>(() => fromPlan(plan?.blocks ?? []));
  const [dirty, setDirty] = useState(false);
  const [templateId, setTemplateId] = useState(PLAN_TEMPLATES[0].id);
  const [kind, setKind] = useState<BlockKind>('breakout');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(!plan?.blocks.length);

  useEffect(() => {
    if (!dirty) setDraft(fromPlan(plan?.blocks ?? []));
  }, [plan?.blocks, dirty]);

  const change = (next: DraftBlock[]) => {
    setDraft(next);
    setDirty(true);
  };
  const save = async () => {
    setError(null);
    const ack = await send('plan.set', { blocks: toInputs(draft) });
    if (!ack.ok) return setError(ack.error.message);
    setDirty(false);
    // A first plan is laid out: make room for the console's "next" line; the editor opens again with a click.
    if (!plan?.blocks.length) setOpen(false);
  };
  const runOf = (id: string | undefined) => plan?.runs.filter((r) => r.blockId === id).at(-1);

  return (
    <details className="plan-editor" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="plan-edit">{t('planEdit')}</summary>
      <div className="row-wrap plan-template">
        <label>
          <span className="field-label">{t('planTemplate')}</span>
          <select value={templateId} disabled={closed} onChange={(e) => setTemplateId(e.target.value)} data-testid="plan-template">
            {PLAN_TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={closed}
          onClick={() => change(fromInputs(PLAN_TEMPLATES.find((x) => x.id === templateId)!.blocks(sessionLanguage)))}
          data-testid="plan-use-template"
        >
          {t('planUseTemplate')}
        </button>
      </div>
      <ol className="plan-blocks" data-testid="plan-blocks">
        {draft.map((b, i) => {
          const run = runOf(b.id);
          const name = b.title ?? t(`planKind_${b.kind}`);
          return (
            <li key={b.key} className={`plan-block${plan?.currentId && plan.currentId === b.id ? ' plan-block-current' : ''}`} data-testid="plan-block">
              <div className="plan-block-head">
                <span className="plan-kind">{t(`planKind_${b.kind}`)}</span>
                {run && (
                  <span className="muted small">
                    {run.endedAt === null
                      ? t('planRunning', { start: clockTime(run.startedAt) })
                      : t('planRan', { start: clockTime(run.startedAt), end: clockTime(run.endedAt) })}
                  </span>
                )}
                <span className="plan-block-tools">
                  <button
                    type="button"
                    className="btn btn-ghost small"
                    disabled={closed || i === 0}
                    aria-label={t('planMoveUp', { block: name })}
                    onClick={() => change(moved(draft, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost small"
                    disabled={closed || i === draft.length - 1}
                    aria-label={t('planMoveDown', { block: name })}
                    onClick={() => change(moved(draft, i, i + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost small btn-danger-text"
                    disabled={closed || hasRun(plan?.runs, b.id)}
                    aria-label={t('planRemove', { block: name })}
                    onClick={() => change(draft.filter((x) => x.key !== b.key))}
                  >
                    ✕
                  </button>
                </span>
              </div>
              <BlockFields block={b} prompts={prompts} disabled={closed} onChange={(nb) => change(draft.map((x) => (x.key === b.key ? nb : x)))} />
            </li>
          );
        })}
      </ol>
      <div className="row-wrap">
        <label>
          <span className="field-label">{t('planAddBlock')}</span>
          <select value={kind} disabled={closed} onChange={(e) => setKind(e.target.value as BlockKind)} data-testid="plan-add-kind">
            {BLOCK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`planKind_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={closed || !canAdd(draft)}
          onClick={() => change([...draft, newBlock(kind)])}
          data-testid="plan-add"
        >
          {t('planAdd')}
        </button>
      </div>
      <div className="row-wrap plan-save">
        <button type="button" className="btn btn-primary" disabled={closed || !dirty} onClick={() => void save()} data-testid="plan-save">
          {t('planSave')}
        </button>
        {dirty && (
          <>
            <span className="muted small" role="status">
              {t('planUnsaved')}
            </span>
            <button type="button" className="btn btn-ghost small" onClick={() => setDirty(false)}>
              {t('planDiscard')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="plan-save-error">
          {error}
        </p>
      )}
    </details>
  );
}
