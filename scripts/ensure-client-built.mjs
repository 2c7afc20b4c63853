// `npm start` serves the built client: build it when it is missing (a fresh clone) or older than its sources
// (after a `git pull`, a stale build would serve yesterday's screens against today's server).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILT = 'client/dist/index.html';
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time under `p`, leaving out the build itself. */
function newest(p) {
  if (!existsSync(p) || p === 'client/dist') return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
if (builtAt === 0 || SOURCES.some((p) => newest(p) > builtAt)) {
  console.log(builtAt === 0 ? 'Building the client (first start only)...' : 'The client changed since it was built: building it again...');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
