// The facilitator's console in a real Chromium under a room's load (issue 15): 50 groups, 200 participants and
// 1,000 answers on screen while 200 more arrive in 5 s. Measured: when each new answer appears in the console's DOM,
// against when the server acknowledged it (p95 target ≤ 1 s), and the page's long tasks (target: none over 200 ms).
import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Ack } from '../../shared/protocol/acks.js';
import type { EventEnvelope } from '../../shared/protocol/events.js';
import { DomainHarness, FAC } from '../unit/domain/harness.js';
import { type CreatedSession, TestClient } from '../support/clients.js';
import { answerTexts } from '../support/big-session.js';
import { spawnServer } from '../support/server-process.js';
import { chromiumMissing, launch } from '../e2e/browser.js';
import { BENCH_OPERATOR_TOKEN, BENCH_SERVER_ENV } from './harness.js';
import { now, summary } from './stats.js';

export interface ConsoleBrowserSizes {
  groups: number;
  participants: number;
  answers: number;
  /** Answers written while the console is measured, evenly over `seconds`. */
  burst: number;
  seconds: number;
}

export const CONSOLE_BROWSER_SIZES: ConsoleBrowserSizes = { groups: 50, participants: 200, answers: 1000, burst: 200, seconds: 5 };

export interface ConsoleBrowserResult {
  sizes: ConsoleBrowserSizes;
  /** Answer on screen minus its ack at the writer, ms. */
  visible: ReturnType<typeof summary>;
  seen: number;
  longTasks: { count: number; maxMs: number; over200: number };
  /** How long the console took to show every card with its answers after opening. */
  firstRenderMs: number;
  skipped?: string;
}

/** Runs in the page before its own scripts: records long tasks, and when each marked answer enters the DOM. */
const WATCH = `
  window.__long = [];
  window.__seen = {};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const scan = (text) => {
    if (!text) return;
    const t = performance.timeOrigin + performance.now();
    for (const m of text.matchAll(/c\\|(\\d+)\\|/g)) if (!(m[1] in window.__seen)) window.__seen[m[1]] = t;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') scan(r.target.textContent);
      for (const n of r.addedNodes) scan(n.textContent);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** One writer per group, joining for real (each has its own credential, and so its own answer rate limit). */
const writersOf = (sizes: ConsoleBrowserSizes) => sizes.groups;

/**
 * The room, imported in one request (building it over sockets would take minutes); the round runs for an hour. The
 * writers are not in it: they join afterwards, and each lands in the smallest group.
 */
async function importRoom(url: string, sizes: ConsoleBrowserSizes): Promise<CreatedSession> {
  const h = new DomainHarness();
  h.now = Date.now();
  for (let i = 0; i < sizes.participants - writersOf(sizes); i++) h.join(`p${i}`, `Organisation ${i % 9}`, `Country ${i % 12}`);
  h.run(FAC, { type: 'groups.form', mode: 'mixed', sizing: { by: 'count', count: sizes.groups } });
  h.run(FAC, { type: 'round.start', durationSeconds: 3600 });
  const groupIds = h.state.groupOrder;
  const texts = answerTexts(sizes.answers, 7);
  const answers: EventEnvelope[] = texts.map((text, i) => {
    const group = h.state.groups[groupIds[i % groupIds.length]];
    const authorId = group.memberIds[i % group.memberIds.length];
    return {
      seq: h.state.seq + 1 + i,
      at: h.now,
      event: {
        type: 'answer.added',
        answer: { id: `ans${i}`, promptId: `p${(i % 3) + 1}`, groupId: group.id, authorId, text, round: 1, createdAt: h.now + i, updatedAt: h.now + i },
      },
    };
  });
  const body = {
    schemaVersion: 1,
    kind: 'session',
    sessionId: 'import',
    createdAt: h.now,
    events: [...h.log, ...answers].map((e) => ({ seq: e.seq, at: e.at, type: e.event.type, data: e.event })),
  };
  const res = await fetch(`${url}/api/sessions/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_OPERATOR_TOKEN}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

/** Participants who join the running round and write; each lands in the smallest group, so one per group. */
async function writers(url: string, s: CreatedSession, n: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const c = await new TestClient(url).connected();
    await c.join(s.joinCode, { name: `Writer ${i}`, organisation: `Organisation ${i % 9}`, country: `Country ${i % 12}` });
    clients.push(c);
  }
  return clients;
}

export async function consoleBrowser(sizes: ConsoleBrowserSizes = CONSOLE_BROWSER_SIZES): Promise<ConsoleBrowserResult> {
  const empty = { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const missing = chromiumMissing();
  if (missing) return { sizes, visible: empty, seen: 0, longTasks: { count: 0, maxMs: NaN, over200: 0 }, firstRenderMs: NaN, skipped: missing };
  // The console as it is now, in the production build `npm start` serves.
  execSync('npx vite build --logLevel error', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plive-bench-console-'));
  const server = await spawnServer({ ...BENCH_SERVER_ENV, DATA_DIR: dataDir, PORT: '0' });
  const browser = await launch();
  try {
    const s = await importRoom(server.url, sizes);
    const writing = await writers(server.url, s, writersOf(sizes));
    const promptIds = writing[0].view!.prompts.map((p) => p.id);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    // (A string, not a function: the TypeScript loader may rewrite a function's syntax with helpers the page lacks.)
    await page.addInitScript(WATCH);
    const opened = now();
    await page.goto(s.facilitatorUrl);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=group-card]').length === n, sizes.groups, { timeout: 60_000 });
    const firstRenderMs = now() - opened;
    await page.waitForTimeout(1000);
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));

    const acked = new Map<number, number>();
    const refusals: string[] = [];
    const gap = (sizes.seconds * 1000) / sizes.burst;
    const started = now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < sizes.burst; i++) {
      const wait = started + i * gap - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const by = writing[i % writing.length];
      sends.push(
        by.command('answer.add', { promptId: promptIds[i % promptIds.length], text: `c|${i}| ${answerTexts(1, i + 11)[0]}` }).then((a: Ack) => {
          if (a.ok) acked.set(i, now());
          else refusals.push(a.error.message);
        }),
      );
    }
    await Promise.all(sends);
    // Everything acknowledged: give the console up to 10 s more to show the last of it.
    await page
      .waitForFunction((n) => Object.keys((window as unknown as { __seen: Record<string, number> }).__seen).length >= n, acked.size, { timeout: 10_000 })
      .catch(() => undefined);
    const { seen, long } = await page.evaluate(() => {
      const win = window as unknown as { __long: number[]; __seen: Record<string, number> };
      return { seen: win.__seen, long: win.__long };
    });
    for (const c of writing) c.close();
    if (refusals.length) throw new Error(`${refusals.length} answers refused, e.g. ${refusals[0]}`);
    const latencies = [...acked].filter(([i]) => seen[i] !== undefined).map(([i, at]) => Math.max(0, seen[i] - at));
    return {
      sizes,
      visible: summary(latencies),
      seen: latencies.length,
      longTasks: { count: long.length, maxMs: long.length ? Math.max(...long) : 0, over200: long.filter((d) => d > 200).length },
      firstRenderMs,
    };
  } finally {
    await browser.close();
    await server.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}
