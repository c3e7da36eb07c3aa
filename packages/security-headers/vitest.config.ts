import { defineProject } from "vitest/config";

// Lets `pnpm --filter @nexis/security-headers test` run from this folder (otherwise vitest picks up the root config,
// whose project paths are relative to the root); the root run uses this file as the project.
export default defineProject({ test: { name: "@nexis/security-headers", testTimeout: 30_000, hookTimeout: 120_000 } });
