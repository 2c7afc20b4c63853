import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a machine with no network but the loopback: no background calls home, no sandbox as root. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run here. Without Chromium they skip with this reason, except under CI=true,
 * where a missing browser is a failure (CI installs it).
 */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

export const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 900 } } as const;

const SHOTS = path.resolve('test-results/screenshots');
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Contrast is judged on the page at rest: an answer fading in (0.25 s) is below any contrast while it does.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * A private copy of the built client, taken when a test file starts: another run's build (which empties
 * client/dist first) cannot then pull the pages from under this file's browser halfway through.
 */
export async function builtClientCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'plive-dist-'));
  await cp(path.resolve('client/dist'), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * One test file's stage: a real server serving a private copy of the built client, Chromium, and the socket clients
 * the file opens (closed at the end). Fields are set in beforeAll.
 */
export function browserStage(): { server: TestServer; browser: Browser; clients: TestClient[] } {
  const stage = { clients: [] as TestClient[] } as { server: TestServer; browser: Browser; clients: TestClient[] };
  let dist: Awaited<ReturnType<typeof builtClientCopy>> | undefined;
  beforeAll(async () => {
    dist = await builtClientCopy();
    stage.server = await startTestServer({ clientDist: dist.dir });
    stage.browser = await launch();
  });
  afterAll(async () => {
    for (const c of stage.clients) c.close();
    await stage.browser?.close();
    await stage.server?.cleanup();
    await dist?.remove();
  });
  return stage;
}
