// A facilitator in a process of its own, as a facilitator's browser is: it sends `synthesis.run` when the
// benchmark asks (over IPC) and receives the drafts. Parsing a 10,000-answer draft (0.3 MB of JSON) in the
// benchmark's own process would stall the process that times the other room's answers, and charge the server
// for the harness. Usage: fork with argv [url, sessionId, facilitatorKey]; messages { type: 'run', opId,
// threshold? } are answered { type: 'ran', ms } or { type: 'failed', error }.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { handshakeAuth } from '../../shared/protocol/socket-events.js';

const [url, sessionId, key] = process.argv.slice(2);
const socket = io(url, { transports: ['websocket'], forceNew: true, auth: handshakeAuth() });
const send = (msg: Record<string, unknown>) => process.send!(msg);

socket.once('connect', async () => {
  const attached = (await socket.timeout(30_000).emitWithAck('attach', { sessionId, credential: { kind: 'facilitator', key } })) as { ok: boolean };
  send(attached.ok ? { type: 'ready' } : { type: 'failed', error: JSON.stringify(attached) });
});

process.on('message', async (msg: { type: string; opId: string; threshold?: number }) => {
  if (msg.type === 'stop') {
    socket.close();
    process.exit(0);
  }
  if (msg.type !== 'run') return;
  const t0 = performance.now();
  const ack = (await socket.timeout(180_000).emitWithAck('command', { type: 'synthesis.run', opId: msg.opId, threshold: msg.threshold })) as { ok: boolean };
  send(ack.ok ? { type: 'ran', ms: performance.now() - t0 } : { type: 'failed', error: JSON.stringify(ack) });
});
