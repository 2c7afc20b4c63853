import { create } from 'zustand';
import { SessionLink, type Credential, type QueuedCommand } from '../socket.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';

/** One store, fed by the socket, in slices. */
export type AppState = SessionSlice & UiSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createUiSlice(...a),
}));

/** Opens the live link to a session; the store follows it. */
export function connect(sessionId: string, credential: Credential): () => void {
  const set = useStore.setState;
  const link = new SessionLink(sessionId, credential, {
    view: (view, role, participantId) => set({ view, role, participantId }),
    status: (status) => set({ status }),
    clock: (clockOffset) => set({ clockOffset }),
    queue: (queued) => set({ queued }),
    acked: (c: QueuedCommand, result) => {
      const answerId = (result as { answerId?: string } | undefined)?.answerId;
      if (c.type === 'answer.add' && answerId) set((s) => ({ myAnswerIds: [...s.myAnswerIds, answerId] }));
    },
    failed: (_c, error) => set({ lastError: error }),
    fatal: (error) => set({ fatal: error }),
  });
  set({ link, view: null, fatal: null, lastError: null, myAnswerIds: [] });
  return () => {
    link.close();
    set({ link: null });
  };
}

/** Sends a command through the live link. */
export function send(type: string, payload: Record<string, unknown> = {}) {
  const link = useStore.getState().link;
  if (!link) return Promise.resolve({ ok: false as const, error: { code: 'unauthorised', message: 'not connected' } });
  return link.send(type, payload);
}
