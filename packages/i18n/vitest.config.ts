import { defineProject } from "vitest/config";

// This package's tests; the root vitest.config.ts runs every project together.
export default defineProject({
  test: { name: "@nexis/i18n", testTimeout: 30_000, hookTimeout: 120_000 },
});
