import type { Server } from 'node:http';

/** PORT and HOST as the early listener reads them; null when not plainly valid (the configuration then says why). */
export function earlyAddress(env: NodeJS.ProcessEnv): { port: number; host: string } | null;
/** How many connections may wait to be accepted (see start.js). */
export const LISTEN_BACKLOG: number;
/** Listens at once and answers every request 503 "starting" until the app takes the server over. */
export function listenEarly(port: number, host: string): Promise<Server>;
