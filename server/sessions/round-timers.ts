import type { EventEnvelope } from '../../shared/protocol/events.js';
import type { SessionState } from '../../shared/schemas/session.js';
import type { Ack } from '../../shared/protocol/acks.js';
import type { Command } from '../../shared/protocol/commands.js';
import type { Actor } from '../../shared/domain/context.js';
import type { SessionRegistry } from './registry.js';
import type { SessionHost } from './session-host.js';

/**
 * The round timer is the server's: when a round's time is up, the server ends it with a system command.
 * Its opId names the round and its end time, so a timer that fires twice (or on two nodes) ends it once,
 * and a timer made stale by an extension is refused by the domain.
 */
export class RoundTimers {
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly registry: SessionRegistry,
    private readonly now: () => number,
    /** How a command runs (the synthesis runner: ending a round synthesises off the event loop). */
    private readonly execute: (host: SessionHost, command: Command, actor: Actor) => Promise<Ack> = (host, command, actor) => host.execute(command, actor),
  ) {}

  /** Called after every commit with the session's state. */
  onCommit(sessionId: string, envelopes: EventEnvelope[], state: SessionState): void {
    if (envelopes.some((e) => e.event.type.startsWith('round.') || e.event.type === 'session.closed')) this.schedule(sessionId, state);
  }

  schedule(sessionId: string, state: SessionState): void {
    this.cancel(sessionId);
    const round = state.round;
    if (!round || round.endedAt !== null || state.phase === 'closed') return;
    const delay = Math.max(0, round.endsAt - this.now());
    // setTimeout's limit is about 24.8 days; rounds are at most hours long.
    const timer = setTimeout(() => void this.fire(sessionId, round.number, round.endsAt), delay);
    timer.unref();
    this.timers.set(sessionId, timer);
  }

  private async fire(sessionId: string, roundNumber: number, endsAt: number): Promise<void> {
    this.timers.delete(sessionId);
    const host = await this.registry.get(sessionId).catch(() => null);
    if (!host) return;
    const opId = `timer:${roundNumber}:${endsAt}`;
    const ack = await this.execute(host, { type: 'round.end', opId, roundNumber }, { role: 'system' });
    // The store was down: try again shortly rather than leave the round running forever.
    if (!ack.ok && ack.error.code === 'store_unavailable') {
      const retry = setTimeout(() => void this.fire(sessionId, roundNumber, endsAt), 1000);
      retry.unref();
      this.timers.set(sessionId, retry);
    }
  }

  cancel(sessionId: string): void {
    const t = this.timers.get(sessionId);
    if (t) clearTimeout(t);
    this.timers.delete(sessionId);
  }

  stopAll(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }
}
