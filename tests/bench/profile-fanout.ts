// Profiles the server under a small fan-out: `node --import tsx tests/bench/profile-fanout.ts [participants] [answers]`.
// Starts the real server with --cpu-prof, writes answers from real clients, stops it with SIGTERM (so the
// profile is written) and prints where the server's CPU went, by function and by file.
import { readdir, readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSession, facilitatorClient, TestClient } from '../support/clients.js';
import { spawnServer } from '../support/server-process.js';
import { BENCH_SERVER_ENV } from './harness.js';

const participants = Number(process.argv[2] ?? 200);
const answers = Number(process.argv[3] ?? 3000);
const profDir = await mkdtemp(path.join(os.tmpdir(), 'plive-prof-'));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-prof-data-'));
const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' }, 20_000, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
const s = await createSession(server.url);
const fac = await facilitatorClient(server.url, s);
const clients: TestClient[] = [];
const tj = performance.now();
for (let i = 0; i < participants; i += 100) {
  clients.push(
    ...(await Promise.all(
      Array.from({ length: Math.min(100, participants - i) }, async (_, k) => {
        const c = await new TestClient(server.url).connected();
        await c.join(s.joinCode, { name: `P${i + k}`, organisation: `Org ${(i + k) % 17}` });
        return c;
      }),
    )),
  );
}
console.log(`${participants} joined in ${Math.round(performance.now() - tj)} ms`);
await fac.ok('groups.form', { mode: 'random', sizing: { by: 'size', size: 8 } });
await fac.ok('round.start', { durationSeconds: 3600 });
await new Promise((r) => setTimeout(r, 2000));
const promptId = fac.view!.prompts[0].id;
const t0 = performance.now();
for (let i = 0; i < answers; i += 20) {
  await Promise.all(clients.slice(0, 20).map((c, k) => c.command('answer.add', { promptId, text: `Answer ${i + k} about funding and visibility` })));
}
console.log(`${answers} answers in ${Math.round(performance.now() - t0)} ms`);
for (const c of clients) c.close();
fac.close();
await server.kill('SIGTERM');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(await readFile(path.join(profDir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
for (const n of prof.nodes) {
  const t = self.get(n.id) ?? 0;
  const f = n.callFrame.url.replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/\/work\/main\//, '');
  const key = `${n.callFrame.functionName || '(anon)'} ${f}:${n.callFrame.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  const fileKey = f.startsWith('nm/') ? f.split('/').slice(0, 2).join('/') : f || n.callFrame.functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + t);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');
console.log(`\nBy file/package:\n${top(byFile, 25)}`);
console.log(`\nBy function:\n${top(byFn, 40)}`);
