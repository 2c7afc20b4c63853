import type { CommandOf } from '../../protocol/commands.js';
import type { CurationEvent, EventOf } from '../../protocol/events.js';
import type { SessionState } from '../../schemas/session.js';
import type { SynthesisDoc, SynthesisDocOnWire } from '../../schemas/synthesis.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { type MachineSynthesis, draftSynthesis, thresholdFor } from '../curation/generate.js';
import { own } from '../permissions.js';
import { recordSize } from '../record-writes.js';
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

const updated = (synthesis: SynthesisDocOnWire | null): Decision => ({ events: [{ type: 'synthesis.updated', synthesis }] });
const small = (event: CurationEvent): Decision => ({ events: [event] });

/** Refuses a run that cannot happen; cheap, so the server can ask before it spends a worker on the engine. */
export function checkRunSynthesis(s: SessionState): void {
  // Not Object.keys(...).length nor for...in: both list 10,000 answers on the event loop to learn whether there is one.
  if (recordSize(s.answers) > 0) return;
  reject('conflict', 'There are no answers to synthesise yet');
}

/** `machine`: the engine's result computed beforehand (the server's worker); without it the engine runs here. */
export function decideRunSynthesis(s: SessionState, c: CommandOf<'synthesis.run'>, ctx: DomainContext, machine?: MachineSynthesis): Decision {
  // With the engine's result, the run was checked before the engine ran (engineNeeded, on the committed state).
  if (!machine) checkRunSynthesis(s);
  return updated(draftSynthesis(s, ctx.now, thresholdFor(s.synthesis, c.threshold), machine));
}

/**
 * A curation step travels as a small event that every reader applies with the same operation (run here first to
 * validate it). Only a step that would show participants content they do not hold, or withdraw some (a theme
 * hidden or shown, an answer crossing into or out of a hidden theme), travels as the whole document: their
 * projection of it cannot be computed from their own view.
 */
export function decideCuration(s: SessionState, c: CurationCommand, ctx: DomainContext): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  const lang = s.language;
  const pub = doc.published;
  switch (c.type) {
    case 'synthesis.renameTheme':
      renameTheme(doc, lang, c.themeId, c.label);
      return small({ type: 'synthesis.themeRenamed', themeId: c.themeId, label: c.label, visible: pub && !isHidden(doc, c.themeId) });
    case 'synthesis.mergeThemes': {
      const next = mergeThemes(doc, lang, c.themeIds);
      if (pub && c.themeIds.some((id) => isHidden(doc, id))) return updated(next);
      return small({ type: 'synthesis.themesMerged', themeIds: c.themeIds, visible: pub });
    }
    case 'synthesis.moveAnswer': {
      const next = moveAnswer(doc, lang, c.answerId, c.themeId);
      const fromShown = answerShown(doc, c.answerId);
      const toShown = c.themeId === null || !isHidden(doc, c.themeId);
      if (pub && fromShown !== toShown) return updated(next);
      return small({ type: 'synthesis.answerMoved', answerId: c.answerId, themeId: c.themeId, visible: pub && toShown });
    }
    case 'synthesis.splitTheme': {
      const newThemeId = ctx.newId();
      const next = splitTheme(doc, lang, c.themeId, c.answerIds, newThemeId);
      // The new theme is never hidden: split from a hidden one, it shows participants new answers.
      if (pub && isHidden(doc, c.themeId)) return updated(next);
      return small({ type: 'synthesis.themeSplit', themeId: c.themeId, answerIds: c.answerIds, newThemeId, visible: pub });
    }
    case 'synthesis.hideTheme': {
      const next = hideTheme(doc, lang, c.themeId, c.hidden);
      const was = isHidden(doc, c.themeId);
      // Dots on a theme that disappears go back to their owners, who may place them again elsewhere.
      const returned = c.hidden && !was ? returnDots(doc, c.themeId) : [];
      const withoutDots = returned.length ? { ...next, votes: withoutTheme(next.votes, c.themeId) } : next;
      if (pub && was !== c.hidden) return { events: [...returned, { type: 'synthesis.updated', synthesis: withoutDots }] };
      return { events: [...returned, { type: 'synthesis.themeHidden', themeId: c.themeId, hidden: c.hidden, visible: pub && !was }] };
    }
    case 'synthesis.setConsensus':
      setConsensus(doc, lang, c.themeId, c.consensus);
      return small({ type: 'synthesis.consensusSet', themeId: c.themeId, consensus: c.consensus, visible: pub && !isHidden(doc, c.themeId) });
    case 'synthesis.editSummary':
      editSummary(doc, lang, c.promptId, c.summary);
      return small({ type: 'synthesis.summaryEdited', promptId: c.promptId, summary: c.summary, visible: pub });
  }
}

/** Publishing travels whole (participants need the document); withdrawing it is one small event. */
export function decidePublish(s: SessionState, c: CommandOf<'synthesis.publish'>): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  if (doc.published === c.published) return { events: [] };
  return c.published ? updated({ ...doc, published: true }) : small({ type: 'synthesis.unpublished' });
}

export function decideOpenVotes(s: SessionState, c: CommandOf<'votes.open'>): Decision {
  const doc = s.synthesis ?? reject('conflict', 'Run the synthesis first');
  if (c.votesPerParticipant > 0 && !doc.published) reject('conflict', 'Publish the synthesis before opening the vote');
  return small({ type: 'synthesis.votesOpened', votesPerParticipant: c.votesPerParticipant, visible: doc.published });
}

function isHidden(doc: SynthesisDoc, themeId: string): boolean {
  return doc.prompts.some((p) => p.themes.some((t) => t.id === themeId && t.hidden));
}

/** Whether participants hold the answer: in a shown theme or among "other ideas" (as synthesisForParticipants keeps it). */
function answerShown(doc: SynthesisDoc, answerId: string): boolean {
  return doc.prompts.some((p) => p.otherAnswerIds.includes(answerId) || p.themes.some((t) => !t.hidden && t.answerIds.includes(answerId)));
}

export function decideVote(s: SessionState, c: CommandOf<'vote.cast' | 'vote.retract'>, ctx: DomainContext): Decision {
  if (ctx.actor.role !== 'participant') return reject('forbidden', 'Only participants vote');
  const participantId = ctx.actor.participantId;
  const doc = s.synthesis;
  if (!doc?.published || doc.votesPerParticipant === 0) reject('conflict', 'Voting is not open');
  const mine = own(doc!.votes, participantId) ?? [];
  // A dot already on a theme can always be taken back, even if the theme was hidden since (older logs kept them).
  if (c.type === 'vote.retract' && mine.includes(c.themeId)) return { events: [{ type: 'vote.retracted', participantId, themeId: c.themeId }] };
  const theme = doc!.prompts.flatMap((p) => p.themes).find((t) => t.id === c.themeId && !t.hidden) ?? reject('not_found', 'No such theme');
  if (c.type === 'vote.cast') {
    if (mine.length >= doc!.votesPerParticipant) reject('conflict', `You have used all ${doc!.votesPerParticipant} of your votes`);
    return { events: [{ type: 'vote.cast', participantId, themeId: theme.id }] };
  }
  if (!mine.includes(theme.id)) return { events: [] };
  return { events: [{ type: 'vote.retracted', participantId, themeId: theme.id }] };
}

/** One `vote.retracted` per dot on the theme, so each owner gets their dots back through the log. */
function returnDots(doc: SynthesisDoc, themeId: string): EventOf<'vote.retracted'>[] {
  return Object.entries(doc.votes).flatMap(([participantId, themeIds]) =>
    themeIds.filter((id) => id === themeId).map(() => ({ type: 'vote.retracted' as const, participantId, themeId })),
  );
}

function withoutTheme(votes: SynthesisDoc['votes'], themeId: string): SynthesisDoc['votes'] {
  return Object.fromEntries(Object.entries(votes).map(([pid, ids]) => [pid, ids.filter((id) => id !== themeId)]));
}
