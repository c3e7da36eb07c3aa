import type { Database } from "@nexis/db";
import { countAccountsByStatus, outboxDepth } from "@nexis/db/queries/metrics";
import { sessionStatuses } from "@nexis/db/schema";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The API server's Prometheus metrics. Numbers by status and the outbox backlog are read from the
 * database at scrape time (right across instances); webhook ingest, sends and HTTP latency are
 * counted in this process as they happen.
 */
export function createServerMetrics(db: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nexis_server_" });

  new Gauge({
    name: "nexis_whatsapp_accounts",
    help: "Linked numbers by session status (all workspaces).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await countAccountsByStatus(db);
      for (const status of sessionStatuses) this.set({ status }, rows.find((row) => row.status === status)?.count ?? 0);
    },
  });
  const outboxLag = new Gauge({ name: "nexis_outbox_oldest_due_seconds", help: "How long the oldest due outbound job has waited.", registers: [registry] });
  new Gauge({
    name: "nexis_outbox_jobs",
    help: "Outbound messages waiting (pending) or being sent (sending).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const depth = await outboxDepth(db);
      for (const status of ["pending", "sending"]) this.set({ status }, depth.byStatus.find((row) => row.status === status)?.count ?? 0);
      outboxLag.set(depth.oldestDueSeconds);
    },
  });

  const webhooks = new Counter({
    name: "nexis_whatsapp_webhooks_total",
    help: "WhatsApp service webhooks received, by outcome (accepted incl. duplicates, refused signature or timestamp, invalid body, error).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  // Every outcome shows from the first scrape, at 0, so a rate() has a series to start from.
  for (const outcome of ["accepted", "refused", "invalid", "error"]) webhooks.inc({ outcome }, 0);
  const sendLatency = new Histogram({
    name: "nexis_send_latency_seconds",
    help: "From an agent's send to WhatsApp accepting the message (the SERVER ack), by outcome.",
    labelNames: ["outcome"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "nexis_http_request_duration_seconds",
    help: "HTTP request latency by route template (tRPC by procedure).",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return {
    registry,
    /** Counts a webhook by the status it was answered with. */
    webhookAnswered: (status: number) =>
      webhooks.inc({ outcome: status < 300 ? "accepted" : status === 401 ? "refused" : status < 500 ? "invalid" : "error" }),
    sent: (seconds: number, outcome: "sent" | "failed") => sendLatency.observe({ outcome }, seconds),
    /** Times each request; tRPC calls are labelled by procedure, never by raw path or input. */
    timing: (): MiddlewareHandler => async (c, next) => {
      const started = performance.now();
      await next();
      // Live streams stay open for hours: their duration is not a latency.
      if (c.req.path.startsWith("/trpc/events.")) return;
      const route = c.req.path.startsWith("/trpc/") ? `/trpc/${procedureLabel(c.req.path)}` : routePath(c, -1) || "unmatched";
      httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, (performance.now() - started) / 1000);
    },
  };
}

export type ServerMetrics = ReturnType<typeof createServerMetrics>;

/** `/trpc/a.b,c.d` (a batch) → `a.b,c.d`, kept only when every part looks like a procedure path. */
function procedureLabel(path: string): string {
  const names = path.slice("/trpc/".length).split(",");
  return names.length <= 10 && names.every((name) => /^[a-zA-Z]+(\.[a-zA-Z]+){0,2}$/.test(name)) ? names.join(",") : "unknown";
}
