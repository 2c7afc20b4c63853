import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * `npm test` runs `npm run bench -- --quick` once, after every other project (its own group), so the harness
 * never rots: every scenario must run to the end and keep its hard guarantees. Speed itself is judged in
 * BENCHMARKS.md from a full run, not here: a timed assertion on a shared 2-core machine would only be noise.
 */
const run = promisify(execFile);

interface BenchJson {
  fanout: { participants: number; p95Ms: number; floorP95Ms: number; ratioP95: number; deliveryRatio: number };
  joinStorm: { participants: number; seconds: number; failures: number };
  restart: { participants: number; answers: number; seconds: number; lostAnswers: number };
  bigSession: { participants: number; answers: number; deliveryRatio: number; regroupSeconds: number; applyCost: { answers: number; serverMicros: number }[] };
  memory: { participants: number; rssMb: number; kbPerParticipant: number }[];
  writes: { answersPerSecond: number };
  synthesis: { answers: number; ms: number }[];
  twoNodes: { deliveryRatio: number } | null;
  synthesisUnderLoad: { answers: number; synthesisMs: number; acksDuring: number; loopP99DuringMs: number; fanOutP95BeforeMs: number };
}

describe('npm run bench -- --quick', () => {
  it('runs every scenario and keeps delivery complete, joins without failure and nothing lost', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', '--quick', '--json'], { maxBuffer: 10_000_000, timeout: 170_000 });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as BenchJson;

    expect(result.fanout.participants).toBe(200);
    expect(result.fanout.deliveryRatio).toBe(1);
    expect(result.fanout.p95Ms).toBeGreaterThan(0);
    expect(result.fanout.ratioP95).toBeCloseTo(result.fanout.p95Ms / result.fanout.floorP95Ms, 5);
    expect(result.joinStorm).toMatchObject({ participants: 200, failures: 0 });
    expect(result.restart).toMatchObject({ participants: 200, lostAnswers: 0 });
    expect(result.restart.answers).toBeGreaterThanOrEqual(1000);
    expect(result.bigSession).toMatchObject({ participants: 300, deliveryRatio: 1 });
    expect(result.bigSession.answers).toBeGreaterThan(0);
    expect(result.bigSession.regroupSeconds).toBeGreaterThan(0);
    expect(result.bigSession.applyCost.map((c) => c.answers)).toEqual([1000, 50000]);
    expect(result.memory.map((m) => m.participants)).toEqual([200, 500]);
    expect(result.writes.answersPerSecond).toBeGreaterThan(0);
    expect(result.synthesis.map((s) => s.answers)).toEqual([1000, 10000]);
    expect(result.synthesisUnderLoad).toMatchObject({ answers: 2000 });
    expect(result.synthesisUnderLoad.acksDuring).toBeGreaterThan(0);
    // The other room's answers reached their group-mates, and were timed.
    expect(result.synthesisUnderLoad.fanOutP95BeforeMs).toBeGreaterThan(0);
    expect(result.synthesisUnderLoad.loopP99DuringMs).toBeGreaterThan(0);
    if (process.env.DATABASE_URL && process.env.REDIS_URL) expect(result.twoNodes?.deliveryRatio).toBe(1);
  }, 180_000);
});
