import { hostname } from "node:os";
import { Elysia } from "elysia";
import type { EngineName } from "../engines/engine-name.ts";
import { createEnvironment } from "../environment.ts";
import { type HealthCheck, runHealthChecks } from "../health/health-check.ts";

export type ServerRoutesOptions = {
  engine: EngineName;
  /** The browser the WEBJS engine launches; null for engines without one (WAHA reports null too). */
  browserPath: string | null;
  healthChecks: Record<string, HealthCheck>;
  /** What must answer before the worker takes traffic (`GET /ready`), beside the health checks. */
  readyChecks?: Record<string, HealthCheck>;
  /** Cluster mode: this worker's id and the sessions it holds, shown by `/api/server/status`. */
  worker?: { id: string; sessions: () => string[] };
};

/**
 * WAHA's observability routes: `GET /ping`, `GET /health`, `GET /api/server/version`,
 * `GET /api/server/status`; and our `GET /ready` (health plus the session store), for load balancers.
 */
export function serverRoutes(options: ServerRoutesOptions) {
  const environment = createEnvironment(options.engine, options.browserPath);
  const startTimestamp = Date.now();
  // WAHA names its worker; a single process is named by its host, a cluster worker by WORKER_ID.
  const worker = () => (options.worker ? { id: options.worker.id, sessions: options.worker.sessions() } : { id: hostname() });

  return new Elysia()
    .get("/ping", () => ({ message: "pong" }))
    .get("/health", async ({ set }) => {
      const report = await runHealthChecks(options.healthChecks);
      if (report.status !== "ok") set.status = 503;
      return report;
    })
    .get("/ready", async ({ set }) => {
      const report = await runHealthChecks({ ...options.healthChecks, ...options.readyChecks });
      if (report.status !== "ok") set.status = 503;
      return report;
    })
    .get("/api/server/version", () => environment)
    .get("/api/server/status", () => ({ startTimestamp, uptime: Date.now() - startTimestamp, worker: worker() }));
}
