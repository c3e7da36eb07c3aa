import { Elysia } from "elysia";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { SessionManager } from "../sessions/session-manager.ts";
import { sessionStatuses } from "../waha/types.ts";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher.ts";

/**
 * The service's Prometheus metrics: sessions by status and pending webhooks are read at scrape
 * time (nothing to keep in step), webhook attempts and HTTP latency are counted as they happen.
 */
export function createMetrics(options: { sessions: SessionManager; webhooks: WebhookDispatcher }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "whatsapp_" });

  new Gauge({
    name: "whatsapp_sessions",
    help: "Sessions by status (STOPPED included).",
    labelNames: ["status"],
    registers: [registry],
    collect() {
      const counts = new Map<string, number>(sessionStatuses.map((status) => [status, 0]));
      for (const session of options.sessions.list(true)) counts.set(session.status, (counts.get(session.status) ?? 0) + 1);
      for (const [status, count] of counts) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "whatsapp_webhook_pending",
    help: "Webhook deliveries waiting in the outbox.",
    registers: [registry],
    collect() {
      this.set(options.webhooks.pending());
    },
  });
  const attempts = new Counter({
    name: "whatsapp_webhook_attempts_total",
    help: "Webhook delivery attempts by outcome (delivered, failed and retried, dropped after the last retry).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  for (const outcome of ["delivered", "failed", "dropped"]) attempts.inc({ outcome }, 0);
  options.webhooks.log.onAttempt((entry) => attempts.inc({ outcome: entry.outcome }));

  const httpDuration = new Histogram({
    name: "whatsapp_http_request_duration_seconds",
    help: "HTTP request latency by route template (not the raw path, so session names stay out of labels).",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return { registry, httpDuration };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Times every request and serves `GET /api/x/metrics` (behind the API key, as all of `/api`). */
export function metricsRoutes(metrics: Metrics) {
  const startedAt = new WeakMap<Request, number>();
  return new Elysia({ name: "metrics" })
    .onRequest(({ request }) => {
      startedAt.set(request, performance.now());
    })
    .onAfterResponse({ as: "global" }, ({ request, route, set }) => {
      const start = startedAt.get(request);
      if (start === undefined) return;
      const status = typeof set.status === "number" ? set.status : 200;
      // Unmatched paths share one label, so scanning for URLs cannot grow the series without bound.
      metrics.httpDuration.observe({ method: request.method, route: route || "unmatched", status: String(status) }, (performance.now() - start) / 1000);
    })
    .get("/api/x/metrics", async ({ set }) => {
      set.headers["content-type"] = metrics.registry.contentType;
      return metrics.registry.metrics();
    });
}
