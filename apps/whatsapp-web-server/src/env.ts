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
});

export type WaEnv = Omit<z.output<typeof waEnvSchema>, "WHATSAPP_API_KEY" | "DATA_DIR"> & {
  WHATSAPP_API_KEY: string;
  DATA_DIR: string;
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
    WHATSAPP_API_KEY: loadSecret("WHATSAPP_API_KEY", dir, parsed.WHATSAPP_API_KEY),
  };
}
