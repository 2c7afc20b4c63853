import type { Command } from '../protocol/commands.js';
import type { SessionState } from '../schemas/session.js';
import { assertNever } from './assert-never.js';
import { type Decision, type DomainContext, reject } from './context.js';
import { mayRun } from './permissions.js';
import { decideAnswerAdd, decideAnswerDelete, decideAnswerEdit, decideSignal } from './decide/answers.js';
import { decideDeal, decideFormGroups, decideMergeGroups, decideMove, decideRotate } from './decide/groups.js';
import { checkRoundEnd, decideBroadcast, decideRoundEnd, decideRoundExtend, decideRoundStart } from './decide/rounds.js';
import { decideClose, decideSessionUpdate, decideSetPhase } from './decide/session.js';
import { checkRunSynthesis, decideCuration, decideOpenVotes, decidePublish, decideRunSynthesis, decideVote } from './decide/synthesis.js';
import { type MachineSynthesis, thresholdFor } from './curation/generate.js';
import { checkEvaluationClose, decideEvaluationClose, decideEvaluationOpen, decideEvaluationRespond, evaluationInput } from './decide/evaluation.js';
import type { SynthesisInput } from '../synthesis/index.js';
import { decidePlanSet, decidePlanStep } from './decide/plan.js';

/**
 * The whole domain in one pure function: (state, command, ctx) → events, or a DomainError.
 * AUTH first (role table, then the finer rules inside each decider), then the phase, then the command.
 * `machine`: the synthesis engine's result, when the server computed it beforehand off its event loop; without
 * it, commands that synthesise (synthesis.run, round.end) run the engine here; null: it could not be computed
 * (a round then ends without a new synthesis).
 */
export function decide(s: SessionState, c: Command, ctx: DomainContext, machine?: MachineSynthesis | null): Decision {
  checkAllowed(s, c, ctx);
  switch (c.type) {
    case 'session.update':
      return decideSessionUpdate(s, c, ctx);
    case 'session.setPhase':
      return decideSetPhase(s, c);
    case 'session.close':
      return decideClose();
    case 'groups.form':
      return decideFormGroups(s, c, ctx);
    case 'groups.merge':
      return decideMergeGroups(s, c, ctx);
    case 'participant.move':
      return decideMove(s, c);
    case 'prompts.deal':
      return decideDeal(s, c);
    case 'prompts.rotate':
      return decideRotate(s);
    case 'round.start':
      return decideRoundStart(s, c, ctx);
    case 'round.extend':
      return decideRoundExtend(s, c, ctx);
    case 'round.end':
      return decideRoundEnd(s, c, ctx, machine);
    case 'broadcast.send':
      return decideBroadcast(s, c);
    case 'answer.add':
      return decideAnswerAdd(s, c, ctx);
    case 'answer.edit':
      return decideAnswerEdit(s, c, ctx);
    case 'answer.delete':
      return decideAnswerDelete(s, c, ctx);
    case 'group.signal':
      return decideSignal(s, c, ctx);
    case 'synthesis.run':
      return decideRunSynthesis(s, c, ctx, machine ?? undefined);
    case 'synthesis.renameTheme':
    case 'synthesis.mergeThemes':
    case 'synthesis.moveAnswer':
    case 'synthesis.splitTheme':
    case 'synthesis.hideTheme':
    case 'synthesis.setConsensus':
    case 'synthesis.editSummary':
      return decideCuration(s, c, ctx);
    case 'synthesis.publish':
      return decidePublish(s, c);
    case 'votes.open':
      return decideOpenVotes(s, c);
    case 'vote.cast':
    case 'vote.retract':
      return decideVote(s, c, ctx);
    case 'plan.set':
      return decidePlanSet(s, c, ctx);
    case 'plan.step':
      return decidePlanStep(s, c);
    case 'evaluation.open':
      return decideEvaluationOpen(s, c);
    case 'evaluation.close':
      return decideEvaluationClose(s, machine);
    case 'evaluation.respond':
      return decideEvaluationRespond(s, c, ctx);
    default:
      return assertNever(c);
  }
}

function checkAllowed(s: SessionState, c: Command, ctx: Pick<DomainContext, 'actor'>): void {
  if (!mayRun(ctx.actor, c.type)) reject('forbidden', `Only a facilitator can do ${c.type}`);
  if (s.phase === 'closed') reject('closed', 'This session is closed and read-only');
}

/** `input`: the engine's input when it is not the session's answers (the evaluation's open answers, issue 16). */
export type EngineNeed = { threshold: number; input?: SynthesisInput };

/**
 * Whether `decide` would run the synthesis engine for this command, and with which consensus threshold; null when
 * it would not. Throws the DomainError `decide` would refuse with, so nobody spends the engine on a refused command.
 */
export function engineNeeded(s: SessionState, c: Command, ctx: Pick<DomainContext, 'actor' | 'now'>): EngineNeed | null {
  if (c.type === 'evaluation.close') return evaluationEngineNeeded(s, c, ctx);
  if (c.type !== 'synthesis.run' && c.type !== 'round.end') return null;
  checkAllowed(s, c, ctx);
  if (c.type === 'synthesis.run') {
    checkRunSynthesis(s);
    return { threshold: thresholdFor(s.synthesis, c.threshold) };
  }
  return checkRoundEnd(s, c, ctx).synthesis ? { threshold: thresholdFor(s.synthesis) } : null;
}

/** The evaluation's open answers go through the same engine (issue 16), with an input of their own; none without any. */
function evaluationEngineNeeded(s: SessionState, c: Command, ctx: Pick<DomainContext, 'actor'>): { threshold: number; input: SynthesisInput } | null {
  checkAllowed(s, c, ctx);
  checkEvaluationClose(s);
  const input = evaluationInput(s);
  return input.answers.length ? { threshold: thresholdFor(null), input } : null;
}
