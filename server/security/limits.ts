import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Every rate limit except the per-socket one, keyed by who is acting (a participant, a facilitator key) or, for
 * failed look-ups, joins and new sessions, by address. With a Redis client the counts live in Redis and every node
 * shares them (rate-limiter-flexible's RateLimiterRedis, atomic increments); without one they live in this
 * process, which is right for a single node. Numbers and reasons: SECURITY.md, "Limits".
 */
export interface LimitSpec {
  /** How many in one window. */
  points: number;
  /** The window, in seconds. */
  seconds: number;
}

export const LIMIT_NAMES = ['writes', 'answers', 'attaches', 'failedLookups', 'joins', 'sessions', 'imports'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type LimitSpecs = Record<LimitName, LimitSpec>;

export const DEFAULT_LIMITS: LimitSpecs = {
  /** Every message a credential sends after attaching, over all its sockets: 30 a second on average. */
  writes: { points: 120, seconds: 4 },
  /**
   * New answers per credential: 30 in 10 s. A scribe pasting a list fits, a script does not; never fewer than the
   * earlier token bucket (20 at once, then 1 a second) allowed at any moment.
   */
  answers: { points: 30, seconds: 10 },
  /** Attaches per credential: reloading, reconnecting and a second device fit; a catch-up flood does not. */
  attaches: { points: 30, seconds: 60 },
  /** Failed look-ups (unknown join code, key or token) per address, counted only after a look-up failed. */
  failedLookups: { points: 30, seconds: 60 },
  /** New participants per address: a room of 300 behind one venue address, with room to spare. */
  joins: { points: 600, seconds: 600 },
  /** New sessions per address. */
  sessions: { points: 60, seconds: 3600 },
  /** Imports per address (they already need the operator token). */
  imports: { points: 60, seconds: 3600 },
};

export interface Limits {
  /** Takes one point; resolves to 0 when allowed, else the whole seconds to wait. */
  take(name: LimitName, key: string): Promise<number>;
  close(): Promise<void>;
}

/** The subset of a node-redis (v4+) client RateLimiterRedis uses; the app passes its own client. */
export type RedisLike = object;

/**
 * Where a deployment's counts live in Redis: under its stream's name, which already tells the deployments sharing
 * one Redis apart (REDIS_STREAM). Two deployments with one prefix would limit each other's people (and a benchmark
 * joining a thousand people from one address would refuse a later test run its first join for ten minutes).
 */
export function limitsKeyPrefixFor(stream = 'socket.io'): string {
  return `plive:${stream}`;
}

/** `prefix`: where the counts live in Redis (limitsKeyPrefixFor). */
export function createLimits(specs: Partial<LimitSpecs> = {}, redis: RedisLike | null = null, prefix = 'plive'): Limits {
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of LIMIT_NAMES) {
    const { points, seconds } = specs[name] ?? DEFAULT_LIMITS[name];
    const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: `${prefix}:${name}` });
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            // node-redis v4 and later (this project uses v5+): its command API differs from ioredis.
            useRedisPackage: true,
            points,
            duration: seconds,
            keyPrefix: `${prefix}:${name}`,
            // Redis unreachable: each node counts on its own meanwhile rather than refusing everyone.
            insuranceLimiter: memory,
            rejectIfRedisNotReady: true,
          })
        : memory,
    );
  }
  const budgets = redis ? new SharedBudgets() : null;
  return {
    async take(name, key) {
      const limiter = limiters.get(name)!;
      if (!budgets || !PER_MESSAGE.has(name)) return consume(limiter, key);
      // Per message, a Redis round trip is a wait on every answer (p95 270 ms on two busy nodes). While what this
      // node last learnt of the shared count leaves a margin, it answers at once and takes the shared count
      // alongside; near the budget it waits for Redis, so the budget is kept exactly across nodes.
      const id = `${name}:${key}`;
      const alone = budgets.mayAnswerAlone(id, (specs[name] ?? DEFAULT_LIMITS[name]).points);
      const verdict = budgets.track(id, limiter.consume(key, 1));
      if (!alone) return verdict;
      verdict.catch(() => undefined);
      return 0;
    },
    async close() {},
  };
}

/** Limits taken on every message: the ones a round trip per message would slow down. */
const PER_MESSAGE: ReadonlySet<LimitName> = new Set(['writes', 'answers']);
/**
 * Points left in reserve before a node stops answering alone: messages other nodes take between two of this
 * node's answers from Redis, which its last reading does not know about yet.
 */
export const SHARED_MARGIN = 3;

async function consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1);
    return 0;
  } catch (err) {
    return waitOf(err);
  }
}

function waitOf(err: unknown): number {
  if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
  throw err;
}

/** What this node last learnt from Redis of each key's shared count, and how many of its takes are on their way. */
export class SharedBudgets {
  private known = new Map<string, { remaining: number; resetAt: number; inFlight: number }>();

  mayAnswerAlone(id: string, points: number): boolean {
    const k = this.known.get(id);
    if (!k) return false;
    // A fixed window: once it is over, the whole budget is back.
    const remaining = Date.now() >= k.resetAt ? points : k.remaining;
    return remaining - k.inFlight > SHARED_MARGIN;
  }

  /** Follows one take from Redis; resolves to 0 when allowed, else the whole seconds to wait. */
  async track(id: string, take: Promise<RateLimiterRes>): Promise<number> {
    const k = this.known.get(id) ?? { remaining: 0, resetAt: 0, inFlight: 0 };
    if (!this.known.has(id)) this.forgetExpired().known.set(id, k);
    k.inFlight += 1;
    try {
      this.learn(k, await take);
      return 0;
    } catch (err) {
      if (err instanceof RateLimiterRes) this.learn(k, err);
      return waitOf(err);
    } finally {
      k.inFlight -= 1;
    }
  }

  private learn(k: { remaining: number; resetAt: number }, res: RateLimiterRes): void {
    k.remaining = res.remainingPoints;
    k.resetAt = Date.now() + res.msBeforeNext;
  }

  /** Keeps the map to the keys in use: drops the expired ones now and then (amortised over new keys). */
  private forgetExpired(): this {
    if (this.known.size < 10_000 || this.known.size % 1000 !== 0) return this;
    const now = Date.now();
    for (const [id, k] of this.known) if (k.resetAt < now && k.inFlight === 0) this.known.delete(id);
    return this;
  }
}
