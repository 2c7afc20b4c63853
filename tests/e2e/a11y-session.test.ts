import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/schemas/primitives.js';
import { createSession, TestClient } from '../support/clients.js';
import { browserStage, chromiumMissing, screenshot, VIEWPORTS } from './browser.js';
import { A11yFindings, endRound, facilitatorClient, joinInBrowser, newPage, ok } from './room-support.js';

const missing = chromiumMissing();

/**
 * axe-core and a level-one heading on every screen of a session, in each interface language: the participant's
 * phone, the projector and the console, through the lobby, breakout (with the last-minute warning and a
 * message), plenary with a published synthesis and dot-voting, and closing. One page of each follows the
 * session and switches language with the menu, as a person would. The session's language stays Dutch.
 */
describe.skipIf(missing)(`accessibility of a session's screens, in four languages${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  it('participant, projector and console in lobby, breakout, plenary and closed, in en, nl, fr and da', async () => {
    const findings = new A11yFindings();
    // One Dutch session, watched by a participant, the projector and the console in each language.
    const created = await createSession(stage.server.url, {
      title: 'Netwerkdag',
      language: 'nl',
      prompts: [{ text: 'Wat hebben leden nodig?' }, { text: 'Hoe delen we kennis?' }],
    });
    const fac = await facilitatorClient(stage.server.url, created.sessionId, created.facilitatorKey);
    stage.clients.push(fac);
    // One phone, one projector and one console follow the session; each screen is checked in each language,
    // switched with the language menu as a person would (fewer pages: the machine is shared).
    const writers: TestClient[] = [];
    for (const name of ['Anna', 'Bram']) {
      const w = await new TestClient(stage.server.url).connected();
      stage.clients.push(w);
      await w.join(created.joinCode, { name, organisation: `Org ${name}`, country: 'BE' });
      writers.push(w);
    }
    const participant = await newPage(stage.browser, VIEWPORTS.phone);
    await joinInBrowser(participant, stage.server.url, created.joinCode, 'Persoon', 'Org');
    const projector = await newPage(stage.browser, VIEWPORTS.laptop);
    await projector.goto(created.facilitatorUrl.replace('/facilitate/', '/projector/'));
    await projector.getByTestId('projector-code').waitFor();
    const consolePage = await newPage(stage.browser, VIEWPORTS.laptop);
    await consolePage.goto(created.facilitatorUrl);
    await consolePage.getByTestId('join-code-display').waitFor();
    const pages = { participant, projector, console: consolePage };
    const checkAll = async (phase: string) => {
      for (const lang of LANGUAGES) {
        for (const [name, page] of Object.entries(pages)) {
          await page.locator('.lang-switch select').first().selectOption(lang);
          await page.locator(`html[lang="${lang}"]`).waitFor();
          await findings.check(page, `${name} ${phase} (${lang})`);
        }
      }
    };
    await checkAll('lobby');

    await ok(fac, 'groups.form', { mode: 'mixed', sizing: { by: 'count', count: 2 } });
    await ok(fac, 'round.start', { durationSeconds: 60 });
    const first = fac.view!.prompts[0].id;
    for (const w of writers) {
      await ok(w, 'answer.add', { promptId: first, text: 'Leden delen kennis en ervaring' });
      await ok(w, 'answer.add', { promptId: first, text: 'Kennis delen tussen leden' });
    }
    await ok(fac, 'broadcast.send', { message: 'Nog een minuut' });
    await participant.getByTestId('one-minute-warning').waitFor();
    await checkAll('breakout');
    await screenshot(participant, 'a11y-breakout-phone-da');
    await screenshot(consolePage, 'a11y-console-breakout-laptop-da');

    await endRound(fac);
    await expect.poll(() => fac.view?.synthesis?.prompts.length ?? 0).toBeGreaterThan(0);
    await ok(fac, 'synthesis.publish', { published: true });
    await ok(fac, 'votes.open', { votesPerParticipant: 2 });
    await participant.getByTestId('synthesis').waitFor();
    await projector.getByTestId('synthesis').waitFor();
    await checkAll('plenary');
    await screenshot(projector, 'a11y-projector-synthesis-laptop-da');

    await ok(fac, 'session.close');
    await participant.getByTestId('closed').waitFor();
    await projector.getByTestId('projector-closed').waitFor();
    await checkAll('closed');
    await screenshot(participant, 'a11y-closed-phone-da');

    expect(findings.failures).toEqual([]);
  });
});
