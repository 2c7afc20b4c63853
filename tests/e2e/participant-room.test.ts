import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, TestClient } from '../support/clients.js';
import { browserStage, chromiumMissing, screenshot, seriousA11yViolations, VIEWPORTS } from './browser.js';
import { endRound, facilitatorClient, joinInBrowser, newPage, ok } from './room-support.js';

const missing = chromiumMissing();
const DUTCH_PROMPTS = ['Waarom werken we samen?', 'Wat hebben leden nodig?', 'Hoe delen we kennis?'];

/**
 * Phones and the projector in a real room (issue 15): each person reads their own language around the session's
 * prompts, a jigsaw deals every prompt, the last minute and the facilitator's message are on top of every
 * screen, and nothing typed is lost in silence when the session closes while a phone is offline.
 * The facilitator acts through a socket client: the console is tested on its own.
 */
describe.skipIf(missing)(`phones and projector in a room${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  const openPage = (viewport: { width: number; height: number }, locale: string) => newPage(stage.browser, viewport, { locale });
  const join = (p: Page, code: string, name: string) => joinInBrowser(p, stage.server.url, code, name);
  async function facilitator(sessionId: string, key: string): Promise<TestClient> {
    const fac = await facilitatorClient(stage.server.url, sessionId, key);
    stage.clients.push(fac);
    return fac;
  }

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${screen}: ${JSON.stringify(violations)}`).toEqual([]);
  }

  it('a French and a Danish stage.browser in a Dutch jigsaw: own interface, Dutch prompts, all three dealt, warning and message on top', async () => {
    const created = await createSession(stage.server.url, { title: 'Netwerkdag Gent', language: 'nl', prompts: DUTCH_PROMPTS.map((text) => ({ text })) });
    const fac = await facilitator(created.sessionId, created.facilitatorKey);
    const chloe = await openPage(VIEWPORTS.phone, 'fr-FR');
    const dorte = await openPage(VIEWPORTS.laptop, 'da-DK');
    await join(chloe, created.joinCode, 'Chloé');
    await join(dorte, created.joinCode, 'Dorte');
    // The interface follows the stage.browser after joining too, not the session's Dutch.
    expect(await chloe.getByRole('heading', { level: 1 }).textContent()).toBe('Vous êtes là !');
    expect(await chloe.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await dorte.getByRole('heading', { level: 1 }).textContent()).toBe('Du er med!');

    await ok(fac, 'groups.form', { mode: 'random', sizing: { by: 'count', count: 2 } });
    await ok(fac, 'prompts.deal', { mode: 'jigsaw' });
    const projector = await openPage(VIEWPORTS.laptop, 'en-GB');
    await projector.goto(created.facilitatorUrl.replace('/facilitate/', '/projector/'));
    await projector.getByTestId('projector-code').waitFor();
    // A round of one minute: every screen is in its last minute from the start.
    await ok(fac, 'round.start', { durationSeconds: 60 });

    for (const page of [chloe, dorte]) await page.getByTestId('group-work').waitFor();
    expect(await chloe.getByText('Votre groupe').count()).toBe(1);
    expect(await dorte.getByText('Din gruppe').count()).toBe(1);
    // Three prompts, two groups: one group has two prompts, the other one, and every prompt is someone's.
    const promptsOf = (page: Page) => page.locator('.prompt h2').allTextContents();
    const seen = [...(await promptsOf(chloe)), ...(await promptsOf(dorte))];
    expect(seen.sort()).toEqual([...DUTCH_PROMPTS].sort());
    expect(await chloe.locator('.prompt h2').first().getAttribute('lang')).toBe('nl');

    // The projector says which group works on which prompt, all three of them.
    await expect.poll(() => projector.getByTestId('projector-prompt').count()).toBe(3);
    const shown = await projector.getByTestId('projector-prompt').allTextContents();
    for (const prompt of DUTCH_PROMPTS) expect(shown.some((s) => s.includes(prompt))).toBe(true);
    expect(shown.filter((s) => s.includes('Group 1')).length).toBe(2);
    expect(shown.filter((s) => s.includes('Group 2')).length).toBe(1);

    // The last minute shows on every participant screen and on the projector, each in its own language.
    await expect.poll(() => chloe.getByTestId('one-minute-warning').textContent()).toContain('Plus qu’une minute');
    await expect.poll(() => dorte.getByTestId('one-minute-warning').textContent()).toContain('Ét minut tilbage');
    await expect.poll(() => projector.getByTestId('one-minute-warning').textContent()).toContain('One minute left');

    // A message from the facilitator is on top of every screen until dismissed.
    await ok(fac, 'broadcast.send', { message: 'Nog even afronden, graag' });
    for (const page of [chloe, dorte, projector]) await expect.poll(() => page.getByTestId('broadcast').textContent()).toContain('Nog even afronden');
    await screenshot(chloe, 'room-breakout-phone-fr');
    await screenshot(dorte, 'room-breakout-laptop-da');
    await screenshot(projector, 'room-projector-breakout-laptop');
    await expectAccessible(chloe, 'breakout (fr phone)');
    await expectAccessible(projector, 'projector (breakout)');
    await chloe.getByTestId('dismiss-broadcast').click();
    expect(await chloe.getByTestId('broadcast').count()).toBe(0);
    expect(await dorte.getByTestId('broadcast').count()).toBe(1);

    // The round ends: the message belonged to it and leaves every screen, the projector too.
    await endRound(fac);
    await dorte.getByRole('heading', { name: 'Tilbage i plenum' }).waitFor();
    await expect.poll(() => dorte.getByTestId('broadcast').count()).toBe(0);
    await expect.poll(() => projector.getByTestId('broadcast').count()).toBe(0);
    expect(await dorte.getByTestId('one-minute-warning').count()).toBe(0);
  });

  it('an answer typed offline and refused because the session closed stays on screen with the reason, and so does a refused "take back"', async () => {
    const created = await createSession(stage.server.url, { title: 'Regional day', language: 'en', prompts: [{ text: 'What do members need?' }] });
    const fac = await facilitator(created.sessionId, created.facilitatorKey);
    const chloe = await openPage(VIEWPORTS.phone, 'fr-FR');
    await join(chloe, created.joinCode, 'Chloé');
    const promptId = fac.view!.prompts[0].id;
    const bram = await new TestClient(stage.server.url).connected();
    stage.clients.push(bram);
    await bram.join(created.joinCode, { name: 'Bram' });
    await ok(fac, 'groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await ok(fac, 'round.start', { durationSeconds: 600 });
    await ok(bram, 'answer.add', { promptId, text: 'Espaces de rencontre entre membres' });
    await ok(bram, 'answer.add', { promptId, text: 'Rencontre des membres dans des espaces ouverts' });
    const box = chloe.getByTestId(`answer-input-${promptId}`);
    await box.fill('Des espaces pour se rencontrer');
    await box.press('Enter');
    await expect.poll(() => chloe.getByText('Des espaces pour se rencontrer').count()).toBe(1);
    // The answer box is at the top of the group's list, where a phone's thumb is.
    const boxTop = (await box.boundingBox())!.y;
    expect(boxTop).toBeLessThan((await chloe.getByTestId('answer').first().boundingBox())!.y);

    // Dot-voting on the published synthesis; Chloé puts a dot on a theme.
    await endRound(fac);
    await expect.poll(() => fac.view?.synthesis?.prompts[0]?.themes.length ?? 0).toBeGreaterThan(0);
    await ok(fac, 'synthesis.publish', { published: true });
    await ok(fac, 'votes.open', { votesPerParticipant: 2 });
    await chloe.getByTestId('vote').first().click();
    await chloe.getByRole('button', { name: 'Retirer' }).waitFor();

    // The network goes: the phone says so, and counts what waits to be sent.
    await chloe.context().setOffline(true);
    await expect.poll(() => chloe.getByTestId('connection').textContent()).toContain('Hors ligne');
    await box.fill('Une idée écrite dans le train');
    await box.press('Enter');
    // And, still offline, she takes her dot back: it waits to be sent too.
    await chloe.getByRole('button', { name: 'Retirer' }).click();
    await expect.poll(() => chloe.getByTestId('connection-pending').textContent()).toContain('2 en attente d’envoi');
    await screenshot(chloe, 'room-offline-phone-fr');

    // Meanwhile the facilitator closes the session; back online, the idea is refused and stays, with why.
    await ok(fac, 'session.close');
    await chloe.context().setOffline(false);
    await chloe.getByTestId('closed').waitFor();
    const refused = chloe.getByTestId('refused');
    await expect.poll(() => refused.allTextContents()).toContainEqual(expect.stringContaining('Non enregistré : la session est close'));
    expect(await chloe.getByTestId('refused-text').first().textContent()).toBe('Une idée écrite dans le train');
    expect(await chloe.getByTestId('connection-pending').count()).toBe(0);

    // The "take back" sent offline was refused too, and says why; the vote buttons now say the session is closed.
    await expect
      .poll(() => chloe.getByTestId('refused').allTextContents())
      .toContainEqual(expect.stringContaining('Votre vote n’a pas été retiré : la session est close'));
    expect(await chloe.getByTestId('vote').first().isDisabled()).toBe(true);
    expect(await chloe.getByTestId('vote-closed').first().textContent()).toBeTruthy();
    await screenshot(chloe, 'room-refused-phone-fr');
    await expectAccessible(chloe, 'closed with refused notices (fr phone)');

    // Reloading keeps the refused idea until Chloé dismisses it.
    await chloe.reload();
    await expect.poll(() => chloe.getByTestId('refused-text').allTextContents()).toContain('Une idée écrite dans le train');
    const before = await chloe.getByTestId('refused').count();
    await chloe.getByTestId('dismiss-refused').first().click();
    await expect.poll(() => chloe.getByTestId('refused').count()).toBe(before - 1);

    // The projector says the session is closed and shows what the room found.
    const projector = await openPage(VIEWPORTS.laptop, 'en-GB');
    await projector.goto(created.facilitatorUrl.replace('/facilitate/', '/projector/'));
    await projector.getByTestId('projector-closed').waitFor();
    expect(await projector.getByTestId('projector-closed').textContent()).toContain('This session is closed');
    await expect.poll(() => projector.getByTestId('projector-theme').count()).toBeGreaterThan(0);
    expect(await projector.getByTestId('theme-votes').first().textContent()).toMatch(/\d+ votes?/);
    await screenshot(projector, 'room-projector-closed-laptop');
    await expectAccessible(projector, 'projector (closed)');
  });
});
