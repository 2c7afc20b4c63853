import { useMemo, useState } from 'react';
import type { Group, Prompt } from '../../../shared/schemas/session.js';
import { groupSeesAnswer, mayChangeAnswer } from '../../../shared/domain/permissions.js';
import { send, useStore } from '../../store/index.js';
import { storage } from '../../storage.js';
import { useLanguage, useT } from '../../useT.js';
import { RefusedItem } from '../../components/RefusedNotices.js';
import { AnswerItem } from './AnswerItem.js';

/**
 * One prompt: the box to add an answer first (on a phone it stays in reach instead of sinking under a growing
 * list), then what waits to be saved or was refused, then the group's answers, newest first.
 */
export function PromptAnswers({ prompt, group }: { prompt: Prompt; group: Group }) {
  const t = useT();
  // What the writer reads the interface in is the best guess of what they write in; the synthesis uses it.
  const language = useLanguage();
  const view = useStore((s) => s.view)!;
  const participantId = useStore((s) => s.participantId);
  const mine = useStore((s) => s.myAnswerIds);
  const queued = useStore((s) => s.queued);
  const refusedAll = useStore((s) => s.refused);
  const refused = refusedAll.filter((r) => r.type === 'answer.add' && r.payload.promptId === prompt.id);
  const draftKey = `${view.id}:${prompt.id}`;
  const [text, setText] = useState(() => storage.draft(draftKey));
  const answers = useMemo(
    () =>
      Object.values(view.answers)
        .filter((a) => a.promptId === prompt.id && groupSeesAnswer(group, a))
        .sort((a, b) => b.createdAt - a.createdAt),
    [view.answers, prompt.id, group],
  );
  const pending = queued.filter((q) => q.type === 'answer.add' && q.payload.promptId === prompt.id);
  const actor = participantId ? ({ role: 'participant', participantId } as const) : null;
  const writable = view.phase === 'breakout' || view.phase === 'plenary';
  const headingId = `prompt-${prompt.id}`;

  const update = (v: string) => {
    setText(v);
    storage.setDraft(draftKey, v);
  };

  return (
    <section className="prompt" aria-labelledby={headingId}>
      <h2 id={headingId} lang={view.language}>
        {prompt.text}
      </h2>
      {writable && (
        <form
          className="add-answer"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) return;
            update('');
            void send('answer.add', { promptId: prompt.id, text: value, language });
          }}
        >
          <label className="grow">
            <span className="visually-hidden">
              {t('addAnswer')}: {prompt.text}
            </span>
            <textarea
              value={text}
              onChange={(e) => update(e.target.value)}
              placeholder={t('answerPlaceholder')}
              rows={2}
              maxLength={1000}
              data-testid={`answer-input-${prompt.id}`}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </label>
          <button className="btn btn-primary" type="submit" disabled={!text.trim()}>
            {t('add')}
          </button>
        </form>
      )}
      <ul className="answers" aria-live="polite" data-testid={`answers-${prompt.id}`}>
        {refused.map((r) => (
          <RefusedItem key={r.opId} refused={r} onRestore={writable ? (v) => update(text ? `${text}\n${v}` : v) : undefined} />
        ))}
        {pending.map((q) => (
          <li key={q.opId} className="answer answer-pending" data-testid="answer-pending">
            <span className="answer-text">{String(q.payload.text)}</span>
            <span className="pending-tag">{t('saving')}</span>
          </li>
        ))}
        {answers.map((a) => (
          <AnswerItem
            key={a.id}
            answer={a}
            author={a.authorId ? (view.participants[a.authorId]?.name ?? null) : null}
            isMine={a.authorId === participantId || mine.includes(a.id)}
            canChange={!!actor && writable && (mayChangeAnswer(view, actor, a) || mine.includes(a.id))}
          />
        ))}
      </ul>
    </section>
  );
}
