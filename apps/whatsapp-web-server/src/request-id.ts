import { enterRequestId, type Logger, requestIdFrom, requestIdHeader } from "@nexis/observability";
import { Elysia } from "elysia";

/**
 * Gives every request an id (the caller's `X-Request-Id` when well formed): it is on every log
 * line written while serving it, on the response, and on the webhooks the request causes, so one
 * id follows a send from the API server through this service and back. Each request ends with
 * one debug line: method, route template (never the raw path or the body), status and duration.
 */
export function requestIds(logger: Logger) {
  const startedAt = new WeakMap<Request, number>();
  return new Elysia({ name: "request-ids" })
    .onRequest(({ request, set }) => {
      const requestId = requestIdFrom(request.headers.get(requestIdHeader));
      enterRequestId(requestId);
      set.headers[requestIdHeader] = requestId;
      startedAt.set(request, performance.now());
    })
    .onAfterResponse({ as: "global" }, ({ request, route, set }) => {
      const started = startedAt.get(request);
      const ms = started === undefined ? null : Math.round((performance.now() - started) * 10) / 10;
      logger.debug("request", { method: request.method, route: route || "unmatched", status: set.status ?? 200, ms });
    });
}
