import { describe, expect, it } from 'vitest';
import { createSession } from '../support/clients.js';
import { browserStage, chromiumMissing, VIEWPORTS } from './browser.js';
import { facilitatorClient, joinInBrowser, newPage, ok } from './room-support.js';

const missing = chromiumMissing();

/**
 * Joining takes one connection and one round trip: the join's socket is attached by the join itself and the
 * session's page takes it over (client/join-handoff.ts). It opened a second socket and attached again before.
 */
describe.skipIf(missing)(`a person joining from a phone${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const stage = browserStage();

  it('opens one connection, and the session reaches the page through it', async () => {
    const created = await createSession(stage.server.url);
    const fac = await facilitatorClient(stage.server.url, created.sessionId, created.facilitatorKey);
    stage.clients.push(fac);
    const page = await newPage(stage.browser, VIEWPORTS.phone);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await joinInBrowser(page, stage.server.url, created.joinCode, 'Ana');
    // What the facilitator does next arrives live on that one socket.
    await ok(fac, 'groups.form', { mode: 'random', sizing: { by: 'count', count: 1 } });
    await ok(fac, 'round.start', { durationSeconds: 600 });
    await page.getByTestId('group-work').waitFor();
    expect(sockets).toHaveLength(1);
  });
});
