import { defineConfig } from "vitest/config";

// The landing site's tests read its build: run `pnpm --filter landing build` first (CI does).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
