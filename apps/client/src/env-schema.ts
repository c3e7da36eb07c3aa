import { envFields } from "@nexis/env/schema";
import { z } from "zod";

/** The client's build-time variables (Vite inlines `VITE_*`); validated by vite.config.ts at start. */
export const clientEnvSchema = z.object({
  VITE_SERVER_URL: envFields.httpUrl("http://localhost:8787"),
  /** The WhatsApp service as the browser reaches it: the onboarding links its sandbox phone page. */
  VITE_WHATSAPP_URL: envFields.httpUrl("http://localhost:8788"),
  /** Sentry's DSN for the browser's errors; unset, Sentry is never loaded. */
  VITE_SENTRY_DSN: envFields.optionalUrl,
});
