import path from "node:path";
import { dataDir, EnvError, envFields, loadSecret, parseEnv } from "@nexis/env";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: envFields.nodeEnv,
  LOG_LEVEL: envFields.logLevel,
  /** Sentry's DSN for unexpected errors (user and workspace ids, never message contents); unset: nothing is sent. */
  SENTRY_DSN: envFields.optionalUrl,
  /** Bearer token for `GET /metrics`; unset: only requests from this machine (loopback) may read it. */
  METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(16).optional()),
  SERVER_HOST: z.string().min(1).default("0.0.0.0"),
  SERVER_PORT: envFields.port(8787),
  /** Where browsers reach this server. */
  SERVER_URL: envFields.httpUrl("http://localhost:8787"),
  /** Real Postgres when set; the embedded PGlite under DATA_DIR otherwise. */
  DATABASE_URL: envFields.optionalUrl,
  DATA_DIR: envFields.optionalString,
  /** Shares rate-limit counts (and later queues) between server instances; in memory when unset. */
  REDIS_URL: envFields.optionalUrl,
  /** Starts every Redis key and channel (queue, rate limits, live events), so deployments can share one Redis. */
  REDIS_PREFIX: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[\w.-]{1,64}$/, "Letters, digits, _ . - (at most 64)").default("nexis")),
  /** On SIGTERM/SIGINT, how long requests in flight and the outbound job in hand may take before connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(0).max(600_000).default(10_000)),
  /** Browser origins allowed to call the API (the client and the subscription portal). */
  CLIENT_URL: envFields.httpUrl("http://localhost:3000"),
  SUBSCRIPTION_URL: envFields.httpUrl("http://localhost:3001"),
  /** Extra allowed origins, comma-separated. */
  CORS_ORIGINS: envFields.optionalString,
  WHATSAPP_SERVER_URL: envFields.httpUrl("http://localhost:8788"),
  WHATSAPP_API_KEY: envFields.optionalString,
  /** Where the WhatsApp service posts its webhooks; default SERVER_URL/webhooks/whatsapp. */
  WHATSAPP_WEBHOOK_URL: envFields.optionalUrl,
  /** Signs session cookies and tokens (32+ characters); generated into .data/secrets when unset. */
  BETTER_AUTH_SECRET: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(32).optional()),
  /** Sends emails (invitations, password resets) over SMTP, e.g. smtp://user:pass@host:587; unset: the dev mailbox file. */
  SMTP_URL: envFields.optionalUrl,
  /** The From of every email. */
  MAIL_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(3).default("NexisChat <no-reply@localhost>")),
  /** Behind a reverse proxy: take the client IP (for rate limits) from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /** Creem payments when set (keys starting `creem_test_` use Creem's test API); unset: the sandbox provider. */
  CREEM_API_KEY: envFields.optionalString,
  /** Verifies Creem's `creem-signature` on webhooks; required with CREEM_API_KEY. */
  CREEM_WEBHOOK_SECRET: envFields.optionalString,
  /** Creem's product id for each paid plan and interval; required with CREEM_API_KEY. */
  CREEM_PRODUCT_PRO_MONTH: envFields.optionalString,
  CREEM_PRODUCT_PRO_YEAR: envFields.optionalString,
  CREEM_PRODUCT_BUSINESS_MONTH: envFields.optionalString,
  CREEM_PRODUCT_BUSINESS_YEAR: envFields.optionalString,
  /** Media in an S3-compatible store (AWS S3, R2, MinIO) when these are set; files under DATA_DIR/media otherwise. */
  S3_ENDPOINT: envFields.optionalUrl,
  S3_BUCKET: envFields.optionalString,
  S3_ACCESS_KEY_ID: envFields.optionalString,
  S3_SECRET_ACCESS_KEY: envFields.optionalString,
  /** The bucket's region (AWS); default `auto` (R2, MinIO). */
  S3_REGION: envFields.optionalString,
  /** Largest image or voice note, and largest video or document, in megabytes. */
  MEDIA_MAX_IMAGE_MB: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().positive().max(1024).default(16)),
  MEDIA_MAX_FILE_MB: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().positive().max(1024).default(64)),
  /** WorkOS AuthKit SSO: on when these three are set (the redirect URI is <SERVER_URL>/api/auth/sso/callback). */
  WORKOS_API_KEY: envFields.optionalString,
  WORKOS_CLIENT_ID: envFields.optionalString,
  WORKOS_REDIRECT_URI: envFields.optionalUrl,
  /** WorkOS's API host, port and scheme; only tests and proxies change them (default api.workos.com over https). */
  WORKOS_API_HOSTNAME: envFields.optionalString,
  WORKOS_API_PORT: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(65_535).optional()),
  WORKOS_API_HTTPS: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"]).default("true")).transform((value) => value === "true"),
  /**
   * The payment sandbox when CREEM_API_KEY is unset: on by default, except with
   * NODE_ENV=production, where test cards must not grant plans unless this says `true`.
   */
  BILLING_SANDBOX: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"]).optional()),
});

export type ServerEnv = ReturnType<typeof loadServerEnv>;

/**
 * The server's configuration, validated once at start. Secrets left unset are generated into
 * `.data/secrets/` (shared with the WhatsApp service, which reads the same API key).
 */
export function loadServerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(schema, source);
  const creemProducts = {
    pro: { month: env.CREEM_PRODUCT_PRO_MONTH, year: env.CREEM_PRODUCT_PRO_YEAR },
    business: { month: env.CREEM_PRODUCT_BUSINESS_MONTH, year: env.CREEM_PRODUCT_BUSINESS_YEAR },
  };
  if (env.CREEM_API_KEY) {
    const missing = Object.entries({ CREEM_WEBHOOK_SECRET: env.CREEM_WEBHOOK_SECRET, CREEM_PRODUCT_PRO_MONTH: env.CREEM_PRODUCT_PRO_MONTH, CREEM_PRODUCT_PRO_YEAR: env.CREEM_PRODUCT_PRO_YEAR, CREEM_PRODUCT_BUSINESS_MONTH: env.CREEM_PRODUCT_BUSINESS_MONTH, CREEM_PRODUCT_BUSINESS_YEAR: env.CREEM_PRODUCT_BUSINESS_YEAR })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    if (missing.length > 0) throw new EnvError(`CREEM_API_KEY is set, so these are required too: ${missing.join(", ")}`);
  }
  const s3Settings = { S3_ENDPOINT: env.S3_ENDPOINT, S3_BUCKET: env.S3_BUCKET, S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY };
  const s3Missing = Object.entries(s3Settings).filter(([, value]) => !value).map(([name]) => name);
  if (s3Missing.length > 0 && s3Missing.length < 4) throw new EnvError(`S3 media storage needs all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY; missing: ${s3Missing.join(", ")}`);
  const workosSettings = { WORKOS_API_KEY: env.WORKOS_API_KEY, WORKOS_CLIENT_ID: env.WORKOS_CLIENT_ID, WORKOS_REDIRECT_URI: env.WORKOS_REDIRECT_URI };
  const workosMissing = Object.entries(workosSettings).filter(([, value]) => !value).map(([name]) => name);
  if (workosMissing.length > 0 && workosMissing.length < 3) throw new EnvError(`WorkOS SSO needs all of WORKOS_API_KEY, WORKOS_CLIENT_ID, WORKOS_REDIRECT_URI; missing: ${workosMissing.join(", ")}`);
  const dir = dataDir(env.DATA_DIR);
  const extraOrigins = env.CORS_ORIGINS?.split(",").map((origin) => origin.trim()).filter(Boolean) ?? [];
  return {
    ...env,
    dataDir: dir,
    pgliteDir: path.join(dir, "pglite"),
    corsOrigins: [env.CLIENT_URL, env.SUBSCRIPTION_URL, ...extraOrigins],
    whatsappApiKey: loadSecret("WHATSAPP_API_KEY", dir, env.WHATSAPP_API_KEY),
    whatsappWebhookUrl: env.WHATSAPP_WEBHOOK_URL ?? `${env.SERVER_URL.replace(/\/+$/, "")}/webhooks/whatsapp`,
    authSecret: loadSecret("BETTER_AUTH_SECRET", dir, env.BETTER_AUTH_SECRET),
    media: {
      dir: path.join(dir, "media"),
      s3:
        env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY, region: env.S3_REGION }
          : undefined,
      limits: { imageMaxBytes: Math.round(env.MEDIA_MAX_IMAGE_MB * 1024 * 1024), fileMaxBytes: Math.round(env.MEDIA_MAX_FILE_MB * 1024 * 1024) },
    },
    workos:
      env.WORKOS_API_KEY && env.WORKOS_CLIENT_ID && env.WORKOS_REDIRECT_URI
        ? { apiKey: env.WORKOS_API_KEY, clientId: env.WORKOS_CLIENT_ID, redirectUri: env.WORKOS_REDIRECT_URI, apiHostname: env.WORKOS_API_HOSTNAME, port: env.WORKOS_API_PORT, https: env.WORKOS_API_HTTPS }
        : undefined,
    billing: {
      creemApiKey: env.CREEM_API_KEY,
      creemWebhookSecret: env.CREEM_WEBHOOK_SECRET,
      creemProducts: env.CREEM_API_KEY ? (creemProducts as { pro: { month: string; year: string }; business: { month: string; year: string } }) : undefined,
      sandbox: env.BILLING_SANDBOX === undefined ? env.NODE_ENV !== "production" : env.BILLING_SANDBOX === "true",
    },
  };
}
