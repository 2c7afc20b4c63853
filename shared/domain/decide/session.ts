import type { CommandOf } from '../../protocol/commands.js';
import type { Prompt, SessionState } from '../../schemas/session.js';
import { type Decision, type DomainContext, reject } from '../context.js';

export function decideSessionUpdate(s: SessionState, c: CommandOf<'session.update'>, ctx: DomainContext): Decision {
  const { type: _t, opId: _o, prompts: promptInput, ...fields } = c;
  const prompts = promptInput ? mergePrompts(s, promptInput, ctx) : undefined;
  return { events: [{ type: 'session.updated', ...fields, ...(prompts ? { prompts } : {}) }] };
}

/** Keeps the ids of prompts that are kept; refuses to drop a prompt that already has answers. */
function mergePrompts(s: SessionState, input: { id?: string; text: string }[], ctx: DomainContext): Prompt[] {
  const known = new Set(s.prompts.map((p) => p.id));
  const next = input.map((p) => {
    if (p.id && !known.has(p.id)) reject('not_found', `No prompt ${p.id} in this session`);
    return { id: p.id ?? ctx.newId(), text: p.text };
  });
  const kept = new Set(next.map((p) => p.id));
  const answered = new Set(Object.values(s.answers).map((a) => a.promptId));
  for (const p of s.prompts) {
    if (!kept.has(p.id) && answered.has(p.id)) reject('conflict', `“${p.text}” already has answers and cannot be removed`);
  }
  return next;
}

export function decideSetPhase(s: SessionState, c: CommandOf<'session.setPhase'>): Decision {
  if (s.phase === 'breakout') reject('conflict', 'End the round first');
  if (s.phase === c.phase) return { events: [] };
  return { events: [{ type: 'session.phaseChanged', phase: c.phase }] };
}

export function decideClose(): Decision {
  return { events: [{ type: 'session.closed' }] };
}
