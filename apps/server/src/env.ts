import path from "node:path";
import { dataDir, envFields, loadSecret, parseEnv } from "@nexis/env";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: envFields.nodeEnv,
  LOG_LEVEL: envFields.logLevel,
  SERVER_HOST: z.string().min(1).default("0.0.0.0"),
  SERVER_PORT: envFields.port(8787),
  /** Where browsers reach this server. */
  SERVER_URL: envFields.httpUrl("http://localhost:8787"),
  /** Real Postgres when set; the embedded PGlite under DATA_DIR otherwise. */
  DATABASE_URL: envFields.optionalUrl,
  DATA_DIR: envFields.optionalString,
  /** Shares rate-limit counts (and later queues) between server instances; in memory when unset. */
  REDIS_URL: envFields.optionalUrl,
  /** Browser origins allowed to call the API (the client and the subscription portal). */
  CLIENT_URL: envFields.httpUrl("http://localhost:3000"),
  SUBSCRIPTION_URL: envFields.httpUrl("http://localhost:3001"),
  /** Extra allowed origins, comma-separated. */
  CORS_ORIGINS: envFields.optionalString,
  WHATSAPP_SERVER_URL: envFields.httpUrl("http://localhost:8788"),
  WHATSAPP_API_KEY: envFields.optionalString,
  /** Signs session cookies and tokens (32+ characters); generated into .data/secrets when unset. */
  BETTER_AUTH_SECRET: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(32).optional()),
  /** Sends emails (invitations, password resets) over SMTP, e.g. smtp://user:pass@host:587; unset: the dev mailbox file. */
  SMTP_URL: envFields.optionalUrl,
  /** The From of every email. */
  MAIL_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(3).default("NexisChat <no-reply@localhost>")),
  /** Behind a reverse proxy: take the client IP (for rate limits) from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});

export type ServerEnv = ReturnType<typeof loadServerEnv>;

/**
 * The server's configuration, validated once at start. Secrets left unset are generated into
 * `.data/secrets/` (shared with the WhatsApp service, which reads the same API key).
 */
export function loadServerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(schema, source);
  const dir = dataDir(env.DATA_DIR);
  const extraOrigins = env.CORS_ORIGINS?.split(",").map((origin) => origin.trim()).filter(Boolean) ?? [];
  return {
    ...env,
    dataDir: dir,
    pgliteDir: path.join(dir, "pglite"),
    corsOrigins: [env.CLIENT_URL, env.SUBSCRIPTION_URL, ...extraOrigins],
    whatsappApiKey: loadSecret("WHATSAPP_API_KEY", dir, env.WHATSAPP_API_KEY),
    authSecret: loadSecret("BETTER_AUTH_SECRET", dir, env.BETTER_AUTH_SECRET),
  };
}
