import { envFields, parseEnv } from "@nexis/env/schema";
import { z } from "zod";

const schema = z.object({
  /** Where this server reaches the API (Hono + tRPC). */
  SERVER_URL: envFields.httpUrl("http://localhost:8787"),
  /** The client app, where people sign in. */
  CLIENT_URL: envFields.httpUrl("http://localhost:3000"),
  /** This portal's own address: the Origin it sends with sign-in, which the API trusts. */
  SUBSCRIPTION_URL: envFields.httpUrl("http://localhost:3001"),
  /** Sentry's DSN for the portal's server-side errors; unset, Sentry is never started. */
  SENTRY_DSN: envFields.optionalUrl,
  NODE_ENV: envFields.nodeEnv,
});

/**
 * The portal's configuration, validated once when first imported (next.config.ts imports it, so a
 * bad value stops `next dev` / `next build` / `next start` at once with the variable's name).
 */
export const env = parseEnv(schema, process.env);
