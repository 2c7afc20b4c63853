import type { SessionView } from '../../../shared/domain/projection.js';
import { groupName } from '../../components/group-name.js';
import { useT } from '../../useT.js';

/** For each prompt, the groups working on it (all of them unless prompts were dealt out). */
export function groupsByPrompt(view: Pick<SessionView, 'prompts' | 'groups' | 'groupOrder'>): { promptId: string; text: string; groupIds: string[] }[] {
  const groups = view.groupOrder.map((id) => view.groups[id]).filter((g) => g && !g.archived);
  return view.prompts.map((p) => ({
    promptId: p.id,
    text: p.text,
    groupIds: groups.filter((g) => g.promptIds === null || g.promptIds.includes(p.id)).map((g) => g.id),
  }));
}

/**
 * During breakout the room looks up to see what it is working on: every prompt in large type with the groups
 * that have it. A prompt nobody has is left out; "every group" stands in for a long list.
 */
export function BreakoutPrompts({ view }: { view: SessionView }) {
  const t = useT();
  const rows = groupsByPrompt(view).filter((r) => r.groupIds.length > 0);
  const total = view.groupOrder.length;
  return (
    <section className="projector-breakout" aria-labelledby="projector-prompts-title" data-testid="projector-prompts">
      <h2 id="projector-prompts-title">{t('projectorWhoHasWhat')}</h2>
      <ol className="projector-prompt-list">
        {rows.map((r) => (
          <li key={r.promptId} className="projector-prompt" data-testid="projector-prompt">
            <p className="projector-prompt-text" lang={view.language}>
              {r.text}
            </p>
            <p className="projector-prompt-groups" data-testid="projector-prompt-groups">
              {r.groupIds.length === total ? t('projectorAllGroups') : r.groupIds.map((id) => groupName(t, view.groups[id])).join(' · ')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
