import { TRPCError } from "@trpc/server";
import { t } from "../core.ts";
import { TypedCause } from "../errors.ts";

export interface RateLimitCause {
  code: "RATE_LIMIT";
  scope: "user" | "ip";
  retryAfterSeconds: number;
}

/**
 * Counts every mutation against the caller's user and IP (`services/rate-limit`); past the limit
 * it answers TOO_MANY_REQUESTS with when to retry. Queries are not counted: reading is cheap and
 * the inbox polls.
 */
export const limitMutations = t.middleware(async ({ ctx, type, next }) => {
  if (type !== "mutation" || !ctx.rateLimiter) return next();
  const verdict = await ctx.rateLimiter.consume({ userId: ctx.session?.user.id ?? null, ip: ctx.clientIp });
  if (!verdict.allowed) {
    const cause = new TypedCause<RateLimitCause>(
      { code: "RATE_LIMIT", scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
      "Too many changes",
    );
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `Too many changes at once; try again in ${verdict.retryAfterSeconds} s.`, cause });
  }
  return next();
});
