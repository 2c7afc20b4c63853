// The server process's entry (`npm start`). It listens first, in plain JavaScript, so a load balancer or a
// reconnecting client hears "starting" about 0.1 s after the process starts; only then does it register the
// TypeScript loader (tsx, ~0.3 s more) and boot the app on the same listener (server/index.ts).
import { earlyAddress, listenEarly } from './start.js';

const early = earlyAddress(process.env);
const http = early ? await listenEarly(early.port, early.host) : undefined;
const { register } = await import('tsx/esm/api');
register();
const { boot } = await import('./index.ts');
await boot(http);
