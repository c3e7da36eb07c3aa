import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import viteReact from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";
import { parseEnv } from "@nexis/env/schema";
import { securityHeadersPlugin } from "./security-headers-plugin.ts";
import { clientEnvSchema } from "./src/env-schema.ts";

export default defineConfig(({ mode }) => {
  // Refuse a bad environment when `vite dev` / `vite build` starts, naming the variable.
  const env = loadEnv(mode, process.cwd(), "VITE_");
  const clientEnv = parseEnv(clientEnvSchema, env);
  // The browser calls the API (tRPC, live events, media) and, when configured, Sentry's ingest.
  const policy = { connect: [clientEnv.VITE_SERVER_URL, clientEnv.VITE_SENTRY_DSN], media: [clientEnv.VITE_SERVER_URL], inlineScripts: true };
  return {
    server: { port: 3000, strictPort: true, host: true },
    preview: { port: 3000, strictPort: true, host: true },
    plugins: [securityHeadersPlugin({ production: policy, development: { ...policy, development: true } }), tailwindcss(), tanstackStart(), viteReact()],
  };
});
