import type { PlanBlock } from '../../../shared/domain/plan.js';
import type { MessageKey } from '../../i18n/index.js';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A block's name: its title, else its kind in the reader's language. */
export const blockName = (t: T, b: PlanBlock) => b.title ?? t(`planKind_${b.kind}`);

/** "Breakout round 2, 20 min, new faces": what the console says comes next. */
export function describeBlock(t: T, b: PlanBlock): string {
  const parts = [blockName(t, b), t('planMin', { n: Math.round(b.durationSeconds / 60) })];
  if (b.kind === 'breakout') parts.push(b.grouping === 'merge' ? t('planGrouping_merge') : t(`mode_${b.grouping}`));
  if (b.kind === 'voting') parts.push(t('planVotesEach', { n: b.votesPerParticipant }));
  return parts.join(', ');
}

/** A time of day in the reader's locale (the console shows local time; the report says UTC). */
export const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
