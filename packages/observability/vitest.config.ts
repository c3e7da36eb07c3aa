import { defineProject } from "vitest/config";

// Lets `pnpm --filter @nexis/observability test` run from this folder (otherwise vitest picks up the root config,
// whose project paths are relative to the root); the root run uses this file as the project.
export default defineProject({ test: { name: "@nexis/observability", testTimeout: 30_000, hookTimeout: 120_000 } });
