import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Answer, Participant } from '../../../shared/schemas/session.js';
import { send, useStore } from '../../store/index.js';
import { groupName } from '../../components/group-name.js';
import { useLanguage, useT } from '../../useT.js';
import { useConsoleMinute } from '../console/clock.js';
import type { GroupCardProps } from './GroupsGrid.js';

/** Answers shown per prompt before "show all": a card stays short, and the newest are always in view. */
const SHOWN = 3;

const relative = (lang: string, ms: number) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-Math.max(0, Math.round(ms / 60_000)), 'minute');

/** One group: members with organisation and country (movable by drag and drop or a select), progress per prompt, answers, signals. */
export function GroupCard({ group, answers, prompts, groupOptions, closed }: GroupCardProps) {
  const t = useT();
  const lang = useLanguage();
  const now = useConsoleMinute();
  const [over, setOver] = useState(false);
  const [expanded, setExpanded] = useState(false);
  // Only this card's people: a join elsewhere does not re-render it.
  const members = useStore(useShallow((s) => group.memberIds.map((id) => s.view?.participants[id]).filter((p): p is Participant => !!p)));
  const authorIds = [...new Set(answers.map((a) => a.authorId).filter((id): id is string => !!id))];
  const authors = useStore(useShallow((s) => authorIds.map((id) => s.view?.participants[id]?.name ?? '')));
  const nameOf = new Map(authorIds.map((id, i) => [id, authors[i]]));
  const dealt = prompts.filter((p) => group.promptIds === null || group.promptIds.includes(p.id));
  const name = groupName(t, group);
  return (
    <article
      id={`group-${group.id}`}
      tabIndex={-1}
      className={`group-card ${group.help ? 'is-help' : ''} ${group.done ? 'is-done' : ''} ${over ? 'is-drop' : ''}`}
      aria-label={name}
      data-testid="group-card"
      onDragOver={(e) => {
        if (closed) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const pid = e.dataTransfer.getData('text/participant');
        if (pid && !closed) void send('participant.move', { participantId: pid, groupId: group.id });
      }}
    >
      <header className="group-head">
        <h3>{name}</h3>
        <div className="signals">
          {group.help && (
            <span className="pill pill-help" role="status">
              {t('help')}
            </span>
          )}
          {group.done && <span className="pill pill-done">{t('done')}</span>}
        </div>
      </header>
      <p className="muted small">
        {group.lastActivityAt ? t('lastActivity', { time: relative(lang, now - group.lastActivityAt) }) : '—'} · {t('answersCount', { n: answers.length })}
      </p>
      <ul className="members">
        {members.map((p) => (
          <li key={p.id} draggable={!closed} onDragStart={(e) => e.dataTransfer.setData('text/participant', p.id)} className="member-chip">
            <span className="member-who">
              <span className="member-name">{p.name}</span>
              {(p.organisation || p.country) && <span className="member-from">{[p.organisation, p.country].filter(Boolean).join(' · ')}</span>}
            </span>
            <select
              aria-label={t('moveTo', { name: p.name })}
              value={group.id}
              disabled={closed}
              title={closed ? t('reasonClosed') : undefined}
              onChange={(e) => void send('participant.move', { participantId: p.id, groupId: e.target.value })}
            >
              {groupOptions.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {dealt.map((p) => (
        <PromptAnswers key={p.id} text={p.text} answers={answers.filter((a) => a.promptId === p.id)} expanded={expanded} nameOf={nameOf} />
      ))}
      <div className="row-wrap">
        {answers.length > SHOWN && (
          <button type="button" className="btn btn-ghost small" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('showFewer') : t('showAll', { n: answers.length })}
          </button>
        )}
        {(group.help || group.done) && (
          <button
            type="button"
            className="btn btn-ghost small"
            disabled={closed}
            onClick={() => void send('group.signal', { groupId: group.id, help: false, done: false })}
          >
            {t('clear')}
          </button>
        )}
      </div>
    </article>
  );
}

function PromptAnswers({ text, answers, expanded, nameOf }: { text: string; answers: Answer[]; expanded: boolean; nameOf: Map<string, string> }) {
  const t = useT();
  const hidden = expanded ? 0 : Math.max(0, answers.length - SHOWN);
  return (
    <section className="group-prompt">
      <h4>
        {text}{' '}
        <span className="progress" role="img" aria-label={t('answersCount', { n: answers.length })}>
          {answers.length}
        </span>
      </h4>
      {hidden > 0 && <p className="muted small">{t('earlierAnswers', { n: hidden })}</p>}
      <ul className="answers">
        {answers.slice(hidden).map((a) => (
          <li key={a.id}>
            {a.text}
            {a.authorId && nameOf.get(a.authorId) && <span className="author"> — {nameOf.get(a.authorId)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
