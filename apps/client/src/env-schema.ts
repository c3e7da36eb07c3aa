import { envFields } from "@nexis/env/schema";
import { z } from "zod";

/** The client's build-time variables (Vite inlines `VITE_*`); validated by vite.config.ts at start. */
export const clientEnvSchema = z.object({
  VITE_SERVER_URL: envFields.httpUrl("http://localhost:8787"),
});
