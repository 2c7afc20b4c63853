import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../shared/protocol/commands.js';
import { COMMAND_ROLES, mayRun } from '../../../shared/domain/permissions.js';

describe('the command role table', () => {
  it('lists every command (default deny would silently refuse a forgotten one)', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(COMMAND_TYPES.map((t) => [t]))('%s: participants run only answer, signal, vote and evaluation-answer commands', (type) => {
    const participantMay = mayRun({ role: 'participant', participantId: 'p' }, type);
    expect(participantMay).toBe(/^(answer\.|group\.signal|vote\.|evaluation\.respond$)/.test(type));
  });

  it('the system (timers) may only end rounds', () => {
    expect(COMMAND_TYPES.filter((t) => mayRun({ role: 'system' }, t))).toEqual(['round.end']);
  });

  it('facilitators may do everything but vote and answer the evaluation', () => {
    expect(COMMAND_TYPES.filter((t) => !mayRun({ role: 'facilitator', label: null }, t)).sort()).toEqual(['evaluation.respond', 'vote.cast', 'vote.retract']);
  });
});
