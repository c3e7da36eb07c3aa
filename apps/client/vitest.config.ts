import { defineProject } from "vitest/config";

// Component and hook tests in happy-dom; the root vitest.config.ts runs every project together.
export default defineProject({
  test: { name: "client", environment: "happy-dom", include: ["src/**/*.test.{ts,tsx}"] },
});
