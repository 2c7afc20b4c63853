import { PLAN_GROUPINGS, PLAN_LIMITS } from '../../../shared/domain/plan.js';
import { LIMITS } from '../../../shared/schemas/primitives.js';
import type { Prompt } from '../../../shared/schemas/session.js';
import { useT } from '../../useT.js';
import type { DraftBlock } from './draft.js';

const MAX_MINUTES = LIMITS.roundSeconds.max / 60;

/** The fields of one block in the plan editor: title and minutes for all, and what its kind needs. */
export function BlockFields({
  block,
  prompts,
  onChange,
  disabled,
}: {
  block: DraftBlock;
  prompts: Prompt[];
  onChange: (b: DraftBlock) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <div className="plan-fields">
      <label className="plan-title">
        <span className="field-label">{t('planBlockTitle')}</span>
        <input
          value={block.title ?? ''}
          placeholder={t(`planKind_${block.kind}`)}
          maxLength={PLAN_LIMITS.blockTitle}
          disabled={disabled}
          onChange={(e) => onChange({ ...block, title: e.target.value || null })}
          data-testid="plan-block-title"
        />
      </label>
      <label className="plan-minutes">
        <span className="field-label">{t('minutes')}</span>
        <input
          type="number"
          min={1}
          max={MAX_MINUTES}
          value={Math.round(block.durationSeconds / 60)}
          disabled={disabled}
          onChange={(e) => onChange({ ...block, durationSeconds: Math.min(MAX_MINUTES, Math.max(1, Math.round(Number(e.target.value)) || 1)) * 60 })}
          data-testid="plan-block-minutes"
        />
      </label>
      {block.kind === 'breakout' && (
        <>
          <label>
            <span className="field-label">{t('planGrouping')}</span>
            <select
              value={block.grouping}
              disabled={disabled}
              onChange={(e) => onChange({ ...block, grouping: e.target.value as typeof block.grouping })}
              data-testid="plan-block-grouping"
            >
              {PLAN_GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {g === 'merge' ? t('planGrouping_merge') : t(`mode_${g}`)}
                </option>
              ))}
            </select>
          </label>
          {block.grouping !== 'same' && block.grouping !== 'merge' && <SizingFields block={block} onChange={onChange} disabled={disabled} />}
          <fieldset className="plan-prompts">
            <legend className="field-label">{t('planPrompts')}</legend>
            {prompts.map((p) => {
              const chosen = block.promptIds ?? prompts.map((x) => x.id);
              const on = chosen.includes(p.id);
              return (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={disabled || (on && chosen.length === 1)}
                    onChange={() => {
                      const next = on ? chosen.filter((x) => x !== p.id) : [...chosen, p.id];
                      // Every prompt chosen is "all prompts" (null): prompts added to the session later come along.
                      onChange({ ...block, promptIds: next.length === prompts.length ? null : prompts.map((x) => x.id).filter((x) => next.includes(x)) });
                    }}
                  />
                  {p.text}
                </label>
              );
            })}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={block.jigsaw} disabled={disabled} onChange={(e) => onChange({ ...block, jigsaw: e.target.checked })} />
            {t('planJigsaw')}
          </label>
        </>
      )}
      {block.kind === 'synthesis' && (
        <label className="check">
          <input type="checkbox" checked={block.publish} disabled={disabled} onChange={(e) => onChange({ ...block, publish: e.target.checked })} />
          {t('planPublish')}
        </label>
      )}
      {block.kind === 'voting' && (
        <label className="plan-minutes">
          <span className="field-label">{t('planVotes')}</span>
          <input
            type="number"
            min={1}
            max={LIMITS.votesPerParticipant}
            value={block.votesPerParticipant}
            disabled={disabled}
            onChange={(e) =>
              onChange({ ...block, votesPerParticipant: Math.min(LIMITS.votesPerParticipant, Math.max(1, Math.round(Number(e.target.value)) || 1)) })
            }
          />
        </label>
      )}
    </div>
  );
}

type Breakout = Extract<DraftBlock, { kind: 'breakout' }>;

/** How a breakout block splits the room: as the server does by default, by group size, or by number of groups. */
function SizingFields({ block, onChange, disabled }: { block: Breakout; onChange: (b: DraftBlock) => void; disabled: boolean }) {
  const t = useT();
  const sizing = block.sizing ?? null;
  const value = sizing ? (sizing.by === 'count' ? sizing.count : sizing.size) : 4;
  const set = (by: string, n: number) => {
    const v = Math.max(1, Math.round(n) || 1);
    onChange({ ...block, sizing: by === 'count' ? { by, count: Math.min(LIMITS.groupCount, v) } : by === 'size' ? { by, size: Math.min(1000, v) } : null });
  };
  return (
    <>
      <label>
        <span className="field-label">{t('sizing')}</span>
        <select value={sizing?.by ?? 'default'} disabled={disabled} onChange={(e) => set(e.target.value, value)} data-testid="plan-block-sizing">
          <option value="default">{t('planSizingDefault')}</option>
          <option value="size">{t('bySize')}</option>
          <option value="count">{t('byCount')}</option>
        </select>
      </label>
      {sizing && (
        <label className="plan-minutes">
          <span className="field-label">{sizing.by === 'count' ? t('byCount') : t('bySize')}</span>
          <input type="number" min={1} value={value} disabled={disabled} onChange={(e) => set(sizing.by, Number(e.target.value))} />
        </label>
      )}
    </>
  );
}
