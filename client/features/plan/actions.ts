import { assertNever } from '../../../shared/domain/assert-never.js';
import { dealJigsaw } from '../../../shared/domain/decide/groups.js';
import type { PlanBlock } from '../../../shared/domain/plan.js';
import type { EvaluationQuestions } from '../../../shared/domain/evaluation.js';
import type { CommandType } from '../../../shared/protocol/commands.js';
import type { CommandPayload } from '../../../shared/protocol/socket-events.js';
import type { SessionState } from '../../../shared/schemas/session.js';

/** One existing command, typed by its name. */
export type CommandCall = { [T in CommandType]: { type: T; payload: CommandPayload<T> } }[CommandType];
const call = <T extends CommandType>(type: T, payload: CommandPayload<T>) => ({ type, payload }) as CommandCall;

/**
 * What a block's button does, as a list of stages. Each stage looks at the session as it is after the previous
 * stage's command landed (groups just formed, a round just ended) and answers the existing command to send, or null
 * to skip. The plan adds no command of its own beyond marking the step: it drives what a facilitator could click.
 * Pure, so the console and the tests run the same stages.
 */
export type Stage = (s: SessionState) => CommandCall | null;

const running = (s: SessionState) => s.round !== null && s.round.endedAt === null;

/** A new block means the breakout before it is over: end a running round first (the server then runs the synthesis). */
export const endRound: Stage = (s) => (running(s) ? call('round.end', {}) : null);

/** What a block needs from outside the session: the programme's evaluation questions, when it has its own. */
export interface BlockContext {
  evaluationQuestions?: EvaluationQuestions | null;
}

/** The stages after the step itself (the runner ends a running round before stepping, see run.ts). */
export function blockStages(block: PlanBlock, context: BlockContext = {}): Stage[] {
  switch (block.kind) {
    case 'plenary':
      return [(s) => (s.phase === 'lobby' ? call('session.setPhase', { phase: 'plenary' }) : null)];
    case 'breakout':
      return [
        () =>
          block.grouping === 'merge'
            ? call('groups.merge', {})
            : call('groups.form', { mode: block.grouping, ...(block.sizing ? { sizing: block.sizing } : {}) }),
        (s) => dealFor(s, block),
        () => call('round.start', { durationSeconds: block.durationSeconds }),
      ];
    case 'synthesis':
      return [() => call('synthesis.run', {}), (s) => (block.publish && !s.synthesis?.published ? call('synthesis.publish', { published: true }) : null)];
    case 'voting':
      return [
        (s) => (s.synthesis && !s.synthesis.published ? call('synthesis.publish', { published: true }) : null),
        () => call('votes.open', { votesPerParticipant: block.votesPerParticipant }),
      ];
    case 'evaluation':
      // The evaluation round (issue 16, item 2) with the programme's questions; left alone when one is open already.
      return [(s) => (s.evaluation?.open ? null : call('evaluation.open', context.evaluationQuestions ? { questions: context.evaluationQuestions } : {}))];
    default:
      return assertNever(block);
  }
}

/** The prompts of a breakout block, dealt to the groups just formed. Null when the groups already have them. */
function dealFor(s: SessionState, block: Extract<PlanBlock, { kind: 'breakout' }>): CommandCall | null {
  const known = s.prompts.map((p) => p.id);
  const chosen = block.promptIds?.filter((id) => known.includes(id)) ?? [];
  const promptIds = chosen.length ? chosen : known;
  if (block.jigsaw) return call('prompts.deal', { mode: 'manual', assignments: dealJigsaw(s.groupOrder, promptIds) });
  if (chosen.length) return call('prompts.deal', { mode: 'manual', assignments: Object.fromEntries(s.groupOrder.map((id) => [id, chosen])) });
  // All prompts: only worth a command when an earlier block dealt some out.
  return s.groupOrder.some((id) => s.groups[id]?.promptIds !== null) ? call('prompts.deal', { mode: 'all' }) : null;
}
