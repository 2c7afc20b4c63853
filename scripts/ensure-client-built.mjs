// `npm start` serves the built client: build it once if it is missing (a fresh clone).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('client/dist/index.html')) {
  console.log('Building the client (first start only)...');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
