import { clientEnvSchema } from "./env-schema.ts";

// This is the only file that reads the client's environment. vite.config.ts has already refused
// a bad value at start, so parse() cannot fail here for a build that started.
const parsed = clientEnvSchema.parse({
  VITE_SERVER_URL: import.meta.env.VITE_SERVER_URL || undefined,
  VITE_WHATSAPP_URL: import.meta.env.VITE_WHATSAPP_URL || undefined,
  VITE_SENTRY_DSN: import.meta.env.VITE_SENTRY_DSN || undefined,
});

/** The client's build-time configuration. */
export const clientEnv = { serverUrl: parsed.VITE_SERVER_URL, whatsappUrl: parsed.VITE_WHATSAPP_URL, sentryDsn: parsed.VITE_SENTRY_DSN };
