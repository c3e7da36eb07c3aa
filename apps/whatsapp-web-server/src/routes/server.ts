import { Elysia } from "elysia";
import type { EngineName } from "../engines/engine-name.ts";
import { type HealthCheck, runHealthChecks } from "../health/health-check.ts";
import { appVersion } from "../version.ts";

export type ServerRoutesOptions = {
  engine: EngineName;
  /** The browser the WEBJS engine launches; null for engines without one (WAHA reports null too). */
  browserPath: string | null;
  healthChecks: Record<string, HealthCheck>;
};

/** WAHA's observability routes: `GET /ping`, `GET /health`, `GET /api/server/version`. */
export function serverRoutes(options: ServerRoutesOptions) {
  // WAHAEnvironment: fixed for the life of the process, so built once.
  const environment = {
    version: appVersion,
    engine: options.engine,
    // WAHA's tiers are CORE and PLUS; we implement the open CORE feature set.
    tier: "CORE",
    browser: options.browserPath,
    platform: `${process.platform}/${process.arch}`,
    // WAHA names its worker in a multi-worker setup; this service runs as a single process.
    worker: { id: null },
  };

  return new Elysia()
    .get("/ping", () => ({ message: "pong" }))
    .get("/health", async ({ set }) => {
      const report = await runHealthChecks(options.healthChecks);
      if (report.status !== "ok") set.status = 503;
      return report;
    })
    .get("/api/server/version", () => environment);
}
