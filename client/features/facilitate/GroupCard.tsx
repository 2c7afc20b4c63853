import { useState } from 'react';
import { send } from '../../store/index.js';
import { groupName } from '../../components/group-name.js';
import { useLanguage, useT } from '../../useT.js';
import { useServerNow } from '../../components/useServerNow.js';
import type { GroupCardProps } from './GroupsGrid.js';

const relative = (lang: string, ms: number) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-Math.max(0, Math.round(ms / 60_000)), 'minute');

/** One group: members (movable by drag and drop or a select), progress per prompt, answers, signals. */
export function GroupCard({ group, groups, answers, prompts, participants }: GroupCardProps) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const [over, setOver] = useState(false);
  const dealt = prompts.filter((p) => group.promptIds === null || group.promptIds.includes(p.id));
  const name = groupName(t, group);
  return (
    <article
      className={`group-card ${group.help ? 'is-help' : ''} ${group.done ? 'is-done' : ''} ${over ? 'is-drop' : ''}`}
      aria-label={name}
      data-testid="group-card"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const pid = e.dataTransfer.getData('text/participant');
        if (pid) void send('participant.move', { participantId: pid, groupId: group.id });
      }}
    >
      <header className="group-head">
        <h3>{name}</h3>
        <div className="signals">
          {group.help && <span className="pill pill-help" role="status">{t('help')}</span>}
          {group.done && <span className="pill pill-done">{t('done')}</span>}
        </div>
      </header>
      <p className="muted small">
        {group.lastActivityAt ? t('lastActivity', { time: relative(lang, now - group.lastActivityAt) }) : '—'} · {t('answersCount', { n: answers.length })}
      </p>
      <ul className="members">
        {group.memberIds.map((id) => {
          const p = participants[id];
          if (!p) return null;
          return (
            <li key={id} draggable onDragStart={(e) => e.dataTransfer.setData('text/participant', id)} className="member-chip">
              <span>{p.name}</span>
              <select
                aria-label={t('moveTo', { name: p.name })}
                value={group.id}
                onChange={(e) => void send('participant.move', { participantId: id, groupId: e.target.value })}
              >
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {groupName(t, g)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {dealt.map((p) => {
        const mine = answers.filter((a) => a.promptId === p.id);
        return (
          <section key={p.id} className="group-prompt">
            <h4>
              {p.text} <span className="progress" aria-label={t('answersCount', { n: mine.length })}>{mine.length}</span>
            </h4>
            <ul className="answers">
              {mine.map((a) => (
                <li key={a.id}>
                  {a.text}
                  {a.authorId && participants[a.authorId] && <span className="author"> — {participants[a.authorId].name}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {(group.help || group.done) && (
        <button type="button" className="btn btn-ghost small" onClick={() => void send('group.signal', { groupId: group.id, help: false, done: false })}>
          {t('clear')}
        </button>
      )}
    </article>
  );
}
