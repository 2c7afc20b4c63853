import { execSync } from 'node:child_process';

/**
 * The browser tests drive the built client: build it once per run, so they test the code as it is now. Vitest
 * sets NODE_ENV=test, which would make Vite bundle React's development build: build for production, the same
 * bundle `npm start` serves (and then finds already built).
 */
export default function setup(): void {
  execSync('npx vite build --logLevel error', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
