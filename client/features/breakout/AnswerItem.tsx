import { useState } from 'react';
import type { Answer } from '../../../shared/schemas/session.js';
import { send } from '../../store/index.js';
import { useT } from '../../useT.js';

export function AnswerItem({ answer, author, isMine, canChange }: { answer: Answer; author: string | null; isMine: boolean; canChange: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(answer.text);
  if (editing) {
    return (
      <li className="answer answer-editing">
        <form
          className="add-answer"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void send('answer.edit', { answerId: answer.id, text: text.trim() });
            setEditing(false);
          }}
        >
          <label className="grow">
            <span className="visually-hidden">{t('edit')}</span>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={1000} autoFocus />
          </label>
          <button className="btn btn-primary" type="submit">
            {t('save')}
          </button>
          <button className="btn btn-ghost" type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className={`answer ${isMine ? 'answer-mine' : ''}`} data-testid="answer">
      <span className="answer-text">{answer.text}</span>
      <span className="answer-meta">
        <span className="author">{isMine ? t('you') : (author ?? t('anonymousAuthor'))}</span>
        {canChange && (
          <>
            <button
              type="button"
              className="btn btn-ghost small"
              onClick={() => {
                setText(answer.text);
                setEditing(true);
              }}
            >
              {t('edit')}
            </button>
            <button type="button" className="btn btn-ghost small btn-danger-text" onClick={() => void send('answer.delete', { answerId: answer.id })}>
              {t('delete')}
            </button>
          </>
        )}
      </span>
    </li>
  );
}
