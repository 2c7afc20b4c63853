import { nanoid } from 'nanoid';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type { Language } from '../../shared/schemas/primitives.js';
import { TestClient } from '../support/clients.js';
import { seriousA11yViolations } from './browser.js';

/** A command that must succeed, waiting as long as a busy shared machine needs (a test client waits 10 s). */
export async function ok(client: TestClient, type: string, payload: Record<string, unknown> = {}): Promise<void> {
  const ack = await (client.socket as unknown as Socket).timeout(90_000).emitWithAck('command', { type, opId: nanoid(12), ...payload });
  expect(ack, `${type}: ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
}

/**
 * Ends the round if it is still running. The first synthesis of a process loads its language data (measured
 * 19 s on a busy two-core machine); a one-minute round may also have run out while a test looked at screens.
 */
export async function endRound(fac: TestClient): Promise<void> {
  if (fac.view?.round?.endedAt === null) await ok(fac, 'round.end');
}

/** A facilitator's socket client, attached. */
export async function facilitatorClient(url: string, sessionId: string, key: string): Promise<TestClient> {
  const fac = await new TestClient(url).connected();
  expect((await fac.attach(sessionId, { kind: 'facilitator', key })).ok).toBe(true);
  return fac;
}

/** A page in its own browser context: a browser locale, and optionally a language already chosen on the device. */
export async function newPage(browser: Browser, viewport: { width: number; height: number }, opts: { locale?: string; chosen?: Language } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: opts.locale ?? 'en-GB' });
  if (opts.chosen) {
    await context.addInitScript((lang) => {
      if (localStorage.getItem('plive:language') === null) localStorage.setItem('plive:language', JSON.stringify(lang));
    }, opts.chosen);
  }
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return page;
}

/** Joins through the join page, as a phone would, and waits for the lobby. */
export async function joinInBrowser(page: Page, url: string, code: string, name: string, organisation = ''): Promise<void> {
  await page.goto(`${url}/join/${code}`);
  await page.getByTestId('join-name').fill(name);
  if (organisation) await page.getByTestId('join-org').fill(organisation);
  await page.getByTestId('join-name').press('Enter');
  await page.getByTestId('lobby').waitFor();
}

/** Collects what fails on a screen: serious or critical axe violations, and a missing level-one heading. */
export class A11yFindings {
  readonly failures: string[] = [];
  async check(page: Page, screen: string): Promise<void> {
    const violations = await seriousA11yViolations(page);
    if (violations.length) this.failures.push(`${screen}: ${JSON.stringify(violations)}`);
    if ((await page.locator('h1').count()) === 0) this.failures.push(`${screen}: no level-one heading`);
  }
}
