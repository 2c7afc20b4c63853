import type { Ack } from '../../../shared/protocol/acks.js';
import type { CommandType } from '../../../shared/protocol/commands.js';
import { send, useStore } from '../../store/index.js';
import type { PlanDriver } from './run.js';
import { fetchProgrammeQuestions } from '../evaluation/programme-questions.js';

/** How long a stage waits for its own event before going on (the next command is then decided on the server anyway). */
const WAIT_MS = 5000;

/** The console's driver: the live link's send, and the store's view. */
export const storeDriver: PlanDriver = {
  // A CommandCall pairs a type with its own payload; send's overloads cannot see that through the union.
  send: (c) => (send as (type: CommandType, payload: unknown) => Promise<Ack>)(c.type, c.payload),
  state: () => useStore.getState().view,
  evaluationQuestions: () => {
    const sessionId = useStore.getState().view?.id;
    return sessionId ? fetchProgrammeQuestions(sessionId) : Promise.resolve(null);
  },
  waitForSeq: (seq) =>
    new Promise<void>((resolve) => {
      const reached = () => (useStore.getState().view?.seq ?? 0) >= seq;
      if (reached()) return resolve();
      const timer = setTimeout(done, WAIT_MS);
      const unsubscribe = useStore.subscribe(() => reached() && done());
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    }),
};
