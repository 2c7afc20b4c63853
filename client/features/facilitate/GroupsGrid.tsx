import { memo, useMemo } from 'react';
import type { Answer, Group, Participant, Prompt } from '../../../shared/schemas/session.js';
import { useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { GroupCard } from './GroupCard.js';

/** Every current group and its answers as they are written; stays responsive with 50 groups and 1,000 answers. */
export function GroupsGrid() {
  const t = useT();
  const view = useStore((s) => s.view);
  const byGroup = useMemo(() => {
    const m = new Map<string, Answer[]>();
    for (const a of Object.values(view?.answers ?? {})) {
      const list = m.get(a.groupId) ?? [];
      list.push(a);
      m.set(a.groupId, list);
    }
    for (const list of m.values()) list.sort((x, y) => x.createdAt - y.createdAt);
    return m;
  }, [view?.answers]);
  if (!view) return null;
  const groups = view.groupOrder.map((id) => view.groups[id]).filter(Boolean);
  return (
    <section className="panel groups-panel" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('groupsLive')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('noGroups')}</p>
      ) : (
        <div className="groups-grid" data-testid="groups-grid">
          {groups.map((g) => (
            <MemoCard key={g.id} group={g} groups={groups} answers={answersOfLineage(g, byGroup)} prompts={view.prompts} participants={view.participants} />
          ))}
        </div>
      )}
    </section>
  );
}

/** A merged group shows what its parts wrote. */
function answersOfLineage(g: Group, byGroup: Map<string, Answer[]>): Answer[] {
  return g.lineage.length === 1 ? (byGroup.get(g.id) ?? EMPTY) : g.lineage.flatMap((id) => byGroup.get(id) ?? EMPTY);
}
const EMPTY: Answer[] = [];

const MemoCard = memo(GroupCard) as typeof GroupCard;
export type GroupCardProps = { group: Group; groups: Group[]; answers: Answer[]; prompts: Prompt[]; participants: Record<string, Participant> };
