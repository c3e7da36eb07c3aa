import { defineConfig } from "vitest/config";

// Several API server processes on the real Postgres and Redis (`pnpm test:cluster`, scripts/test-cluster.sh):
// kept out of the normal run, which must also pass on the embedded defaults. One file at a time, as
// each file starts its own processes and the machine may be small.
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "server-cluster",
    include: ["test/cluster/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
