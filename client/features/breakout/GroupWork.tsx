import { useMemo } from 'react';
import { promptsOfGroup } from '../../../shared/domain/permissions.js';
import { groupName } from '../../components/group-name.js';
import { send, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { PromptAnswers } from './PromptAnswers.js';

/** Your group: who is in it, its prompts and answers, and its done / help signals. */
export function GroupWork({ groupId }: { groupId: string }) {
  const t = useT();
  const view = useStore((s) => s.view)!;
  const group = view.groups[groupId];
  const promptIds = useMemo(() => (group ? promptsOfGroup(view, group) : []), [view, group]);
  if (!group) return null;
  return (
    <section className="card group-work" aria-labelledby="your-group" data-testid="group-work">
      <header className="group-work-head">
        <div>
          <p className="eyebrow">{t('yourGroup')}</p>
          <h1 id="your-group">{groupName(t, group)}</h1>
        </div>
        <div className="row-wrap">
          <button
            type="button"
            className={`btn ${group.done ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={group.done}
            onClick={() => void send('group.signal', { done: !group.done })}
            data-testid="signal-done"
          >
            {group.done ? t('done') : t('weAreDone')}
          </button>
          <button
            type="button"
            className={`btn ${group.help ? 'btn-warn' : 'btn-secondary'}`}
            aria-pressed={group.help}
            onClick={() => void send('group.signal', { help: !group.help })}
            data-testid="signal-help"
          >
            {group.help ? t('helpCalled') : t('callHelp')}
          </button>
        </div>
      </header>
      <ul className="members members-inline" aria-label={t('members')}>
        {group.memberIds.map((id) => {
          const p = view.participants[id];
          return p ? (
            <li key={id} className="member-chip">
              {p.name}
              {p.organisation ? <span className="muted"> · {p.organisation}</span> : null}
            </li>
          ) : null;
        })}
      </ul>
      {view.prompts
        .filter((p) => promptIds.includes(p.id))
        .map((p) => (
          <PromptAnswers key={p.id} prompt={p} group={group} />
        ))}
    </section>
  );
}
