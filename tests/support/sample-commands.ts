import type { CommandType } from '../../shared/protocol/commands.js';
import type { SessionState } from '../../shared/schemas/session.js';

/**
 * One valid payload per command, built from a live session's state. Typed as a full Record so that adding a
 * command without a sample is a compile error: the authorisation matrix cannot forget it.
 */
export function sampleCommands(s: SessionState, me: { participantId: string | null }): Record<CommandType, Record<string, unknown>> {
  const groups = s.groupOrder;
  const myGroup = me.participantId ? s.participants[me.participantId]?.groupId : null;
  const someone = Object.keys(s.participants)[0];
  const answer = Object.values(s.answers)[0];
  const theme = s.synthesis?.prompts.flatMap((p) => p.themes)[0];
  return {
    'session.update': { title: 'Renamed' },
    'session.setPhase': { phase: 'plenary' },
    'session.close': {},
    'groups.form': { mode: 'random', sizing: { by: 'count', count: 2 } },
    'groups.merge': {},
    'participant.move': { participantId: someone, groupId: groups[groups.length - 1] },
    'prompts.deal': { mode: 'jigsaw' },
    'prompts.rotate': {},
    'round.start': { durationSeconds: 60 },
    'round.extend': { seconds: 60 },
    'round.end': {},
    'broadcast.send': { message: 'hello' },
    'answer.add': { promptId: s.prompts[0].id, text: 'sample', ...(myGroup ? {} : { groupId: groups[0] }) },
    'answer.edit': { answerId: answer?.id ?? 'none', text: 'edited' },
    'answer.delete': { answerId: answer?.id ?? 'none' },
    'group.signal': { help: true, ...(myGroup ? {} : { groupId: groups[0] }) },
    'synthesis.run': {},
    'synthesis.renameTheme': { themeId: theme?.id ?? 'none', label: 'Renamed theme' },
    'synthesis.mergeThemes': { themeIds: [theme?.id ?? 'a', 'none'] },
    'synthesis.moveAnswer': { answerId: answer?.id ?? 'none', themeId: null },
    'synthesis.splitTheme': { themeId: theme?.id ?? 'none', answerIds: [answer?.id ?? 'none'] },
    'synthesis.hideTheme': { themeId: theme?.id ?? 'none', hidden: true },
    'synthesis.setConsensus': { themeId: theme?.id ?? 'none', consensus: true },
    'synthesis.editSummary': { promptId: s.prompts[0].id, summary: 'Edited summary' },
    'synthesis.publish': { published: true },
    'votes.open': { votesPerParticipant: 3 },
    'vote.cast': { themeId: theme?.id ?? 'none' },
    'vote.retract': { themeId: theme?.id ?? 'none' },
    'evaluation.open': {},
    'evaluation.close': {},
    'evaluation.respond': { rating: 4, takeBack: 'sample', change: null },
    'plan.set': { blocks: [{ kind: 'plenary', title: 'Welcome', durationSeconds: 600 }] },
    'plan.step': { blockId: s.plan?.blocks[0]?.id ?? null },
  };
}
