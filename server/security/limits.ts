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

/** `prefix`: where the counts live in Redis (several deployments, or test runs, may share one Redis). */
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
  return {
    async take(name, key) {
      try {
        await limiters.get(name)!.consume(key, 1);
        return 0;
      } catch (err) {
        if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw err;
      }
    },
    async close() {},
  };
}
