import { describe, expect, it } from 'vitest';
import { EntryLookups } from '../../../server/sessions/entry-lookups.js';
import type { Credential, SessionRow } from '../../../server/store/types.js';

/** A store that counts its look-ups (the one piece under test is the memory in front of it). */
function countingStore() {
  const rows = new Map<string, SessionRow>([['CODE1', { sessionId: 's1', joinCode: 'CODE1', createdAt: 1, programmeId: null }]]);
  const creds = new Map<string, Credential>([
    ['tok', { hash: 'tok', role: 'participant', scopeId: 's1', subject: 'p1', createdAt: 1 }],
    ['key', { hash: 'key', role: 'facilitator', scopeId: 's1', subject: null, createdAt: 1 }],
  ]);
  const calls = { codes: 0, creds: 0 };
  return {
    calls,
    creds,
    store: {
      findSessionByJoinCode: async (code: string) => (calls.codes++, rows.get(code) ?? null),
      findCredential: async (hash: string) => (calls.creds++, creds.get(hash) ?? null),
    },
  };
}

describe('join codes and participant tokens answered from memory', () => {
  it('a code or a participant token is read from the store once; a miss and a facilitator key every time', async () => {
    const { store, calls } = countingStore();
    const lookups = new EntryLookups(store, () => 0);
    for (let i = 0; i < 3; i++) {
      expect((await lookups.sessionByJoinCode('CODE1'))?.sessionId).toBe('s1');
      expect((await lookups.credential('tok'))?.subject).toBe('p1');
      expect(await lookups.sessionByJoinCode('NOPE')).toBeNull();
      expect((await lookups.credential('key'))?.role).toBe('facilitator');
    }
    // CODE1 once + NOPE three times; tok once + key three times.
    expect(calls).toEqual({ codes: 4, creds: 4 });
  });

  it('a token remembered at its join is found without the store; entries expire; a deleted session is forgotten', async () => {
    const { store, calls } = countingStore();
    let now = 0;
    const lookups = new EntryLookups(store, () => now);
    lookups.rememberParticipant({ hash: 'new', role: 'participant', scopeId: 's2', subject: 'p2', createdAt: 0 });
    expect((await lookups.credential('new'))?.subject).toBe('p2');
    expect(calls.creds).toBe(0);
    await lookups.sessionByJoinCode('CODE1');
    now += 61_000; // a code is kept a minute (a session deleted on another node is forgotten here by then)
    await lookups.sessionByJoinCode('CODE1');
    expect(calls.codes).toBe(2);
    lookups.forgetSession('s2');
    expect(await lookups.credential('new')).toBeNull(); // gone from memory, and the store never had it
    expect(calls.creds).toBe(1);
  });
});
