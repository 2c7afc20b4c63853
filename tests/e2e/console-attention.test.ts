import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, facilitatorClient, TestClient } from '../support/clients.js';
import { browserStage, chromiumMissing, screenshot, seriousA11yViolations, VIEWPORTS } from './browser.js';

const missing = chromiumMissing();
const PEOPLE = [
  ['Anna', 'Ashoka', 'Belgium'],
  ['Bram', 'ENSIE', 'Netherlands'],
  ['Chloé', 'RREUSE', 'France'],
  ['Dorte', 'Ashoka', 'Denmark'],
] as const;

/**
 * The console in the order of work, in Chromium: prompts edited in the lobby, group cards with organisation and
 * country, a help request in the attention strip and the tab title with a jump to its card, the one-minute warning,
 * and the synthesis brought into view when the round ends. Participants are socket clients (their screens have
 * their own tests); the console is the browser under test.
 */
describe.skipIf(missing)(`the console's attention strip${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  async function consolePage(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await stage.browser.newContext({ viewport })).newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(url);
    return page;
  }

  it('points at what needs attention and follows the order of work', async () => {
    const s = await createSession(stage.server.url);
    const fac = await facilitatorClient(stage.server.url, s);
    stage.clients.push(fac);
    const people: TestClient[] = [];
    for (const [name, organisation, country] of PEOPLE) {
      const c = await new TestClient(stage.server.url).connected();
      await c.join(s.joinCode, { name, organisation, country });
      people.push(c);
      stage.clients.push(c);
    }
    const page = await consolePage(s.facilitatorUrl, VIEWPORTS.laptop);
    await expect.poll(() => page.getByTestId('room-counts').textContent()).toContain('4 people');

    // Room, prompts, groups, round, synthesis: top to bottom.
    const ys: number[] = [];
    for (const id of ['room', 'prompts', 'groups', 'round', 'synthesis']) ys.push((await page.locator(`#section-${id}`).boundingBox())!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);

    // Prompts can be edited in the lobby, before any group exists.
    const first = page.getByTestId('prompt-input').first();
    await first.fill('What drives your network, in one sentence?');
    await page.getByTestId('save-prompts').click();
    await expect.poll(() => fac.view?.prompts[0].text).toBe('What drives your network, in one sentence?');

    // "Start round" says why it cannot start yet.
    await expect.poll(() => page.getByTestId('start-round').isDisabled()).toBe(true);
    expect(await page.locator('#start-reason').textContent()).toContain('Form groups first');

    await page.getByTestId('grouping-by').selectOption('count');
    await page.getByTestId('grouping-value').fill('2');
    await page.getByTestId('form-groups').click();
    await expect.poll(() => page.getByTestId('group-card').count()).toBe(2);
    await expect.poll(() => page.getByTestId('groups-grid').textContent()).toContain('Ashoka · Belgium');

    // A one-minute round: the warning shows at once.
    await page.getByTestId('round-minutes').fill('1');
    await page.getByTestId('start-round').click();
    await page.getByTestId('one-minute-warning').waitFor();
    expect(await page.getByTestId('attention-done').textContent()).toBe('Done: 0 of 2');

    // A group asks for help: the strip names it, the tab title counts it, the button jumps to its card.
    const asker = people[2];
    await asker.ok('group.signal', { help: true });
    const groupId = asker.view!.participants[asker.participantId!].groupId!;
    const groupNumber = fac.view!.groups[groupId].number;
    await expect.poll(() => page.getByTestId('attention-help').textContent()).toContain(`Group ${groupNumber} needs help`);
    await expect.poll(() => page.title()).toMatch(/^\(1\) Help needed · /);
    await page.getByTestId('help-jump').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`group-${groupId}`);
    await people[0].ok('group.signal', { done: true });
    await expect.poll(() => page.getByTestId('attention-done').textContent()).toBe('Done: 1 of 2');
    await screenshot(page, 'console-attention-laptop-en');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same console in Dutch, and on a phone.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
    await expect.poll(() => page.getByTestId('attention-help').textContent()).toContain('vraagt hulp');
    await screenshot(page, 'console-attention-laptop-nl');
    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'console-attention-phone-nl');
    await page.setViewportSize(VIEWPORTS.laptop);

    // The round ends: help and done clear, and the synthesis comes into view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await people[1].ok('answer.add', { promptId: fac.view!.prompts[0].id, text: 'Shared funding for projects' });
    // Clicked from script so the page stays scrolled to the top (a pointer click would scroll to the button first).
    await page.getByTestId('end-round').evaluate((b: HTMLButtonElement) => b.click());
    // Ending a round runs the synthesis first (seconds on a busy machine, the first time in a fresh worker).
    await expect.poll(() => page.getByTestId('one-minute-warning').count(), { timeout: 45_000 }).toBe(0);
    await expect
      .poll(async () => {
        const box = await page.locator('#section-synthesis').boundingBox();
        return box !== null && box.y < VIEWPORTS.laptop.height && box.y + box.height > 0;
      })
      .toBe(true);
    await screenshot(page, 'console-round-ended-laptop-nl');
    // Help and done belong to the round that ended (the shared reducer clears them): the strip and the title follow.
    await expect.poll(() => page.getByTestId('attention-help').textContent()).not.toContain('vraagt hulp');
    await expect.poll(() => page.title()).not.toMatch(/^\(/);
    expect(await page.locator('.group-card.is-help, .group-card.is-done').count()).toBe(0);
  });
});
