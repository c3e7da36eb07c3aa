import { constants } from "node:fs";
import { access } from "node:fs/promises";

/** One check's result, in the shape WAHA (NestJS Terminus) reports it. */
export type HealthIndicator = { status: "up" | "down"; [detail: string]: unknown };

export type HealthCheck = () => HealthIndicator | Promise<HealthIndicator>;

/** The body of `GET /health` (openapi: HealthController_check); `status` "error" goes with HTTP 503. */
export type HealthReport = {
  status: "ok" | "error";
  info: Record<string, HealthIndicator>;
  error: Record<string, HealthIndicator>;
  details: Record<string, HealthIndicator>;
};

/** Runs every named check at once; a check that throws counts as down, with its message. */
export async function runHealthChecks(checks: Record<string, HealthCheck>): Promise<HealthReport> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, HealthIndicator]> => {
      try {
        return [name, await check()];
      } catch (error) {
        return [name, { status: "down", message: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  const details = Object.fromEntries(results);
  const info = Object.fromEntries(results.filter(([, result]) => result.status === "up"));
  const error = Object.fromEntries(results.filter(([, result]) => result.status === "down"));
  return { status: Object.keys(error).length === 0 ? "ok" : "error", info, error, details };
}

/** Sessions and secrets live in the data folder: the service is unhealthy if it cannot write there. */
export function dataDirCheck(dir: string): HealthCheck {
  return async () => {
    await access(dir, constants.W_OK);
    return { status: "up" };
  };
}
