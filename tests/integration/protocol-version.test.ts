import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/socket-events.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { TestClient, createSession, eventually, facilitatorClient } from '../support/clients.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.cleanup();
});

/** Opens a raw socket with the given handshake auth; resolves with the refusal or 'connected'. */
async function handshake(auth?: Record<string, unknown>): Promise<{ connected: boolean; message?: string; data?: unknown; active?: boolean }> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, ...(auth ? { auth } : {}) });
  try {
    return await new Promise((resolve) => {
      socket.once('connect', () => resolve({ connected: true }));
      socket.once('connect_error', (err) =>
        resolve({ connected: false, message: err.message, data: (err as Error & { data?: unknown }).data, active: socket.active }),
      );
    });
  } finally {
    socket.close();
  }
}

describe('protocol version at the handshake', () => {
  it('refuses a page speaking another protocol, saying why and what to do', async () => {
    const other = PROTOCOL_VERSION + 1;
    const res = await handshake({ protocolVersion: other });
    expect(res.connected).toBe(false);
    expect(res.data).toEqual({
      code: 'protocol_mismatch',
      message: `This page is out of date: reload it (server speaks protocol ${PROTOCOL_VERSION}, page speaks ${other})`,
    });
    expect(res.message).toBe((res.data as { message: string }).message);
    // A middleware refusal is final: socket.io-client does not keep retrying it.
    expect(res.active).toBe(false);
  });

  it('refuses a page that sends no version, or one of the wrong kind', async () => {
    for (const auth of [undefined, {}, { protocolVersion: String(PROTOCOL_VERSION) }]) {
      const res = await handshake(auth);
      expect(res.connected, JSON.stringify(auth)).toBe(false);
      expect(res.data).toMatchObject({
        code: 'protocol_mismatch',
        message: expect.stringMatching(/^This page is out of date: reload it \(server speaks protocol \d+, page speaks none\)$/),
      });
    }
  });

  it('lets the current version in, and it works end to end', async () => {
    expect(await handshake({ protocolVersion: PROTOCOL_VERSION })).toEqual({ connected: true });
    const s = await createSession(server.url);
    const fac = await facilitatorClient(server.url, s);
    const p = await new TestClient(server.url).connected();
    await p.join(s.joinCode, { name: 'Ana' });
    await eventually(() => fac.view?.participants[p.participantId!]?.name === 'Ana', 5000, 'the facilitator to see the participant');
    for (const c of [fac, p]) c.close();
  });
});
