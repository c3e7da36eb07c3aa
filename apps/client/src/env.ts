import { z } from "zod";

// Vite inlines VITE_* variables at build time; this is the only file that reads them.
const schema = z.object({
  VITE_SERVER_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:8787"),
});

const parsed = schema.safeParse({ VITE_SERVER_URL: import.meta.env.VITE_SERVER_URL || undefined });
if (!parsed.success) {
  throw new Error(`Invalid client environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

/** The client's build-time configuration. */
export const clientEnv = { serverUrl: parsed.data.VITE_SERVER_URL.replace(/\/+$/, "") };
