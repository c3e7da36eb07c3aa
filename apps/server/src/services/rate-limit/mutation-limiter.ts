import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimitRule {
  /** Calls allowed per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

export interface MutationLimiterOptions {
  perUser: RateLimitRule;
  perIp: RateLimitRule;
  /** Shares the counts between server instances; memory (one process) when unset. */
  redisUrl?: string | undefined;
  /** Keeps separate apps (and test runs) on one Redis apart. */
  keyPrefix?: string;
}

/** What a refused call may do next: wait this long. */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: "user" | "ip" };

/** Better Auth's rate-limit storage (`rateLimit.customStorage`): one request against a key and its rule. */
export interface AuthRateLimitStorage {
  consume(key: string, rule: { window: number; max: number }): Promise<{ allowed: boolean; retryAfter: number | null }>;
}

export interface MutationLimiter {
  readonly backend: "memory" | "redis";
  /** Counts one mutation against the caller's user (when signed in) and IP. */
  consume(caller: { userId: string | null; ip: string | null }): Promise<LimitVerdict>;
  /**
   * Better Auth's own limits (sign-in, sign-up…) on the same Redis, so every API instance counts
   * together; null without Redis, where Better Auth's memory storage does the same in one process.
   */
  authStorage(): AuthRateLimitStorage | null;
  close(): Promise<void>;
}

/** Sensible defaults: generous for people clicking, tight for a script hammering the API. */
export const defaultMutationLimits = { perUser: { points: 120, duration: 60 }, perIp: { points: 300, duration: 60 } } as const;

/**
 * Per-user and per-IP limits on tRPC mutations (rate-limiter-flexible), in memory or in Redis.
 * With Redis, an in-memory limiter stands in while Redis is unreachable, so an outage neither
 * blocks every write nor lifts the limits.
 */
export function createMutationLimiter(options: MutationLimiterOptions): MutationLimiter {
  const prefix = options.keyPrefix ?? "nexis:rl";
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  // ioredis reports connection errors as events; without a listener Node would crash on them.
  redis?.on("error", () => {});

  const limiter = (name: string, rule: RateLimitRule): RateLimiterAbstract => {
    const keyPrefix = `${prefix}:${name}`;
    const memory = new RateLimiterMemory({ ...rule, keyPrefix });
    return redis ? new RateLimiterRedis({ ...rule, keyPrefix, storeClient: redis, insuranceLimiter: memory }) : memory;
  };
  const perUser = limiter("user", options.perUser);
  const perIp = limiter("ip", options.perIp);

  async function take(scope: "user" | "ip", target: RateLimiterAbstract, key: string): Promise<LimitVerdict> {
    try {
      await target.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }

  // One limiter per rule Better Auth applies (its routes have different windows and maxima).
  const authLimiters = new Map<string, RateLimiterAbstract>();
  const authStorage: AuthRateLimitStorage = {
    async consume(key, rule) {
      const name = `auth:${rule.window}:${rule.max}`;
      const target = authLimiters.get(name) ?? limiter(name, { points: rule.max, duration: rule.window });
      authLimiters.set(name, target);
      const verdict = await take("ip", target, key);
      return verdict.allowed ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: verdict.retryAfterSeconds };
    },
  };

  return {
    backend: redis ? "redis" : "memory",
    authStorage: () => (redis ? authStorage : null),
    async consume({ userId, ip }) {
      if (ip) {
        const verdict = await take("ip", perIp, ip);
        if (!verdict.allowed) return verdict;
      }
      return userId ? take("user", perUser, userId) : { allowed: true };
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
