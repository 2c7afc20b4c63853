import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/schemas/primitives.js';
import { browserStage, chromiumMissing, VIEWPORTS } from './browser.js';
import { A11yFindings, newPage } from './room-support.js';

const missing = chromiumMissing();

/**
 * axe-core and a level-one heading on the pages outside a session, in each interface language (a longer word
 * can break a layout, a missing `lang` can fail a rule): home, the key reveal after creating, join, dashboard.
 * The session screens are in a11y-session.test.ts.
 */
describe.skipIf(missing)(`accessibility of the pages around sessions, in four languages${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  it('home, key reveal, join and dashboard in en, nl, fr and da', async () => {
    const findings = new A11yFindings();
    for (const lang of LANGUAGES) {
      const page = await newPage(stage.browser, lang === 'fr' || lang === 'da' ? VIEWPORTS.phone : VIEWPORTS.laptop, { chosen: lang });
      await page.goto(stage.server.url);
      await page.locator('h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The session's language follows the interface until the facilitator picks one.
      expect(await page.getByTestId('session-language').inputValue()).toBe(lang);
      await findings.check(page, `home (${lang})`);
      await page.locator('form').nth(1).locator('button[type="submit"]').click();
      await page.getByTestId('facilitator-url').waitFor();
      await findings.check(page, `key reveal (${lang})`);
      await page.goto(`${stage.server.url}/join/ABCDEFGH`);
      await page.getByTestId('join-code').waitFor();
      await findings.check(page, `join (${lang})`);
      await page.context().close();
    }

    const res = await fetch(`${stage.server.url}/api/programmes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Regional sessions', languages: ['nl'] }),
    });
    const programme = (await res.json()) as { programmeId: string; coordinatorKey: string; coordinatorUrl: string };
    await fetch(`${stage.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.coordinatorKey}` },
      body: JSON.stringify({ template: 'core-drives', programmeId: programme.programmeId, language: 'nl' }),
    });
    for (const lang of LANGUAGES) {
      const page = await newPage(stage.browser, VIEWPORTS.laptop, { chosen: lang });
      await page.goto(programme.coordinatorUrl);
      await page.getByRole('heading', { name: 'Regional sessions' }).waitFor();
      await findings.check(page, `dashboard (${lang})`);
      await page.context().close();
    }
    expect(findings.failures).toEqual([]);
  });
});
