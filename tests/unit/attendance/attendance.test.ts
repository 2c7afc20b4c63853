import { describe, expect, it } from 'vitest';
import { attendanceList, organisationKey, partnerMatcher } from '../../../shared/domain/attendance.js';
import { decideJoin } from '../../../shared/domain/decide/groups.js';
import { JoinRequest } from '../../../shared/protocol/commands.js';
import { PartnerSettings } from '../../../shared/schemas/attendance.js';
import { DomainHarness } from '../domain/harness.js';

const SETTINGS = PartnerSettings.parse({
  partners: [
    { name: 'Vereniging van Vlaamse Steden en Gemeenten', aliases: ['VVSG'] },
    { name: 'Økonomisk Forum', aliases: [] },
  ],
  corrections: [{ organisation: 'Stad Gent', tag: 'partner' }],
});

describe('organisation keys', () => {
  it('fold case, accents, punctuation and "&", keep different names apart', () => {
    expect(organisationKey('  Stad-GENT. ')).toBe(organisationKey('stad gent'));
    expect(organisationKey('Økonomisk Forum')).toBe('økonomisk forum');
    expect(organisationKey('Économie & Société')).toBe(organisationKey('economie et societe'));
    expect(organisationKey('Gent')).not.toBe(organisationKey('Stad Gent'));
    expect(organisationKey('...')).toBe('');
  });
});

describe('partner tags', () => {
  const match = partnerMatcher(SETTINGS);
  it('an alias or a spelling variant is the partner, under the partner’s own name', () => {
    expect(match('vvsg')).toMatchObject({ tag: 'partner', display: 'Vereniging van Vlaamse Steden en Gemeenten', corrected: false });
    expect(match('Vereniging van Vlaamse steden & gemeenten')).toMatchObject({ tag: 'partner' });
    expect(match('økonomisk  forum')).toMatchObject({ tag: 'partner', display: 'Økonomisk Forum' });
  });
  it('anyone else is external, unless the coordinator corrected it', () => {
    expect(match('Ashoka')).toMatchObject({ tag: 'external', display: 'Ashoka', corrected: false });
    expect(match('stad gent')).toMatchObject({ tag: 'partner', corrected: true });
  });
  it('a correction can make a listed partner external', () => {
    const m = partnerMatcher({ ...SETTINGS, corrections: [{ organisation: 'VVSG', tag: 'external' }] });
    expect(m('VVSG')).toMatchObject({ tag: 'external', corrected: true });
  });
});

describe('attendance list', () => {
  function room() {
    const h = new DomainHarness();
    const people: [string, string | null, string | null, boolean | undefined, 'public' | 'ngo' | undefined][] = [
      ['ann', 'VVSG', 'België', true, 'public'],
      ['bo', 'Vereniging van Vlaamse Steden en Gemeenten', 'Belgie', false, 'public'],
      ['cy', 'Ashoka', 'Danmark', true, 'ngo'],
      ['di', 'ashoka', 'danmark', undefined, undefined],
      ['ed', null, null, true, undefined],
    ];
    for (const [id, organisation, country, attendanceConsent, organisationType] of people) {
      h.append(
        decideJoin(
          h.state,
          { participantId: id, name: id.toUpperCase(), organisation, country, attendanceConsent, organisationType },
          h.ctx({ role: 'system' }),
        ).events,
      );
    }
    return h;
  }

  it('names only those who consented; everyone is counted', () => {
    const list = attendanceList(room().state, SETTINGS);
    expect(list.entries.map((e) => e.name)).toEqual(['ANN', null, 'CY', null, 'ED']);
    expect(list.counts).toMatchObject({ participants: 5, listed: 3, byTag: { partner: 2, external: 2, unknown: 1 } });
  });

  it('counts organisations, types and countries over spelling variants', () => {
    const { counts } = attendanceList(room().state, SETTINGS);
    expect(counts.byOrganisation).toEqual([
      { key: 'ashoka', name: 'Ashoka', count: 2, tag: 'external' },
      { key: 'vereniging van vlaamse steden gemeenten', name: 'Vereniging van Vlaamse Steden en Gemeenten', count: 2, tag: 'partner' },
    ]);
    expect(counts.byType).toEqual([
      { key: 'public', name: 'public', count: 2 },
      { key: 'unknown', name: 'unknown', count: 2 },
      { key: 'ngo', name: 'ngo', count: 1 },
    ]);
    expect(counts.byCountry.map((c) => [c.name, c.count])).toEqual([
      ['België', 2],
      ['Danmark', 2],
    ]);
  });

  it('a join without the new answers logs the same participant as before they were asked (old logs replay)', () => {
    const h = new DomainHarness();
    h.join('old', 'ENSIE', 'NL');
    expect(Object.keys(h.state.participants.old).sort()).toEqual(['country', 'groupId', 'id', 'joinedAt', 'name', 'organisation']);
    expect(attendanceList(h.state, SETTINGS).entries[0]).toMatchObject({ name: null, listed: false, organisationType: null });
  });

  it('the join request takes a known organisation type and a yes/no consent, nothing else', () => {
    const base = { opId: 'op-12345678', joinCode: 'ABCDEFGH', name: 'A', token: 'a'.repeat(24) };
    expect(JoinRequest.safeParse({ ...base, organisationType: 'ngo', attendanceConsent: true }).success).toBe(true);
    expect(JoinRequest.safeParse({ ...base, organisationType: 'pirates' }).success).toBe(false);
    expect(JoinRequest.safeParse({ ...base, attendanceConsent: 'yes' }).success).toBe(false);
  });
});

describe('stored events', () => {
  it('a stored join keeps its attendance answers when read back, and an old one still reads', async () => {
    const { readStoredEvent } = await import('../../../shared/protocol/event-versions.js');
    const participant = { id: 'p1', name: 'Ann', organisation: 'VVSG', country: 'BE', joinedAt: 1, groupId: null };
    const now = readStoredEvent(
      1,
      JSON.parse(JSON.stringify({ type: 'participant.joined', participant: { ...participant, organisationType: 'public', attendanceConsent: true } })),
    );
    expect(now).toEqual({ type: 'participant.joined', participant: { ...participant, organisationType: 'public', attendanceConsent: true } });
    expect(readStoredEvent(1, { type: 'participant.joined', participant })).toEqual({ type: 'participant.joined', participant });
  });
});
