/** What this device remembers: credentials per session, the join form, drafts and unsent commands. */
const get = <T>(key: string, fallback: T): T => {
  try {
    const raw = localStorage.getItem(`plive:${key}`);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
};
const set = (key: string, value: unknown): void => {
  try {
    if (value === null || value === undefined) localStorage.removeItem(`plive:${key}`);
    else localStorage.setItem(`plive:${key}`, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the app still works, it just forgets on reload.
  }
};

export interface Person {
  name: string;
  organisation: string;
  country: string;
}

export const storage = {
  facilitatorKey: (sessionId: string) => get<string | null>(`key:${sessionId}`, null),
  setFacilitatorKey: (sessionId: string, key: string) => set(`key:${sessionId}`, key),
  participantToken: (sessionId: string) => get<string | null>(`token:${sessionId}`, null),
  setParticipantToken: (sessionId: string, token: string) => set(`token:${sessionId}`, token),
  person: () => get<Person>('person', { name: '', organisation: '', country: '' }),
  setPerson: (p: Person) => set('person', p),
  language: () => get<string | null>('language', null),
  setLanguage: (l: string) => set('language', l),
  draft: (key: string) => get<string>(`draft:${key}`, ''),
  setDraft: (key: string, text: string) => set(`draft:${key}`, text || null),
  queue: <T>(sessionId: string) => get<T[]>(`queue:${sessionId}`, []),
  setQueue: <T>(sessionId: string, q: T[]) => set(`queue:${sessionId}`, q.length ? q : null),
  refused: <T>(sessionId: string) => get<T[]>(`refused:${sessionId}`, []),
  setRefused: <T>(sessionId: string, r: T[]) => set(`refused:${sessionId}`, r.length ? r : null),
  /** Broadcasts this device closed, by the time they were sent (a new message shows again). */
  dismissedBroadcast: (sessionId: string) => get<number | null>(`dismissed-broadcast:${sessionId}`, null),
  setDismissedBroadcast: (sessionId: string, at: number) => set(`dismissed-broadcast:${sessionId}`, at),
  /** The projector's own setting: keep dot-vote counts off the shared screen while the room votes. */
  projectorHidesVotes: (sessionId: string) => get<boolean>(`projector-hides-votes:${sessionId}`, false),
  setProjectorHidesVotes: (sessionId: string, hide: boolean) => set(`projector-hides-votes:${sessionId}`, hide || null),
};
