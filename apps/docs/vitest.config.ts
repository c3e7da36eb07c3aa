import { defineConfig } from "vitest/config";

// Some of the docs tests read the build: run `pnpm --filter docs build` first (CI does).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
