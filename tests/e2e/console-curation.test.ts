import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/acks.js';
import { createSession, facilitatorClient, TestClient } from '../support/clients.js';
import { browserStage, chromiumMissing, screenshot, seriousA11yViolations, VIEWPORTS } from './browser.js';

const missing = chromiumMissing();
const ANSWERS = [
  'Shared funding for joint projects',
  'Access to funding for members',
  'Speak with one voice to policy makers',
  'Funding for joint projects across borders',
  'One voice towards policy makers',
  'A picnic in the park every summer',
];

/**
 * The facilitator's hands on the synthesis, in Chromium: an answer moved out of a theme by keyboard (tick, choose
 * "other ideas", move) and dragged back into a theme with the mouse; a theme renamed keeps its place; then the session
 * is closed and every control that could change something is disabled, with the reason on screen.
 */
describe.skipIf(missing)(`curating the synthesis, and a closed console${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  const labels = (page: Page) => page.getByTestId('curation').first().getByTestId('theme').locator('.theme-label').allTextContents();
  // By the answer's own text: each row's "move to" menu lists every theme label too, so the row's whole text will not do.
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const answerIn = (zone: Locator, text: string) =>
    zone.getByTestId('curated-answer').filter({ has: zone.page().locator('.answer-text', { hasText: exactly(text) }) });

  it('moves answers between themes and "other ideas" by keyboard and by drag and drop, then locks when closed', async () => {
    const s = await createSession(stage.server.url);
    const fac = await facilitatorClient(stage.server.url, s);
    stage.clients.push(fac);
    const people: TestClient[] = [];
    for (const [i, name] of ['Anna', 'Bram', 'Chloé', 'Dorte'].entries()) {
      const c = await new TestClient(stage.server.url).connected();
      await c.join(s.joinCode, { name, organisation: `Org ${i % 2}`, country: `Country ${i}` });
      people.push(c);
      stage.clients.push(c);
    }
    await fac.ok('groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await fac.ok('round.start', { durationSeconds: 600 });
    const promptId = fac.view!.prompts[0].id;
    for (const [i, text] of ANSWERS.entries()) await people[i % people.length].ok('answer.add', { promptId, text });
    // Ending a round runs the synthesis first: seconds on a busy machine.
    const ended = (await fac.socket.timeout(60_000).emitWithAck('command', { type: 'round.end', opId: 'end-round-0001' })) as Ack;
    expect(ended.ok).toBe(true);

    const page = await (await stage.browser.newContext({ viewport: VIEWPORTS.laptop })).newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(s.facilitatorUrl);
    await expect.poll(() => page.getByTestId('theme').count()).toBeGreaterThanOrEqual(1);
    // Every answer went to the first prompt: its board is the first.
    const board = page.getByTestId('curation').first();
    const firstTheme = board.getByTestId('theme').first();
    const other = board.getByTestId('other-ideas');
    const moved = (await firstTheme.getByTestId('curated-answer').first().locator('.answer-text').textContent())!;

    // By keyboard: tick the answer, choose "Other ideas", press Move.
    await answerIn(firstTheme, moved).getByTestId('select-answer').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => board.getByTestId('curation-toolbar').textContent()).toContain('1 selected');
    await board.getByTestId('move-target').selectOption({ label: 'Other ideas' });
    await board.getByTestId('move-selected').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => answerIn(other, moved).count()).toBe(1);
    await expect.poll(() => fac.view!.synthesis!.prompts[0].otherAnswerIds.some((id) => fac.view!.synthesis!.answers[id].text === moved)).toBe(true);
    await screenshot(page, 'console-curation-laptop-en');

    // By mouse: drag it from "other ideas" back onto the first theme.
    const order = await labels(page);
    // Held by its text (the row's middle may be its menu, which does not start a drag).
    await answerIn(other, moved).locator('.answer-text').dragTo(firstTheme);
    await expect.poll(() => answerIn(firstTheme, moved).count()).toBe(1);
    expect(await answerIn(other, moved).count()).toBe(0);

    // And from "other ideas" into a theme by keyboard: out again with the row's own menu, back with the toolbar.
    const themeLabel = (await firstTheme.locator('.theme-label').textContent())!;
    await answerIn(firstTheme, moved).getByTestId('answer-move').selectOption({ label: 'Other ideas' });
    await expect.poll(() => answerIn(other, moved).count()).toBe(1);
    await answerIn(other, moved).getByTestId('select-answer').focus();
    await page.keyboard.press('Space');
    await board.getByTestId('move-target').selectOption({ label: themeLabel });
    await board.getByTestId('move-selected').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => answerIn(firstTheme, moved).count()).toBe(1);
    expect(await answerIn(other, moved).count()).toBe(0);

    // A rename keeps the theme where it is (the shared derivation would sort it by label).
    await firstTheme.getByTestId('rename').click();
    await page.getByTestId('rename-input').fill('Zzz, renamed last of all');
    await page.getByTestId('rename-input').press('Enter');
    await expect.poll(() => labels(page)).toEqual(['Zzz, renamed last of all', ...order.slice(1)]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // In French, on a phone.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr');
    await page.setViewportSize(VIEWPORTS.phone);
    await page.locator('#section-synthesis').scrollIntoViewIfNeeded();
    await screenshot(page, 'console-curation-phone-fr');
    await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en');
    await page.setViewportSize(VIEWPORTS.laptop);

    // Closed: nothing that changes the session can be pressed, and the reason is on screen.
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Close session' }).click();
    await page.getByTestId('console-closed').waitFor();
    const stillActive = await page.locator('main button:not([disabled])').allTextContents();
    const readOnly = ['Copy', 'Make a co-facilitator link', 'MD', 'HTML', 'DOCX', 'CSV', 'JSON'];
    expect(stillActive.filter((text) => !readOnly.includes(text.trim()) && !/^Show (all|fewer)/.test(text.trim()))).toEqual([]);
    for (const select of await page.locator('main select').all()) expect(await select.isDisabled()).toBe(true);
    for (const id of ['start-round', 'form-groups', 'run-synthesis', 'publish', 'broadcast-send'])
      expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    for (const id of ['move-selected', 'new-theme', 'rename', 'split', 'select-answer'])
      for (const el of await page.getByTestId(id).all()) expect(await el.isDisabled(), id).toBe(true);
    expect(await page.locator('#start-reason').textContent()).toBe('The session is closed: nothing can be changed.');
    expect(await page.getByTestId('reason').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'console-closed-laptop-en');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
