import type { Command } from '../../../shared/protocol/commands.js';
import type { EventEnvelope, SessionEvent } from '../../../shared/protocol/events.js';
import type { SessionState } from '../../../shared/schemas/session.js';
import { type Actor, type DomainContext, DomainError } from '../../../shared/domain/context.js';
import { decide } from '../../../shared/domain/decide.js';
import { decideJoin } from '../../../shared/domain/decide/groups.js';
import { EMPTY_STATE, applyAll } from '../../../shared/domain/reducer.js';
import { seededRandom } from '../../../shared/domain/random.js';

/** A command without its opId (the harness adds one); distributive so each member keeps its own fields. */
export type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, 'opId'> : never) : never;

export const FAC: Actor = { role: 'facilitator', label: null };
export const asP = (participantId: string): Actor => ({ role: 'participant', participantId });

/** A tiny in-memory session log driving the pure domain, the way the server does, with a fake clock and ids. */
export class DomainHarness {
  state: SessionState = EMPTY_STATE;
  log: EventEnvelope[] = [];
  now = 1_000_000;
  private n = 0;
  private rnd = seededRandom(42);

  constructor(opts: { prompts?: string[]; anonymous?: boolean } = {}) {
    this.append([
      {
        type: 'session.created',
        id: 'sess1',
        title: 'T',
        description: null,
        language: 'en',
        date: null,
        joinCode: 'ABCDEFGH',
        anonymous: opts.anonymous ?? false,
        prompts: (opts.prompts ?? ['Why?', 'How?', 'What?']).map((text, i) => ({ id: `p${i + 1}`, text })),
      },
    ]);
  }

  ctx(actor: Actor): DomainContext {
    return { actor, now: this.now, newId: () => `id${++this.n}`, random: this.rnd };
  }

  append(events: SessionEvent[]): void {
    const envs = events.map((event, i) => ({ seq: this.state.seq + 1 + i, at: this.now, event }));
    this.log.push(...envs);
    this.state = applyAll(this.state, envs);
  }

  /** Runs a command; returns the result or throws DomainError. */
  run(actor: Actor, cmd: CommandInput): unknown {
    const d = decide(this.state, { opId: 'op-00000000', ...cmd } as Command, this.ctx(actor));
    this.append(d.events);
    return d.result;
  }

  /** The error code a command is refused with, or 'ok'. The state must not change on refusal. */
  outcome(actor: Actor, cmd: CommandInput): string {
    const before = this.state;
    try {
      this.run(actor, cmd);
      return 'ok';
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (this.state !== before) throw new Error('state changed on a refused command');
      return err.code;
    }
  }

  join(id: string, organisation: string | null = null, country: string | null = null): void {
    const d = decideJoin(this.state, { participantId: id, name: id.toUpperCase(), organisation, country }, this.ctx({ role: 'system' }));
    this.append(d.events);
  }

  groupOf(pid: string) {
    const gid = this.state.participants[pid].groupId;
    return gid ? this.state.groups[gid] : null;
  }
}
