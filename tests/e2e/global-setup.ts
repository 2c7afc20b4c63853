import { execSync } from 'node:child_process';

/** The browser tests drive the built client: build it once per run, so they test the code as it is now. */
export default function setup(): void {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
}
