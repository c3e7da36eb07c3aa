import type { MiddlewareHandler } from "hono";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses cross-site requests that ride on the session cookie (CSRF). CORS alone does not stop a
 * "simple" request (a form post, or `text/plain` fetch) from reaching a mutation, so an unsafe
 * request that carries a cookie must come from an allowed origin: its `Origin` is on the list, or,
 * without `Origin`, the browser's `Sec-Fetch-Site` says it is not cross-site. Requests without a
 * cookie (bearer tokens, the WhatsApp service, payment webhooks) cannot be forged this way and pass.
 */
export function csrfProtection(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method) || !c.req.header("cookie")) return next();
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const trusted = origin !== undefined ? allowed.has(origin) : fetchSite === undefined || fetchSite !== "cross-site";
    if (!trusted) {
      return c.json({ error: "Cross-site request refused: this action must come from the NexisChat app itself.", code: "CSRF" }, 403);
    }
    return next();
  };
}
