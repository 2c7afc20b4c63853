import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/context.js';
import { decideCreate, decideInvite, decideJoinRequest } from '../../../shared/domain/decide/entry.js';
import { DomainHarness, FAC, asP } from './harness.js';

const CREATOR = { role: 'facilitator' as const, label: 'facilitator' };
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
};
const person = (participantId: string) => ({ participantId, name: 'Ann', organisation: 'VVSG', country: 'Belgium' });

describe('the ways into the log, decided in the domain', () => {
  it('only the creator invites; a co-facilitator label never poses as the creator; nobody after closing', () => {
    const h = new DomainHarness();
    const made = decideInvite(h.state, { label: 'facilitator', keyId: 'k1' }, h.ctx(CREATOR));
    expect(made.events).toEqual([{ type: 'facilitator.invited', label: 'facilitator (co)', keyId: 'k1' }]);
    expect(codeOf(() => decideInvite(h.state, { label: null, keyId: 'k2' }, h.ctx({ role: 'facilitator', label: 'facilitator (co)' })))).toBe('forbidden');
    expect(codeOf(() => decideInvite(h.state, { label: null, keyId: 'k2' }, h.ctx(FAC)))).toBe('forbidden');
    h.join('p1');
    expect(codeOf(() => decideInvite(h.state, { label: null, keyId: 'k2' }, h.ctx(asP('p1'))))).toBe('forbidden');
    h.run(FAC, { type: 'session.close' });
    expect(codeOf(() => decideInvite(h.state, { label: null, keyId: 'k2' }, h.ctx(CREATOR)))).toBe('closed');
  });

  it('a join is made once per person, and refused when the session is full or closed', () => {
    const h = new DomainHarness();
    const system = h.ctx({ role: 'system' });
    h.append(decideJoinRequest(h.state, person('p1'), system, 2).events);
    expect(decideJoinRequest(h.state, person('p1'), system, 2).events).toEqual([]);
    h.append(decideJoinRequest(h.state, person('p2'), system, 2).events);
    expect(codeOf(() => decideJoinRequest(h.state, person('p3'), system, 2))).toBe('conflict');
    h.run(FAC, { type: 'session.close' });
    expect(codeOf(() => decideJoinRequest(h.state, person('p3'), system, 10))).toBe('closed');
  });

  it('a session is created from the creator’s words or from a template in its language', () => {
    const newId = (() => {
      let n = 0;
      return () => `q${++n}`;
    })();
    const own = decideCreate(
      { sessionId: 's1', joinCode: 'ABCDEFGH', language: 'da', title: 'Netværk', anonymous: false, prompts: [{ text: 'Hvorfor?' }] },
      { newId },
    );
    expect(own.event).toMatchObject({
      type: 'session.created',
      id: 's1',
      title: 'Netværk',
      description: null,
      language: 'da',
      prompts: [{ id: 'q1', text: 'Hvorfor?' }],
    });
    const fromTemplate = decideCreate({ sessionId: 's2', joinCode: 'BCDEFGHJ', language: 'nl', template: 'core-drives', anonymous: true }, { newId });
    expect(fromTemplate.event.title).toBe('De drijfveren van een netwerk');
    expect(fromTemplate.event.prompts.map((p) => p.text)).toEqual(['Waarom een netwerk?', 'Hoe werkt een netwerk?', 'Wat moet een netwerk doen?']);
    expect(codeOf(() => decideCreate({ sessionId: 's3', joinCode: 'CDEFGHJK', language: 'en', template: 'nope', anonymous: false }, { newId }))).toBe(
      'invalid',
    );
    expect(codeOf(() => decideCreate({ sessionId: 's3', joinCode: 'CDEFGHJK', language: 'en', anonymous: false }, { newId }))).toBe('invalid');
  });
});
