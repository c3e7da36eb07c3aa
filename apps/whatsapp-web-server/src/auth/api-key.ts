import { createHash, timingSafeEqual } from "node:crypto";
import { Elysia } from "elysia";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** WAHA's answer to a missing or wrong key (NestJS's UnauthorizedException body). */
export const unauthorizedBody = { message: "Unauthorized", statusCode: 401 } as const;

function sha256(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * Compares a presented key with the expected one in constant time. Both sides are hashed first so
 * the buffers always have equal length and the comparison leaks neither content nor length.
 */
export function apiKeyMatches(presented: string | null, expectedHash: Buffer): boolean {
  if (!presented) return false;
  return timingSafeEqual(sha256(presented), expectedHash);
}

export type ApiKeyAuthOptions = {
  /** Wrong keys an address may send per window before it is refused for a while. Default 20. */
  maxFailures?: number;
  /** The window and the block, in seconds. Default 60. */
  windowSeconds?: number;
};

/**
 * Requires `X-Api-Key` on every `/api/*` request, as WAHA does. It runs before routing, so unknown
 * and not-yet-implemented `/api/*` paths are not revealed to callers without the key. `/ping`,
 * `/health` and `/ready` stay open for probes. An address that keeps sending wrong keys gets 429
 * for a while (even with the right key then), so the key cannot be guessed by brute force.
 * (Elysia runs `onRequest` hooks for the whole app, whichever instance registers them.)
 */
export function apiKeyAuth(apiKey: string, options: ApiKeyAuthOptions = {}) {
  const expectedHash = sha256(apiKey);
  const windowSeconds = options.windowSeconds ?? 60;
  const failures = new RateLimiterMemory({ points: options.maxFailures ?? 20, duration: windowSeconds, blockDuration: windowSeconds, keyPrefix: "api-key" });
  return new Elysia().onRequest(async ({ request, server, set }) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith("/api/")) return;
    // In-process requests (tests, embedding) have no socket address; they share one bucket.
    const address = server?.requestIP(request)?.address ?? "local";
    const blocked = await failures.get(address);
    if (blocked && blocked.remainingPoints <= 0 && blocked.msBeforeNext > 0) return tooManyFailures(set, blocked);
    if (apiKeyMatches(request.headers.get("x-api-key"), expectedHash)) return;
    try {
      await failures.consume(address);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return tooManyFailures(set, rejection);
      throw rejection;
    }
    set.status = 401;
    return unauthorizedBody;
  });
}

function tooManyFailures(set: { status?: number | string; headers: Record<string, string | number> }, state: RateLimiterRes) {
  const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  set.status = 429;
  set.headers["retry-after"] = String(retryAfter);
  return { message: `Too many requests with a wrong API key. Try again in ${retryAfter} s.`, statusCode: 429 };
}
