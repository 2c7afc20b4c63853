import { memo, useMemo, useRef } from 'react';
import type { Answer, Group, Prompt } from '../../../shared/schemas/session.js';
import { groupName } from '../../components/group-name.js';
import { useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { keepStable } from '../console/stable.js';
import { GroupCard } from './GroupCard.js';

export type GroupOption = { id: string; name: string };
export type GroupCardProps = { group: Group; answers: Answer[]; prompts: Prompt[]; groupOptions: GroupOption[]; closed: boolean };

const EMPTY: Answer[] = [];
const NO_PROMPTS: Prompt[] = [];

/**
 * Every current group and its answers as they are written. Built to keep up with 50 groups and 1,000 answers:
 * every prop a card gets keeps its identity unless that card's part changed, so one new answer re-renders one card.
 */
export function GroupsGrid() {
  const t = useT();
  const answers = useStore((s) => s.view?.answers);
  const groups = useStore((s) => s.view?.groups);
  const groupOrder = useStore((s) => s.view?.groupOrder);
  const prompts = useStore((s) => s.view?.prompts ?? NO_PROMPTS);
  const closed = useStore((s) => s.view?.phase === 'closed');
  const previous = useRef(new Map<string, Answer[]>());
  const byGroup = useMemo(() => {
    const m = new Map<string, Answer[]>();
    for (const a of Object.values(answers ?? {})) {
      const list = m.get(a.groupId);
      if (list) list.push(a);
      else m.set(a.groupId, [a]);
    }
    // A stable sort: answers written in the same millisecond keep the order they arrived in.
    for (const list of m.values()) list.sort((x, y) => x.createdAt - y.createdAt);
    previous.current = keepStable(previous.current, m);
    return previous.current;
  }, [answers]);
  const current = useMemo(() => (groupOrder ?? []).map((id) => groups?.[id]).filter((g): g is Group => !!g), [groupOrder, groups]);
  // Names only change with a new split or a merge, so the move menus of fifty cards are not rebuilt per answer.
  const optionsKey = current.map((g) => `${g.id}:${groupName(t, g)}`).join('|');
  const groupOptions = useMemo(() => current.map((g) => ({ id: g.id, name: groupName(t, g) })), [optionsKey]);
  const lineage = useRef(new Map<string, Answer[]>());
  return (
    <section className="panel groups-panel" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('groupsLive')}</h2>
      {current.length === 0 ? (
        <p className="muted">{t('noGroups')}</p>
      ) : (
        <div className="groups-grid" data-testid="groups-grid">
          {current.map((g) => (
            <MemoCard
              key={g.id}
              group={g}
              groupOptions={groupOptions}
              answers={answersOfLineage(g, byGroup, lineage.current)}
              prompts={prompts}
              closed={closed}
            />
          ))}
        </div>
      )}
    </section>
  );
}

/** A merged group shows what its parts wrote (kept stable the same way). */
function answersOfLineage(g: Group, byGroup: Map<string, Answer[]>, cache: Map<string, Answer[]>): Answer[] {
  if (g.lineage.length <= 1) return byGroup.get(g.id) ?? EMPTY;
  const next = g.lineage.flatMap((id) => byGroup.get(id) ?? EMPTY);
  const old = cache.get(g.id);
  if (old && old.length === next.length && old.every((a, i) => a === next[i])) return old;
  cache.set(g.id, next);
  return next;
}

const MemoCard = memo(GroupCard);
