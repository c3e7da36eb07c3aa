import type { MiddlewareHandler } from "hono";

/**
 * `Strict-Transport-Security` only when the request came over TLS (directly, or through a trusted
 * proxy's `X-Forwarded-Proto`): over plain HTTP the header means nothing, and a local install that
 * sent it to `localhost` would lock browsers out of other plain-HTTP apps on that host.
 */
export function hstsBehindTls(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const forwarded = trustProxy ? c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
    const secure = (forwarded ?? new URL(c.req.url).protocol.replace(":", "")) === "https";
    if (secure) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}
