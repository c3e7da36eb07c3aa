import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this: it diffs the schema against migrations/meta, no database needed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
