import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The portal's server-side modules in Node: `~` is src/, and `server-only` (which refuses to load
// outside React's server build) is its empty server variant.
export default defineProject({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: { name: "subscription", include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
