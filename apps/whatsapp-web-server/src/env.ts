import { hostname } from "node:os";
import { dataDir, envFields, loadSecret, parseEnv } from "@nexis/env";
import { z } from "zod";
import { engineNames } from "./engines/engine-name.ts";

/** The service's environment, before the defaults that need the filesystem (data dir, API key). */
export const waEnvSchema = z.object({
  WHATSAPP_PORT: envFields.port(8788),
  WHATSAPP_HOST: z.string().min(1).default("0.0.0.0"),
  WHATSAPP_API_KEY: envFields.optionalString,
  WHATSAPP_ENGINE: z.enum(engineNames).default("SANDBOX"),
  // Where the WEBJS engine finds Chromium; Debian's package installs it here.
  WHATSAPP_BROWSER_PATH: z.string().min(1).default("/usr/bin/chromium"),
  // Multiplies the SANDBOX engine's delays (QR rotation, acks); below 1 speeds up demos and e2e tests.
  WHATSAPP_SANDBOX_TIME_SCALE: z.coerce.number().positive().max(100).default(1),
  // The address clients reach the service at; media URLs (`media.url`) start with it.
  // Default: http://localhost:<WHATSAPP_PORT>.
  WHATSAPP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: envFields.optionalString,
  LOG_LEVEL: envFields.logLevel,
  NODE_ENV: envFields.nodeEnv,
  // Sentry's DSN for this service's unexpected errors; empty: nothing is sent.
  SENTRY_DSN: envFields.optionalUrl,
  // Cluster mode (src/cluster/): set, the workers share the session registry and session data in
  // this Postgres database; unset or empty, one process keeps everything in SQLite.
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  // This worker's name in the registry. Default: <hostname>-<pid>.
  WORKER_ID: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[\w.-]{1,100}$/).optional()),
  // How the other workers reach this one (forwarded requests). Default: http://127.0.0.1:<WHATSAPP_PORT>.
  WORKER_URL: envFields.optionalUrl,
  // How many sessions this worker takes at most.
  WORKER_CAPACITY: z.coerce.number().int().min(1).max(100_000).default(50),
  // How long a session's owner may stay silent before another worker takes the session.
  WHATSAPP_LEASE_SECONDS: z.coerce.number().int().min(3).max(600).default(15),
  // The largest zipped WEBJS auth state the shared store accepts (bytes, default 50 MB).
  WHATSAPP_AUTH_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
});

export type WaEnv = Omit<z.output<typeof waEnvSchema>, "WHATSAPP_API_KEY" | "DATA_DIR" | "WORKER_ID" | "WORKER_URL"> & {
  WHATSAPP_API_KEY: string;
  DATA_DIR: string;
  WORKER_ID: string;
  WORKER_URL: string;
};

/** Validates the raw variables; throws an `EnvError` naming each bad one. Has no side effects. */
export function parseWaEnv(source: Record<string, string | undefined>) {
  return parseEnv(waEnvSchema, source);
}

/**
 * The service's configuration. With no `WHATSAPP_API_KEY` set, the key is generated once into
 * `<DATA_DIR>/secrets/WHATSAPP_API_KEY`, the file the API server reads too, so both agree on it
 * with nothing configured.
 */
export function loadWaEnv(source: Record<string, string | undefined> = process.env): WaEnv {
  const parsed = parseWaEnv(source);
  const dir = dataDir(parsed.DATA_DIR);
  return {
    ...parsed,
    DATA_DIR: dir,
    WORKER_ID: parsed.WORKER_ID ?? `${hostname()}-${process.pid}`,
    WORKER_URL: (parsed.WORKER_URL ?? `http://127.0.0.1:${parsed.WHATSAPP_PORT}`).replace(/\/+$/, ""),
    WHATSAPP_API_KEY: loadSecret("WHATSAPP_API_KEY", dir, parsed.WHATSAPP_API_KEY),
  };
}
