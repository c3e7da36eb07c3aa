import { configDefaults, defineProject } from "vitest/config";
import { serverNodeFlags } from "./src/node-flags.ts";

// Lets `pnpm --filter server test` run from this folder (otherwise vitest picks up the root config,
// whose project paths are relative to the root); the root run uses this file as the project.
// The cluster tests (test/cluster, several processes on Postgres and Redis) run on their own: vitest.cluster.config.ts.
// The test workers run with the server's own Node flags (`src/node-flags.ts`).
export default defineProject({
  test: { name: "server", testTimeout: 30_000, hookTimeout: 120_000, exclude: [...configDefaults.exclude, "test/cluster/**"], execArgv: serverNodeFlags },
});
