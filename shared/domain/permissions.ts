import type { CommandType } from '../protocol/commands.js';
import type { Answer, Group, SessionState } from '../schemas/session.js';
import type { Actor } from './context.js';

/**
 * Who may send which command. Default deny: a command missing here is refused for everyone,
 * and the authorisation test is generated from this table.
 */
export const COMMAND_ROLES: Record<CommandType, readonly Actor['role'][]> = {
  'session.update': ['facilitator'],
  'session.setPhase': ['facilitator'],
  'session.close': ['facilitator'],
  'groups.form': ['facilitator'],
  'groups.merge': ['facilitator'],
  'participant.move': ['facilitator'],
  'prompts.deal': ['facilitator'],
  'prompts.rotate': ['facilitator'],
  'round.start': ['facilitator'],
  'round.extend': ['facilitator'],
  'round.end': ['facilitator', 'system'],
  'broadcast.send': ['facilitator'],
  'answer.add': ['facilitator', 'participant'],
  'answer.edit': ['facilitator', 'participant'],
  'answer.delete': ['facilitator', 'participant'],
  'group.signal': ['facilitator', 'participant'],
  'synthesis.run': ['facilitator'],
  'synthesis.renameTheme': ['facilitator'],
  'synthesis.mergeThemes': ['facilitator'],
  'synthesis.moveAnswer': ['facilitator'],
  'synthesis.splitTheme': ['facilitator'],
  'synthesis.hideTheme': ['facilitator'],
  'synthesis.setConsensus': ['facilitator'],
  'synthesis.editSummary': ['facilitator'],
  'synthesis.publish': ['facilitator'],
  'votes.open': ['facilitator'],
  'vote.cast': ['participant'],
  'vote.retract': ['participant'],
  'plan.set': ['facilitator'],
  'plan.step': ['facilitator'],
  'evaluation.open': ['facilitator'],
  'evaluation.close': ['facilitator'],
  'evaluation.respond': ['participant'],
};

export function mayRun(actor: Actor, type: CommandType): boolean {
  return COMMAND_ROLES[type]?.includes(actor.role) ?? false;
}

/**
 * A record's own entry, never one inherited from `Object.prototype`: `s.groups['constructor']` is a function, not
 * undefined. Ids are refused by schema when they name such a property; every lookup by id goes through here too.
 */
export function own<T>(record: Record<string, T>, id: string | null | undefined): T | undefined {
  return id != null && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The group a participant is in now, if any. */
export function groupOf(s: SessionState, participantId: string): Group | null {
  const gid = own(s.participants, participantId)?.groupId;
  return (gid && own(s.groups, gid)) || null;
}

/** An answer is visible to a group when it was written in that group or in one merged into it. */
export function groupSeesAnswer(group: Group, answer: Pick<Answer, 'groupId'>): boolean {
  return group.lineage.includes(answer.groupId);
}

/**
 * The answer rule (README "Who may change an answer"):
 * facilitators may edit or delete any answer (moderation);
 * a participant may edit or delete only answers they wrote, and only while the answer is visible
 * to their current group (so not after they were moved to another group).
 */
export function mayChangeAnswer(s: SessionState, actor: Actor, answer: Answer): boolean {
  if (actor.role === 'facilitator') return true;
  if (actor.role !== 'participant' || answer.authorId !== actor.participantId) return false;
  const group = groupOf(s, actor.participantId);
  return group !== null && groupSeesAnswer(group, answer);
}

/** Prompts a group works on: the ones dealt to it, or all. */
export function promptsOfGroup(s: SessionState, group: Group): string[] {
  return group.promptIds ?? s.prompts.map((p) => p.id);
}
