import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import viteReact from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";
import { parseEnv } from "@nexis/env/schema";
import { clientEnvSchema } from "./src/env-schema.ts";

export default defineConfig(({ mode }) => {
  // Refuse a bad environment when `vite dev` / `vite build` starts, naming the variable.
  const env = loadEnv(mode, process.cwd(), "VITE_");
  parseEnv(clientEnvSchema, env);
  return {
    server: { port: 3000, strictPort: true, host: true },
    preview: { port: 3000, strictPort: true, host: true },
    plugins: [tailwindcss(), tanstackStart(), viteReact()],
  };
});
