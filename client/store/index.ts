import { create } from 'zustand';
import type { Ack } from '../../shared/protocol/acks.js';
import type { CommandType } from '../../shared/protocol/commands.js';
import type { CommandArgs } from '../../shared/protocol/socket-events.js';
import type { RefusedCommand } from '../errors.js';
import { SessionLink, type Credential, type QueuedCommand } from '../socket.js';
import { storage } from '../storage.js';
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
    failed: (c, error) => {
      const refused = [...useStore.getState().refused, { ...c, error }];
      storage.setRefused(sessionId, refused);
      set({ lastError: error, refused });
    },
    fatal: (error) => set({ fatal: error }),
  });
  set({ link, sessionId, view: null, fatal: null, lastError: null, myAnswerIds: [], refused: storage.refused<RefusedCommand>(sessionId) });
  return () => {
    link.close();
    set({ link: null });
  };
}

/** Sends a command through the live link: `send('answer.add', { promptId, text })`, checked against the command's schema type. */
export function send<T extends CommandType>(type: T, ...payload: CommandArgs<T>): Promise<Ack> {
  const link = useStore.getState().link;
  if (!link) return Promise.resolve({ ok: false, error: { code: 'unauthorised', message: 'not connected' } });
  return link.send(type, ...payload);
}

/** The person has read why a command was refused (and, for an answer, taken its text back if they wanted). */
export function dismissRefused(opId: string): void {
  const { refused, sessionId } = useStore.getState();
  const left = refused.filter((r) => r.opId !== opId);
  if (sessionId) storage.setRefused(sessionId, left);
  useStore.setState({ refused: left });
}
