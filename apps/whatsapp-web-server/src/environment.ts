import type { EngineName } from "./engines/engine-name.ts";
import { appVersion } from "./version.ts";

/** WAHA's `WAHAEnvironment`: reported by `GET /api/server/version` and in every webhook. */
export type WahaEnvironment = ReturnType<typeof createEnvironment>;

/** Built once: fixed for the life of the process. */
export function createEnvironment(engine: EngineName, browserPath: string | null) {
  return {
    version: appVersion,
    engine,
    // WAHA's tiers are CORE and PLUS; we implement the open CORE feature set.
    tier: "CORE",
    // The browser the WEBJS engine launches; null for engines without one (WAHA reports null too).
    browser: browserPath,
    platform: `${process.platform}/${process.arch}`,
    // WAHA names its worker in a multi-worker setup; this service runs as a single process.
    worker: { id: null },
  };
}
