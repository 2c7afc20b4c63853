import { useEffect, useMemo, useState } from 'react';
import { LIMITS } from '../../../shared/schemas/primitives.js';
import type { Prompt } from '../../../shared/schemas/session.js';
import { send, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';

type Draft = { id?: string; text: string; key: string };
const NO_PROMPTS: Prompt[] = [];
let nextKey = 0;
const toDrafts = (prompts: Prompt[]): Draft[] => prompts.map((p) => ({ id: p.id, text: p.text, key: p.id }));

/**
 * The session's prompts, visible from the start and editable before a round: in the lobby the facilitator can still
 * fix a word, add or drop a prompt. A prompt that already has answers cannot be dropped (the server says so too).
 */
export function PromptsPanel() {
  const t = useT();
  const prompts = useStore((s) => s.view?.prompts ?? NO_PROMPTS);
  const answers = useStore((s) => s.view?.answers);
  const phase = useStore((s) => s.view?.phase);
  const running = useStore((s) => !!s.view?.round && s.view.round.endedAt === null);
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(prompts));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDrafts(toDrafts(prompts));
  }, [prompts, dirty]);
  const answered = useMemo(() => new Set(Object.values(answers ?? {}).map((a) => a.promptId)), [answers]);
  const locked = firstReason(phase === 'closed' && t('reasonClosed'), running && t('reasonRoundRunning'));
  const edit = (i: number, patch: Partial<Draft> | null) => {
    setDirty(true);
    setDrafts((ds) => (patch === null ? ds.filter((_, j) => j !== i) : ds.map((d, j) => (j === i ? { ...d, ...patch } : d))));
  };
  const valid = drafts.length > 0 && drafts.every((d) => d.text.trim().length > 0);
  return (
    <section className="panel" aria-labelledby="prompts-title" data-testid="prompts-panel">
      <h2 id="prompts-title">{t('section_prompts')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void send('session.update', { prompts: drafts.map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim() })) }).then(
            (ack) => ack.ok && setDirty(false),
          );
        }}
      >
        <ol className="prompt-edit-list">
          {drafts.map((d, i) => {
            const keep = d.id && answered.has(d.id) ? t('reasonPromptAnswered') : null;
            return (
              <li key={d.key}>
                <label className="grow">
                  <span className="visually-hidden">{t('promptN', { n: i + 1 })}</span>
                  <textarea
                    rows={2}
                    value={d.text}
                    maxLength={LIMITS.promptText}
                    disabled={!!locked}
                    aria-describedby={locked ? 'prompts-reason' : undefined}
                    onChange={(e) => edit(i, { text: e.target.value })}
                    data-testid="prompt-input"
                  />
                </label>
                <button
                  type="button"
                  className="btn btn-ghost small"
                  disabled={!!locked || !!keep || drafts.length <= 1}
                  title={keep ?? undefined}
                  onClick={() => edit(i, null)}
                  aria-label={t('removePrompt', { n: i + 1 })}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
        <div className="row-wrap">
          <button
            type="button"
            className="btn btn-ghost"
            disabled={!!locked || drafts.length >= LIMITS.prompts}
            onClick={() => {
              setDirty(true);
              setDrafts((ds) => [...ds, { text: '', key: `new-${nextKey++}` }]);
            }}
          >
            {t('addPrompt')}
          </button>
          {dirty && (
            <>
              <button type="submit" className="btn btn-primary" disabled={!!locked || !valid} data-testid="save-prompts">
                {t('save')}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setDirty(false);
                  setDrafts(toDrafts(prompts));
                }}
              >
                {t('cancel')}
              </button>
            </>
          )}
        </div>
        <Reason id="prompts-reason" text={locked} />
      </form>
    </section>
  );
}
