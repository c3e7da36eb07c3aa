import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end suites start the real apps on their fixed ports, so files run one after another.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.e2e.ts"],
    exclude: ["**/node_modules/**"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
