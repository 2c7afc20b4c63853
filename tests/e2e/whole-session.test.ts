import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStage, chromiumMissing, screenshot, seriousA11yViolations, VIEWPORTS } from './browser.js';

const missing = chromiumMissing();
const PEOPLE = [
  ['Anna', 'Ashoka', 'Belgium'],
  ['Bram', 'Ashoka', 'Netherlands'],
  ['Chloé', 'ENSIE', 'France'],
  ['Dorte', 'ENSIE', 'Denmark'],
  ['Emil', 'RREUSE', 'Denmark'],
  ['Fleur', 'RREUSE', 'Belgium'],
] as const;

/**
 * A facilitator and six participants, each in their own browser context, run a whole session through the UI:
 * create from the template, join, mixed groups, answers in two groups at once, a reload mid-round,
 * broadcast, extend, end. Screens are checked for what they show, with axe, at phone and laptop sizes.
 */
describe.skipIf(missing)(`a whole session in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await stage.browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${screen}: ${JSON.stringify(violations)}`).toEqual([]);
  }

  it('runs from template to ended round, and every screen shows what it should', async () => {
    // Facilitator creates the session from the template, through the home screen.
    const fac = await newPage(VIEWPORTS.laptop);
    await fac.goto(stage.server.url);
    await expectAccessible(fac, 'home');
    await screenshot(fac, 'home-laptop');
    await fac.getByRole('button', { name: 'Create session' }).click();
    await expect.poll(() => fac.getByTestId('facilitator-url').inputValue()).toContain('#key=');
    await expect.poll(() => fac.getByText('This link is the key to your session').count()).toBe(1);
    await screenshot(fac, 'key-reveal-laptop');
    await fac.getByTestId('continue').click();
    const code = (await fac.getByTestId('join-code-display').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expectAccessible(fac, 'console (empty)');

    // Six participants join through the join link, three of them on phones.
    const people: Page[] = [];
    for (const [i, [name, org, country]] of PEOPLE.entries()) {
      const page = await newPage(i % 2 ? VIEWPORTS.phone : VIEWPORTS.laptop);
      await page.goto(`${stage.server.url}/join/${code}`);
      await page.getByTestId('join-name').fill(name);
      await page.getByTestId('join-org').fill(org);
      await page.getByTestId('join-country').fill(country);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByTestId('lobby').waitFor();
      people.push(page);
    }
    await screenshot(people[1], 'lobby-phone');
    await expectAccessible(people[1], 'lobby');
    await expect.poll(() => fac.getByTestId('room-counts').textContent()).toContain('6 people');
    expect(await fac.getByTestId('room-counts').textContent()).toContain('3 organisations');

    // Mixed groups of two by count: 2 groups of 3.
    await fac.getByTestId('grouping-mode').selectOption('mixed');
    await fac.getByTestId('grouping-by').selectOption('count');
    await fac.getByTestId('grouping-value').fill('2');
    await fac.getByTestId('form-groups').click();
    await expect.poll(() => fac.getByTestId('group-card').count()).toBe(2);
    await fac.getByTestId('round-minutes').fill('10');
    await fac.getByTestId('start-round').click();
    for (const p of people) await p.getByTestId('group-work').waitFor();
    await expect.poll(() => people[0].getByTestId('timer').textContent()).toMatch(/(9|10):\d\d/);

    // Which group is each person in (from the participant screens).
    const groupOf = async (p: Page) => (await p.locator('#your-group').textContent())!.trim();
    const names = await Promise.all(people.map(groupOf));
    const a = people[names.indexOf('Group 1')];
    const aMate = people.filter((_, i) => names[i] === 'Group 1')[1];
    const b = people[names.indexOf('Group 2')];
    const bMate = people.filter((_, i) => names[i] === 'Group 2')[1];

    // Two groups write at once.
    const promptId = await a.locator('textarea[data-testid^="answer-input-"]').first().getAttribute('data-testid');
    const write = async (p: Page, text: string) => {
      await p.getByTestId(promptId!).fill(text);
      await p.getByTestId(promptId!).press('Enter');
    };
    await Promise.all([write(a, 'Speak with one voice to policy makers'), write(b, 'Access to funding <script>alert(1)</script>')]);
    await Promise.all([write(aMate, 'Lobby for our shared interests'), write(bMate, 'Advocacy for the common interests of members')]);
    await expect.poll(() => aMate.getByText('Speak with one voice to policy makers').count()).toBe(1);
    await expect.poll(() => bMate.getByText('Access to funding <script>alert(1)</script>').count()).toBe(1);
    expect(await aMate.getByText('Access to funding').count()).toBe(0);
    await expect.poll(() => fac.getByText('Speak with one voice to policy makers').count()).toBe(1);
    await expect.poll(() => fac.getByText('Access to funding <script>alert(1)</script>').count()).toBe(1);
    await screenshot(a, `breakout-${a.viewportSize()!.width < 500 ? 'phone' : 'laptop'}`);
    await screenshot(b, `breakout-${b.viewportSize()!.width < 500 ? 'phone' : 'laptop'}`);
    await expectAccessible(a, 'breakout');

    // A participant reloads mid-round and finds everything.
    await a.reload();
    await a.getByTestId('group-work').waitFor();
    await expect.poll(() => a.getByText('Speak with one voice to policy makers').count()).toBe(1);
    expect(await groupOf(a)).toBe('Group 1');

    // Broadcast, extend, end.
    await fac.getByTestId('broadcast-input').fill('Five minutes left, start wrapping up');
    await fac.getByTestId('broadcast-send').click();
    for (const p of people) await expect.poll(() => p.getByTestId('broadcast').textContent()).toContain('Five minutes left');
    const before = await people[2].getByTestId('timer').textContent();
    await fac.getByTestId('extend-5').click();
    await expect.poll(async () => minutesOf(await people[2].getByTestId('timer').textContent())).toBeGreaterThanOrEqual(minutesOf(before) + 4);
    await screenshot(fac, 'console-round-laptop');
    await expectAccessible(fac, 'console (round)');
    await fac.getByTestId('end-round').click();
    for (const p of people) await p.getByRole('heading', { name: 'Back in plenary' }).waitFor();
    // The synthesis is ready: the facilitator curates and publishes, the participants see it.
    await expect.poll(() => fac.getByTestId('theme').count()).toBeGreaterThanOrEqual(1);
    await fac.getByTestId('theme').first().getByTestId('rename').click();
    await fac.getByTestId('rename-input').fill('Represent common interests');
    await fac.getByTestId('rename-input').press('Enter');
    await expect.poll(() => fac.getByTestId('theme').first().textContent()).toContain('Represent common interests');
    await fac.getByTestId('publish').click();
    for (const p of [a, b]) await expect.poll(() => p.getByTestId('synthesis').textContent()).toContain('Represent common interests');
    await screenshot(fac, 'console-plenary-laptop');
    await screenshot(people[1], 'plenary-phone');
    await expectAccessible(people[1], 'plenary with synthesis');
    await fac.setViewportSize(VIEWPORTS.phone);
    await screenshot(fac, 'console-plenary-phone');

    // The projector shows the code large.
    const projector = await newPage(VIEWPORTS.laptop);
    await projector.goto(fac.url().replace('/facilitate/', '/projector/'));
    await expect.poll(() => projector.getByTestId('projector-code').textContent()).toBe(code);
    await expect.poll(() => projector.getByTestId('synthesis').textContent()).toContain('Represent common interests');
    await screenshot(projector, 'projector-laptop');
    await expectAccessible(projector, 'projector');
    await projector.setViewportSize(VIEWPORTS.phone);
    await screenshot(projector, 'projector-phone');
  });

  it('a coordinator opens the programme dashboard and sees its sessions', async () => {
    const res = await fetch(`${stage.server.url}/api/programmes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Five regional sessions', languages: ['en'] }),
    });
    const programme = await res.json();
    await fetch(`${stage.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.coordinatorKey}` },
      body: JSON.stringify({ template: 'core-drives', programmeId: programme.programmeId, date: '2026-11-24' }),
    });
    for (const [name, vp] of Object.entries(VIEWPORTS)) {
      const page = await newPage(vp);
      await page.goto(programme.coordinatorUrl);
      await page.getByRole('heading', { name: 'Five regional sessions' }).waitFor();
      expect(await page.getByRole('cell', { name: 'The core drives of a network' }).count()).toBe(1);
      await expectAccessible(page, 'dashboard');
      await screenshot(page, `dashboard-${name}`);
    }
  });

  it('a participant switches the interface to Danish and the screen follows', async () => {
    const page = await newPage(VIEWPORTS.phone);
    await page.goto(stage.server.url);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('da');
    await expect.poll(() => page.getByRole('heading', { name: 'Deltag i en session' }).count()).toBe(1);
    await screenshot(page, 'home-phone-da');
  });
});

function minutesOf(timer: string | null): number {
  const m = /(\d+):(\d\d)/.exec(timer ?? '');
  return m ? Number(m[1]) : 0;
}
