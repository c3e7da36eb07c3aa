import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { securityHeaderRecord, securityHeaders, strictTransportSecurity } from "@nexis/security-headers";
import type { AstroIntegration } from "astro";

// The theme toggle and the no-flash theme script are inline (`is:inline`); nothing else runs.
const policy = { inlineScripts: true };

/**
 * The shared security headers (`@nexis/security-headers`) for the landing site: on `astro dev`
 * and `astro preview` through `server.headers`, and as `dist/_headers` for static hosts that read
 * one (Netlify, Cloudflare Pages). Those hosts serve HTTPS only, so that file adds HSTS too; the
 * local servers are plain HTTP and never send it.
 */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: "nexis-security-headers",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        updateConfig({ server: { headers: securityHeaderRecord({ ...policy, development: command === "dev" }) } });
      },
      "astro:build:done": async ({ dir }) => {
        const lines = [...securityHeaders(policy), strictTransportSecurity].map(({ key, value }) => `  ${key}: ${value}`);
        await writeFile(fileURLToPath(new URL("_headers", dir)), `/*\n${lines.join("\n")}\n`);
      },
    },
  };
}
