import { Router } from 'express';
import type { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CommandTimingSummary } from '../sessions/command-timings.js';
import { hasOperatorToken } from './operator.js';

export interface HealthDeps {
  operatorToken: string | null;
  /** A cheap read of the store: down when it fails or takes over 2 s. */
  probe: () => Promise<unknown>;
  loopDelay: ReturnType<typeof monitorEventLoopDelay>;
  load: () => { sessionsLoaded: number; sockets: number };
  /** Where committed commands' time went since the last reset. */
  timings: { summary: () => CommandTimingSummary; reset: () => void };
}

/**
 * `/healthz` says up (200) or down (503: the store cannot be read) and nothing else to anyone; how many sessions and sockets a node holds, and its memory and
 * event-loop delay, are the operator's (their token as Bearer): a stranger learns nothing about the rooms.
 */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const up = await Promise.race([
      deps.probe().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
    ]);
    if (!up) return void res.status(503).json({ ok: false, status: 'down' });
    if (!hasOperatorToken(req, deps.operatorToken)) return void res.json({ ok: true, status: 'up' });
    const mem = process.memoryUsage();
    res.json({
      ok: true,
      status: 'up',
      ...deps.load(),
      metrics: {
        rssMb: mem.rss / 2 ** 20,
        heapUsedMb: mem.heapUsed / 2 ** 20,
        eventLoopDelayP99Ms: deps.loopDelay.percentile(99) / 1e6,
        ...deps.timings.summary(),
      },
    });
  });
  router.post('/healthz/reset-metrics', (req, res) => {
    // Loopback only: the benchmark resets the delay and timing histograms between phases.
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? ''))
      return void res.status(403).json({ ok: false, error: { code: 'forbidden', message: 'loopback only' } });
    deps.loopDelay.reset();
    deps.timings.reset();
    res.json({ ok: true });
  });
  return router;
}
