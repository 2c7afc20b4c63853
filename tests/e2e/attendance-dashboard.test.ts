import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, facilitatorClient } from '../support/clients.js';
import { chromiumMissing, launch, screenshot, seriousA11yViolations, VIEWPORTS } from './browser.js';

const missing = chromiumMissing();

/** Three sessions of one programme; Ashoka and ENSIE come to two of them. One person joins through the browser. */
const ROOMS = [
  [
    ['Ann Peeters', 'VVSG', 'Belgium', true],
    ['Bo Jensen', 'Ashoka', 'Denmark', false],
    ['Cy Maes', 'ENSIE', 'Belgium', true],
  ],
  [
    ['Di Dubois', 'ENSIE', 'France', true],
    ['Ed Holm', 'Ashoka', 'Denmark', true],
    ['Fi Lund', 'Kommune Aarhus', 'Denmark', true],
  ],
  [['Gu Claes', 'Stad Gent', 'Belgium', true]],
] as const;

/**
 * The coordinator's dashboard in Chromium: its indicator charts drawn from a programme of three sessions, the
 * consent question at join, the partner list edited on the page, and the attendance list printed from the
 * dashboard (to a PDF, and in print media for a screenshot).
 */
describe.skipIf(missing)(`attendance and indicators in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  const clients: TestClient[] = [];
  let programme: { programmeId: string; coordinatorKey: string; coordinatorUrl: string };
  const sessions: { sessionId: string; joinCode: string; facilitatorKey: string; facilitatorUrl: string; participantUrl: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clientDist: path.resolve('client/dist') });
    browser = await launch();
    const post = async (p: string, body: unknown, key?: string) =>
      (
        await fetch(`${server.url}${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(body),
        })
      ).json();
    programme = await post('/api/programmes', { name: 'Peer learning across borders', languages: ['en'] });
    for (const [i, people] of ROOMS.entries()) {
      const s = await post(
        '/api/sessions',
        { template: 'core-drives', language: 'en', date: `2026-0${i + 3}-02`, programmeId: programme.programmeId, title: `Session ${i + 1}` },
        programme.coordinatorKey,
      );
      sessions.push(s);
      for (const [name, organisation, country, attendanceConsent] of people) {
        const c = await new TestClient(server.url).connected();
        clients.push(c);
        const person = { name, organisation, country, attendanceConsent };
        await c.join(s.joinCode, person);
      }
    }
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await browser?.close();
    await server?.cleanup();
  });

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  it('a participant answers the attendance questions at join, in their own language', async () => {
    const page = await newPage(VIEWPORTS.phone);
    await page.goto(`${server.url}/join/${sessions[2].joinCode}`);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr');
    await expect.poll(() => page.getByText('Inscrire mon nom, mon organisation et mon pays sur la liste de présence').count()).toBe(1);
    await page.getByTestId('join-name').fill('Ha Wouters');
    await page.getByTestId('join-org').fill('Ville de Liège');
    await page.getByTestId('join-country').fill('Belgium');
    await page.getByTestId('join-org-type').selectOption('public');
    await page.getByTestId('join-consent').check();
    await screenshot(page, 'attendance-join-consent-phone-fr');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await page.getByTestId('join-consent').locator('xpath=ancestor::form').getByRole('button').last().click();
    await page.getByTestId('lobby').waitFor();
    await page.context().close();
    // What they answered reached the attendance list: named (consented), with the type of organisation.
    const csv = await (
      await fetch(`${server.url}/api/sessions/${sessions[2].sessionId}/attendance.csv`, { headers: { authorization: `Bearer ${sessions[2].facilitatorKey}` } })
    ).text();
    expect(csv).toContain('Ha Wouters,Ville de Liège,Public authority,Belgium,external');
  });

  it('the dashboard draws the indicators, takes the partner list, and prints an attendance list', async () => {
    // Every group writes, so the groups count as having worked together.
    for (const s of sessions) {
      const fac = await facilitatorClient(server.url, s);
      clients.push(fac);
      const formed = await fac.ok<{ groupIds: string[] }>('groups.form', { mode: 'mixed', sizing: { by: 'count', count: 1 } });
      await fac.ok('round.start', { durationSeconds: 600 });
      await fac.ok('answer.add', { promptId: fac.view!.prompts[0].id, text: 'Pool our lobbying', groupId: formed.result!.groupIds[0] });
    }
    const page = await newPage(VIEWPORTS.laptop);
    await page.goto(programme.coordinatorUrl);
    await page.getByRole('heading', { name: 'Peer learning across borders' }).waitFor();
    await page.getByTestId('chart-organisations').waitFor();

    // No partners yet: every organisation is external.
    await expect.poll(() => page.getByTestId('tile-organisations').textContent()).toBe('6');
    await page.getByTestId('partners-text').fill('ENSIE | European Network of Social Integration Enterprises\nVVSG');
    await page.getByTestId('partners-save').click();
    await expect.poll(() => page.getByText('Organisations: 2 partner, 4 external').count()).toBe(1);
    // The coordinator corrects one tag by hand.
    await page.getByRole('combobox', { name: 'Partner or external: Stad Gent' }).selectOption('partner');
    await expect.poll(() => page.getByText('Organisations: 3 partner, 3 external').count()).toBe(1);

    const bars = (chart: string) =>
      page
        .getByTestId(chart)
        .locator('rect[data-value]')
        .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
    expect(await bars('chart-participants')).toEqual([3, 3, 2]);
    // Partner, external per session: [VVSG, ENSIE | Ashoka], [ENSIE | Ashoka, Kommune], [Stad Gent (corrected) | Ville de Liège].
    expect(await bars('chart-organisations')).toEqual([2, 1, 1, 2, 1, 1]);
    expect(await bars('chart-countries')).toEqual([2, 2, 1]);
    expect(await bars('chart-cross')).toEqual([3, 3, 0]);
    expect(await page.getByTestId('tile-participants').textContent()).toBe('8');
    expect(await page.getByTestId('tile-countries').textContent()).toBe('3');
    expect(await page.getByTestId('tile-cross').textContent()).toBe('4');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await page.getByTestId('indicators').scrollIntoViewIfNeeded();
    await screenshot(page, 'attendance-dashboard-laptop');

    // On a phone the charts stack.
    const phone = await newPage(VIEWPORTS.phone);
    await phone.goto(programme.coordinatorUrl);
    await phone.getByTestId('chart-cross').waitFor();
    // (The sessions table above is wider than a phone already; the charts stack in one column, each within the panel.)
    const boxes = await phone.locator('figure.chart').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const p = el.closest('section')!.getBoundingClientRect();
        return { left: Math.round(r.left), inside: r.right <= p.right };
      }),
    );
    expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
    expect(boxes.every((b) => b.inside)).toBe(true);
    await screenshot(phone, 'attendance-dashboard-phone');
    await phone.context().close();

    // Print the first session's list from the dashboard: it opens in a tab, ready for the browser's print dialog.
    await page.getByLabel('Place').fill('Brussels, Maison des Associations');
    const [printTab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId(`attendance-print-${sessions[0].sessionId}`).click()]);
    await printTab.getByRole('heading', { name: 'Attendance list' }).waitFor();
    expect(await printTab.locator('tr[data-participant]').allTextContents()).toEqual(['1Ann PeetersVVSGBelgiumpartner', '2Cy MaesENSIEBelgiumpartner']);
    expect(await printTab.content()).not.toContain('Bo Jensen');
    expect(await printTab.getByText('Brussels, Maison des Associations').count()).toBe(1);
    // Styled despite the app's strict CSP (no inline styles in a page it opens): the table has its borders.
    await expect
      .poll(() =>
        printTab
          .locator('tr[data-participant] td')
          .first()
          .evaluate((el) => getComputedStyle(el).borderTopStyle),
      )
      .toBe('solid');
    await printTab.emulateMedia({ media: 'print' });
    await screenshot(printTab, 'attendance-list-print');
    const pdf = await printTab.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
