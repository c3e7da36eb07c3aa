import { defineConfig } from "vitest/config";

// Every Node workspace's unit and integration tests in one run. The WhatsApp service runs its own
// tests with `bun test`, and the end-to-end suite has its own config (e2e/vitest.config.ts).
export default defineConfig({
  test: {
    projects: [
      "packages/*",
      "apps/server",
      "apps/landing",
      "apps/docs",
      "apps/client",
      "apps/subscription",
      // The repository's own scripts (the docker-compose.yml check).
      { test: { name: "scripts", include: ["scripts/**/*.test.ts"] } },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
