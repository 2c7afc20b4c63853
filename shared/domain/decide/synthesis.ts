import type { CommandOf } from '../../protocol/commands.js';
import type { SessionState } from '../../schemas/session.js';
import type { SynthesisDoc } from '../../schemas/synthesis.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { type MachineSynthesis, generateSynthesis, thresholdFor } from '../curation/generate.js';
import { editSummary, hideTheme, mergeThemes, moveAnswer, renameTheme, setConsensus, splitTheme } from '../curation/operations.js';

type CurationCommand = CommandOf<
  | 'synthesis.renameTheme'
  | 'synthesis.mergeThemes'
  | 'synthesis.moveAnswer'
  | 'synthesis.splitTheme'
  | 'synthesis.hideTheme'
  | 'synthesis.setConsensus'
  | 'synthesis.editSummary'
>;

const updated = (synthesis: SynthesisDoc | null): Decision => ({ events: [{ type: 'synthesis.updated', synthesis }] });

/** Refuses a run that cannot happen; cheap, so the server can ask before it spends a worker on the engine. */
export function checkRunSynthesis(s: SessionState): void {
  if (Object.keys(s.answers).length === 0) reject('conflict', 'There are no answers to synthesise yet');
}

/** `machine`: the engine's result computed beforehand (the server's worker); without it the engine runs here. */
export function decideRunSynthesis(s: SessionState, c: CommandOf<'synthesis.run'>, ctx: DomainContext, machine?: MachineSynthesis): Decision {
  checkRunSynthesis(s);
  return updated(generateSynthesis(s, s.synthesis, ctx.now, thresholdFor(s.synthesis, c.threshold), machine));
}

export function decideCuration(s: SessionState, c: CurationCommand, ctx: DomainContext): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  const lang = s.language;
  switch (c.type) {
    case 'synthesis.renameTheme': return updated(renameTheme(doc, lang, c.themeId, c.label));
    case 'synthesis.mergeThemes': return updated(mergeThemes(doc, lang, c.themeIds));
    case 'synthesis.moveAnswer': return updated(moveAnswer(doc, lang, c.answerId, c.themeId));
    case 'synthesis.splitTheme': return { ...updated(splitTheme(doc, lang, c.themeId, c.answerIds, ctx.newId())) };
    case 'synthesis.hideTheme': return updated(hideTheme(doc, lang, c.themeId, c.hidden));
    case 'synthesis.setConsensus': return updated(setConsensus(doc, lang, c.themeId, c.consensus));
    case 'synthesis.editSummary': return updated(editSummary(doc, lang, c.promptId, c.summary));
  }
}

export function decidePublish(s: SessionState, c: CommandOf<'synthesis.publish'>): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  if (doc.published === c.published) return { events: [] };
  return updated({ ...doc, published: c.published });
}

export function decideOpenVotes(s: SessionState, c: CommandOf<'votes.open'>): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  if (c.votesPerParticipant > 0 && !doc.published) reject('conflict', 'Publish the synthesis before opening the vote');
  return updated({ ...doc, votesPerParticipant: c.votesPerParticipant });
}

export function decideVote(s: SessionState, c: CommandOf<'vote.cast' | 'vote.retract'>, ctx: DomainContext): Decision {
  if (ctx.actor.role !== 'participant') return reject('forbidden', 'Only participants vote');
  const participantId = ctx.actor.participantId;
  const doc = s.synthesis;
  if (!doc?.published || doc.votesPerParticipant === 0) reject('conflict', 'Voting is not open');
  const theme = doc!.prompts.flatMap((p) => p.themes).find((t) => t.id === c.themeId && !t.hidden) ?? reject('not_found', 'No such theme');
  const mine = doc!.votes[participantId] ?? [];
  if (c.type === 'vote.cast') {
    if (mine.length >= doc!.votesPerParticipant) reject('conflict', `You have used all ${doc!.votesPerParticipant} of your votes`);
    return { events: [{ type: 'vote.cast', participantId, themeId: theme.id }] };
  }
  if (!mine.includes(theme.id)) return { events: [] };
  return { events: [{ type: 'vote.retracted', participantId, themeId: theme.id }] };
}
