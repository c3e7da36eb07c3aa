import { z } from "zod";

// Not built on @nexis/env: its entry point also resolves the repo root and data folder through
// node:fs at import time, which breaks Next.js' bundling. The rules match its `httpUrl` field.
const httpUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

const schema = z.object({
  /** Where this server reaches the API (Hono + tRPC). */
  SERVER_URL: httpUrl("http://localhost:8787"),
  /** The client app, where people sign in. */
  CLIENT_URL: httpUrl("http://localhost:3000"),
});

function parseEnv(source: Record<string, string | undefined>) {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment variables for apps/subscription:\n${lines.join("\n")}`);
}

/**
 * The portal's configuration, validated once when first imported (next.config.ts imports it, so a
 * bad value stops `next dev` / `next build` / `next start` at once with the variable's name).
 */
export const env = parseEnv(process.env);
