import type { Ack } from '../../../shared/protocol/acks.js';
import type { PromptSynthesis } from '../../../shared/schemas/synthesis.js';
import { send } from '../../store/index.js';

/** How "new theme from the selected answers" is done with the commands the server has; null: it cannot be. */
export type NewThemePlan = { carrierId: string; moves: string[] } | null;

/**
 * The server can split answers off a theme, but has no "new theme from these". So: gather the selected answers in
 * one theme that keeps at least one other answer (the carrier), then split them off it. When they all come from one
 * theme already, that is a plain split.
 */
export function planNewTheme(prompt: PromptSynthesis, selected: string[]): NewThemePlan {
  if (selected.length === 0) return null;
  const chosen = new Set(selected);
  const themeOf = new Map(prompt.themes.flatMap((t) => t.answerIds.map((id) => [id, t.id] as const)));
  const keepsOne = (id: string) => prompt.themes.find((t) => t.id === id)!.answerIds.some((a) => !chosen.has(a));
  const first = themeOf.get(selected[0]);
  const carrierId = first && keepsOne(first) ? first : prompt.themes.find((t) => keepsOne(t.id))?.id;
  if (!carrierId) return null;
  return { carrierId, moves: selected.filter((id) => themeOf.get(id) !== carrierId) };
}

/** Runs a plan step by step, each after the previous one's ack; stops at the first refusal and returns it. */
export async function newThemeFrom(plan: NonNullable<NewThemePlan>, selected: string[]): Promise<Ack> {
  for (const answerId of plan.moves) {
    const ack = await send('synthesis.moveAnswer', { answerId, themeId: plan.carrierId });
    if (!ack.ok) return ack;
  }
  return send('synthesis.splitTheme', { themeId: plan.carrierId, answerIds: selected });
}

/** Moves several answers to a theme (or to "other ideas" with null), one command each, in order. */
export async function moveAll(answerIds: string[], themeId: string | null): Promise<Ack | null> {
  let last: Ack | null = null;
  for (const answerId of answerIds) {
    last = await send('synthesis.moveAnswer', { answerId, themeId });
    if (!last.ok) return last;
  }
  return last;
}
