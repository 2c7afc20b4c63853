// `npm run bench` (full, under 10 minutes on 2 cores) or `npm run bench -- --quick` (every scenario, small, under a minute).
// `--json` ends the output with one line of JSON. Results in BENCHMARKS.md come from this command.
import os from 'node:os';
import { Workers } from './harness.js';
import { durableWrites, fanOut, floorFanOut, floorJoinStorm, joinStorm, memory, synthesisTimes, twoNodeFanOut, type Sizes } from './scenarios.js';
import { round } from './stats.js';
import { synthesisUnderLoad } from './synthesis-under-load.js';
import { consoleBrowser } from './console-browser.js';
import { applyCost, bigSession } from './big-session.js';
import { checkpointCost } from './checkpoint-cost.js';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const sizes: Sizes = quick
  ? {
      participants: 200,
      ratePerSecond: 50,
      seconds: 5,
      memory: [200, 500],
      writes: 3000,
      synthesis: [1000, 10000],
      synthesisUnderLoad: 2000,
      restartAnswers: 1000,
    }
  : {
      participants: 1000,
      ratePerSecond: 100,
      seconds: 30,
      memory: [1000, 5000],
      writes: 20000,
      synthesis: [1000, 10000],
      synthesisUnderLoad: 10000,
      restartAnswers: 20000,
    };
const big = quick ? { participants: 300, answers: 1500, seconds: 5 } : { participants: 5000, answers: 50000, seconds: 100 };

const log = (...a: unknown[]) => console.log(...a);

async function main() {
  const started = Date.now();
  log(`# Benchmark (${quick ? 'quick' : 'full'}) on ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);
  const workers = await Workers.start(3);
  try {
    log('\n## Fan-out and restart storm (our server), then the bare Socket.IO floor with the same clients and rate');
    const { result: ours, restart } = await fanOut(workers, sizes);
    const floor = await floorFanOut(workers, sizes);
    log(`participants ${ours.participants}, ${sizes.ratePerSecond} answers/s for ${sizes.seconds} s`);
    log(
      `ours : p50 ${round(ours.latency.p50)} ms  p95 ${round(ours.latency.p95)} ms  p99 ${round(ours.latency.p99)} ms  max ${round(ours.latency.max)} ms  delivery ${round(ours.deliveryRatio * 100, 2)}%  acked ${round(ours.ackedPerSecond)}/s  server CPU ${round(ours.serverCpu * 100)}%  server loop p99 ${round(ours.serverLoopP99Ms)} ms  generator loop p99 ${round(ours.generatorLoopP99Ms)} ms`,
    );
    log(
      `floor: p50 ${round(floor.latency.p50)} ms  p95 ${round(floor.latency.p95)} ms  p99 ${round(floor.latency.p99)} ms  max ${round(floor.latency.max)} ms  delivery ${round(floor.deliveryRatio * 100, 2)}%  server CPU ${round(floor.serverCpu * 100)}%  generator loop p99 ${round(floor.generatorLoopP99Ms)} ms`,
    );
    log(`ratio p95 ours/floor: ${round(ours.latency.p95 / floor.latency.p95, 2)}`);
    log(
      `inside our server, per answer (${ours.server.commands} commands): decided to broadcast p50 ${round(ours.server.commandMsP50, 2)} ms  p95 ${round(ours.server.commandMsP95, 2)} ms, of which the durable commit p50 ${round(ours.server.commitMsP50, 2)} ms  p95 ${round(ours.server.commitMsP95, 2)} ms`,
    );
    log(
      `restart (SIGKILL mid-round, ${restart.answers} answers in the session): all ${restart.participants} caught up in ${round(restart.seconds, 2)} s, /healthz first answered ${round(restart.healthzFirstAnswerMs)} ms after the kill (a new process), server ready after ${round(restart.readyAfterMs)} ms, /healthz up (200) after ${round(restart.healthyAfterMs)} ms, acknowledged answers lost: ${restart.lostAnswers} of ${restart.ackedBefore}`,
    );

    let twoNodes: Awaited<ReturnType<typeof twoNodeFanOut>> | null = null;
    if (process.env.DATABASE_URL && process.env.REDIS_URL) {
      log('\n## Fan-out over two nodes (Postgres + Redis), same clients and rate');
      twoNodes = await twoNodeFanOut(workers, sizes, process.env.DATABASE_URL, process.env.REDIS_URL);
      log(
        `two nodes: p50 ${round(twoNodes.latency.p50)} ms  p95 ${round(twoNodes.latency.p95)} ms  p99 ${round(twoNodes.latency.p99)} ms  max ${round(twoNodes.latency.max)} ms  delivery ${round(twoNodes.deliveryRatio * 100, 2)}%  acked ${round(twoNodes.ackedPerSecond)}/s  servers' CPU ${round(twoNodes.serverCpu * 100)}%`,
      );
    } else log('\n(two-node fan-out skipped: set DATABASE_URL and REDIS_URL to run it)');

    log(`\n## Big session: ${big.participants} participants in groups of 8, ${big.answers} answers over ${big.seconds} s, then a regrouping of everyone`);
    const bigRun = await bigSession(workers, big);
    log(
      `joined in ${round(bigRun.joinSeconds, 1)} s; ${bigRun.answers} answers acked of ${bigRun.sent}; fan-out p50 ${round(bigRun.latency.p50)} ms  p95 ${round(bigRun.latency.p95)} ms  p99 ${round(bigRun.latency.p99)} ms  max ${round(bigRun.latency.max)} ms  delivery ${round(bigRun.deliveryRatio * 100, 2)}%`,
    );
    if (bigRun.answers < bigRun.sent) log(`  refused: ${JSON.stringify(bigRun.refused)}`);
    log(
      bigRun.regroupError
        ? `regrouping of ${bigRun.participants}: not measured (${bigRun.regroupError})`
        : `regrouping of ${bigRun.participants}: every client had its new group ${round(bigRun.regroupSeconds, 2)} s after the command`,
    );
    const cost = applyCost([1000, 50000]);
    for (const c of cost)
      log(
        `applying one answer at ${c.answers} answers: server (in place) ${round(c.serverMicros, 2)} µs, pure reducer (a browser's copy) ${round(c.pureMicros, 1)} µs`,
      );
    const checkpoints = await checkpointCost([20000, 50000]);
    for (const c of checkpoints)
      log(
        `a checkpoint at ${c.answers} answers: the next answer after handing the state out ${round(c.afterReleaseMs, 2)} ms; with the frozen copy, longest turn ${round(c.longestTurnMs, 2)} ms, the next answer ${round(c.afterCopyMs, 3)} ms`,
      );

    log('\n## Join storm');
    const storm = await joinStorm(workers, sizes.participants);
    const floorStorm = await floorJoinStorm(workers, sizes.participants);
    log(`ours : ${storm.participants} joined in ${round(storm.seconds, 2)} s, failures ${storm.failures}`);
    log(
      `floor: ${storm.participants} connected in ${round(floorStorm.seconds, 2)} s, failures ${floorStorm.failures}  (ratio ${round(storm.seconds / floorStorm.seconds, 2)})`,
    );
    workers.close();

    log('\n## Memory');
    const mem = await memory(sizes.memory);
    for (const m of mem)
      log(`${m.participants} participants: RSS ${round(m.rssMb)} MB, heap ${round(m.heapMb)} MB, ${round(m.kbPerParticipant)} KB per participant`);

    log('\n## Durable writes (SQLite, group commit, synchronous=FULL)');
    const writes = await durableWrites(sizes.writes);
    log(`${writes.answers} answers: ${round(writes.answersPerSecond)} answers/s, each acknowledged after commit`);

    log('\n## Synthesis (fresh process, median of 3)');
    const synth = await synthesisTimes(sizes.synthesis);
    for (const x of synth) log(`${x.answers} answers: ${round(x.ms)} ms`);

    log('\n## Synthesis under load (a big session synthesised on the server while another room writes)');
    const underLoad = await synthesisUnderLoad(sizes.synthesisUnderLoad);
    const acks = (a: typeof underLoad.acksBefore) => `acks p50 ${round(a.p50)} ms  p95 ${round(a.p95)} ms  p99 ${round(a.p99)} ms (n ${a.n})`;
    log(`${underLoad.answers} answers synthesised ${underLoad.runs} times in a row, ${round(underLoad.synthesisMs)} ms each (median) on the server`);
    const fan = (a: typeof underLoad.acksBefore) => `fan-out p50 ${round(a.p50)} ms  p95 ${round(a.p95)} ms (n ${a.n})`;
    log(`other room alone : ${acks(underLoad.acksBefore)}  ${fan(underLoad.fanOutBefore)}  server loop p99 ${round(underLoad.loopP99BeforeMs)} ms`);
    log(
      `during the runs  : ${acks(underLoad.acksDuring)}  ${fan(underLoad.fanOutDuring)}  server loop p99 ${round(underLoad.loopP99DuringMs)} ms  (p95 ratios: acks ${round(underLoad.acksDuring.p95 / underLoad.acksBefore.p95, 2)}, fan-out ${round(underLoad.fanOutDuring.p95 / underLoad.fanOutBefore.p95, 2)})`,
    );

    log('\n## The facilitator console in Chromium (50 groups, 200 participants, 1,000 answers; 200 more in 5 s)');
    const console_ = await consoleBrowser();
    if (console_.skipped) log(`skipped: ${console_.skipped}`);
    else
      log(
        `answer on screen after its ack: p50 ${round(console_.visible.p50)} ms  p95 ${round(console_.visible.p95)} ms  max ${round(console_.visible.max)} ms (${console_.seen} of ${console_.sizes.burst} seen)  longest task ${round(console_.longTasks.maxMs)} ms (${console_.longTasks.over200} over 200 ms)  first render ${round(console_.firstRenderMs)} ms`,
      );

    log(`\nTotal ${round((Date.now() - started) / 1000)} s`);
    if (json) {
      log(
        JSON.stringify({
          twoNodes: twoNodes && {
            participants: twoNodes.participants,
            p50Ms: twoNodes.latency.p50,
            p95Ms: twoNodes.latency.p95,
            deliveryRatio: twoNodes.deliveryRatio,
          },
          fanout: {
            participants: ours.participants,
            p50Ms: ours.latency.p50,
            p95Ms: ours.latency.p95,
            p99Ms: ours.latency.p99,
            floorP95Ms: floor.latency.p95,
            ratioP95: ours.latency.p95 / floor.latency.p95,
            deliveryRatio: ours.deliveryRatio,
            server: ours.server,
          },
          joinStorm: { participants: storm.participants, seconds: storm.seconds, failures: storm.failures, floorSeconds: floorStorm.seconds },
          restart: {
            participants: restart.participants,
            answers: restart.answers,
            seconds: restart.seconds,
            readyAfterMs: restart.readyAfterMs,
            healthzFirstAnswerMs: restart.healthzFirstAnswerMs,
            healthyAfterMs: restart.healthyAfterMs,
            lostAnswers: restart.lostAnswers,
          },
          bigSession: {
            participants: bigRun.participants,
            answers: bigRun.answers,
            p95Ms: bigRun.latency.p95,
            deliveryRatio: bigRun.deliveryRatio,
            regroupSeconds: bigRun.regroupSeconds,
            applyCost: cost,
            checkpoints,
          },
          memory: mem.map((m) => ({ participants: m.participants, rssMb: m.rssMb, kbPerParticipant: m.kbPerParticipant })),
          writes: { answersPerSecond: writes.answersPerSecond },
          synthesis: synth,
          consoleBrowser: {
            p95Ms: console_.visible.p95,
            seen: console_.seen,
            longestTaskMs: console_.longTasks.maxMs,
            tasksOver200: console_.longTasks.over200,
            skipped: console_.skipped,
          },
          synthesisUnderLoad: {
            answers: underLoad.answers,
            synthesisMs: underLoad.synthesisMs,
            ackP95BeforeMs: underLoad.acksBefore.p95,
            ackP95DuringMs: underLoad.acksDuring.p95,
            acksDuring: underLoad.acksDuring.n,
            fanOutP95BeforeMs: underLoad.fanOutBefore.p95,
            fanOutP95DuringMs: underLoad.fanOutDuring.p95,
            loopP99BeforeMs: underLoad.loopP99BeforeMs,
            loopP99DuringMs: underLoad.loopP99DuringMs,
          },
        }),
      );
    }
    const consoleMissed = !console_.skipped && (console_.seen < console_.sizes.burst || console_.visible.p95 > 1000 || console_.longTasks.over200 > 0);
    const failed =
      ours.deliveryRatio < 1 || restart.lostAnswers > 0 || storm.failures > 0 || bigRun.deliveryRatio < 1 || bigRun.regroupError !== null || consoleMissed;
    process.exitCode = failed ? 1 : 0;
  } catch (err) {
    workers.close();
    throw err;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
