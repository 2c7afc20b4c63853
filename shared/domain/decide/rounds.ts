import type { CommandOf } from '../../protocol/commands.js';
import type { SessionState } from '../../schemas/session.js';
import type { SessionEvent } from '../../protocol/events.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { recordSize } from '../record-writes.js';
import { type MachineSynthesis, draftSynthesis, thresholdFor } from '../curation/generate.js';

const runningRound = (s: SessionState) => (s.round && s.round.endedAt === null ? s.round : null);

export function decideRoundStart(s: SessionState, c: CommandOf<'round.start'>, ctx: DomainContext): Decision {
  if (runningRound(s)) reject('conflict', 'A round is already running');
  if (s.groupOrder.length === 0) reject('conflict', 'Split the room into groups before starting a round');
  const number = (s.round?.number ?? 0) + 1;
  return { events: [{ type: 'round.started', number, endsAt: ctx.now + c.durationSeconds * 1000 }], result: { number } };
}

export function decideRoundExtend(s: SessionState, c: CommandOf<'round.extend'>, ctx: DomainContext): Decision {
  const round = runningRound(s) ?? reject('conflict', 'No round is running');
  // Extending a round whose time is already up restarts the clock from now, not from the past.
  const endsAt = Math.max(round.endsAt, ctx.now) + c.seconds * 1000;
  return { events: [{ type: 'round.extended', endsAt }] };
}

/** Refuses an end that cannot happen; says whether ending brings a synthesis (so the engine must run). */
export function checkRoundEnd(s: SessionState, c: CommandOf<'round.end'>, ctx: Pick<DomainContext, 'actor' | 'now'>): { synthesis: boolean } {
  const round = runningRound(s) ?? reject('conflict', 'No round is running');
  // A timer set for an earlier round must not end a later one.
  if (c.roundNumber !== undefined && c.roundNumber !== round.number) reject('conflict', 'That round is over');
  if (ctx.actor.role === 'system' && ctx.now < round.endsAt) reject('conflict', 'The round was extended');
  return { synthesis: recordSize(s.answers) > 0 };
}

/**
 * `machine`: the engine's result computed beforehand (the server's worker); without it the engine runs here;
 * null when it could not be computed: the round still ends, and the synthesis stays as it was until the next run.
 */
export function decideRoundEnd(s: SessionState, c: CommandOf<'round.end'>, ctx: DomainContext, machine?: MachineSynthesis | null): Decision {
  const { synthesis } = checkRoundEnd(s, c, ctx);
  const ended: SessionEvent = { type: 'round.ended', reason: ctx.actor.role === 'system' ? 'timer' : 'facilitator' };
  // Back in plenary the room's themes are ready: the synthesis is (re)computed from every answer so far.
  if (!synthesis || machine === null) return { events: [ended] };
  return { events: [ended, { type: 'synthesis.updated', synthesis: draftSynthesis(s, ctx.now, thresholdFor(s.synthesis), machine) }] };
}

export function decideBroadcast(_s: SessionState, c: CommandOf<'broadcast.send'>): Decision {
  return { events: [{ type: 'broadcast.sent', message: c.message === '' ? null : c.message }] };
}
