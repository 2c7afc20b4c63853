import { assertNever } from '../../../shared/domain/assert-never.js';
import { type BlockKind, type PlanBlock, type PlanBlockInput, PLAN_LIMITS } from '../../../shared/domain/plan.js';
import type { PlanRun } from '../../../shared/domain/plan.js';

/** A block being edited: its id once the server gave it one, and a key for React either way. */
export type DraftBlock = PlanBlockInput & { key: string };

let counter = 0;
const newKey = () => `draft-${++counter}`;

export const fromPlan = (blocks: readonly PlanBlock[]): DraftBlock[] => blocks.map((b) => ({ ...b, key: b.id }));
export const fromInputs = (blocks: readonly PlanBlockInput[]): DraftBlock[] => blocks.map((b) => ({ ...b, key: newKey() }));

/** What plan.set carries: the blocks in order, without the editor's keys. */
export const toInputs = (draft: readonly DraftBlock[]): PlanBlockInput[] => draft.map(({ key: _key, ...b }) => b);

/** A new block of a kind, with the defaults a facilitator would most often pick. */
export function newBlock(kind: BlockKind): DraftBlock {
  const key = newKey();
  switch (kind) {
    case 'plenary':
      return { key, kind, title: null, durationSeconds: 600 };
    case 'breakout':
      return { key, kind, title: null, durationSeconds: 1200, grouping: 'mixed', sizing: null, promptIds: null, jigsaw: false };
    case 'synthesis':
      return { key, kind, title: null, durationSeconds: 900, publish: true };
    case 'voting':
      return { key, kind, title: null, durationSeconds: 600, votesPerParticipant: 3 };
    case 'evaluation':
      return { key, kind, title: null, durationSeconds: 600 };
    default:
      return assertNever(kind);
  }
}

export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export const canAdd = (draft: readonly DraftBlock[]) => draft.length < PLAN_LIMITS.blocks;

/** Whether a block ran (a block that ran cannot be removed: the report shows it). */
export const hasRun = (runs: readonly PlanRun[] | undefined, id: string | undefined) => !!id && !!runs?.some((r) => r.blockId === id);
