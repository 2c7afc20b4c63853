import type { EventRecord } from '../store/types.js';

/**
 * A session's log without who was there: every participant's name becomes "Participant N" (in the order they
 * joined) and their organisation and country are dropped. Ids, answers, groups and votes stay, so the log replays
 * (and imports) exactly as before. The JSON export sends this unless names were asked for; retention keeps this.
 */
export function withoutNames(events: EventRecord[]): EventRecord[] {
  let n = 0;
  return events.map((e) => {
    if (e.type !== 'participant.joined') return e;
    const data = e.data as { type: string; participant: Record<string, unknown> };
    n += 1;
    return { ...e, data: { ...data, participant: { ...data.participant, name: `Participant ${n}`, organisation: null, country: null } } };
  });
}

/** Whether a log already holds no names (so retention leaves it alone). */
export function hasNames(events: EventRecord[]): boolean {
  let n = 0;
  return events.some((e) => {
    if (e.type !== 'participant.joined') return false;
    const p = (e.data as { participant: { name: string; organisation: string | null; country: string | null } }).participant;
    n += 1;
    return p.name !== `Participant ${n}` || p.organisation !== null || p.country !== null;
  });
}
