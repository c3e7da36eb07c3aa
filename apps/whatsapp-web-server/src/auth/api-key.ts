import { createHash, timingSafeEqual } from "node:crypto";
import { Elysia } from "elysia";

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

/**
 * Requires `X-Api-Key` on every `/api/*` request, as WAHA does. It runs before routing, so unknown
 * and not-yet-implemented `/api/*` paths are not revealed to callers without the key. `/ping` and
 * `/health` stay open for probes. (Elysia runs `onRequest` hooks for the whole app, whichever
 * instance registers them.)
 */
export function apiKeyAuth(apiKey: string) {
  const expectedHash = sha256(apiKey);
  return new Elysia().onRequest(({ request, set }) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith("/api/")) return;
    if (apiKeyMatches(request.headers.get("x-api-key"), expectedHash)) return;
    set.status = 401;
    return unauthorizedBody;
  });
}
