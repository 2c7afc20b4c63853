import type { CommandOf } from '../../protocol/commands.js';
import type { Group, SessionState } from '../../schemas/session.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { groupOf, mayChangeAnswer, own, promptsOfGroup } from '../permissions.js';

/** The group an answer is written in: the participant's own, or the one a facilitator names (as scribe). */
function writingGroup(s: SessionState, groupId: string | undefined, ctx: DomainContext): Group {
  if (ctx.actor.role === 'participant') {
    if (groupId !== undefined) {
      const own = groupOf(s, ctx.actor.participantId);
      if (own?.id !== groupId) reject('forbidden', 'You can only write in your own group');
    }
    return groupOf(s, ctx.actor.participantId) ?? reject('conflict', 'You are not in a group yet');
  }
  const g = own(s.groups, groupId) ?? reject('invalid', 'Name the group to write in');
  if (g.archived) reject('conflict', 'That group belongs to an earlier split');
  return g;
}

function assertWritable(s: SessionState): void {
  if (s.phase === 'lobby') reject('conflict', 'Answers open when the first round starts');
}

export function decideAnswerAdd(s: SessionState, c: CommandOf<'answer.add'>, ctx: DomainContext): Decision {
  assertWritable(s);
  const group = writingGroup(s, c.groupId, ctx);
  if (!s.prompts.some((p) => p.id === c.promptId)) reject('not_found', 'No such prompt');
  if (!promptsOfGroup(s, group).includes(c.promptId)) reject('forbidden', 'This prompt is not dealt to your group');
  const answer = {
    id: ctx.newId(),
    promptId: c.promptId,
    groupId: group.id,
    authorId: ctx.actor.role === 'participant' ? ctx.actor.participantId : null,
    text: c.text,
    ...(c.language ? { language: c.language } : {}),
    round: s.round?.number ?? 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return { events: [{ type: 'answer.added', answer }], result: { answerId: answer.id } };
}

function changeableAnswer(s: SessionState, answerId: string, ctx: DomainContext) {
  assertWritable(s);
  const answer = own(s.answers, answerId) ?? reject('not_found', 'No such answer');
  if (!mayChangeAnswer(s, ctx.actor, answer)) reject('forbidden', 'Only its author or a facilitator can change this answer');
  return answer;
}

export function decideAnswerEdit(s: SessionState, c: CommandOf<'answer.edit'>, ctx: DomainContext): Decision {
  const answer = changeableAnswer(s, c.answerId, ctx);
  if (answer.text === c.text) return { events: [] };
  return { events: [{ type: 'answer.edited', answerId: answer.id, groupId: answer.groupId, text: c.text }] };
}

export function decideAnswerDelete(s: SessionState, c: CommandOf<'answer.delete'>, ctx: DomainContext): Decision {
  const answer = changeableAnswer(s, c.answerId, ctx);
  return { events: [{ type: 'answer.deleted', answerId: answer.id, groupId: answer.groupId }] };
}

export function decideSignal(s: SessionState, c: CommandOf<'group.signal'>, ctx: DomainContext): Decision {
  const group = ctx.actor.role === 'participant' ? writingGroup(s, c.groupId, ctx) : (own(s.groups, c.groupId) ?? reject('not_found', 'No such group'));
  if (c.done === undefined && c.help === undefined) reject('invalid', 'Say done or help');
  if ((c.done ?? group.done) === group.done && (c.help ?? group.help) === group.help) return { events: [] };
  return { events: [{ type: 'group.signalled', groupId: group.id, done: c.done, help: c.help }] };
}
