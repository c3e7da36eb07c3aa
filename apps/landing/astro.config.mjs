// @ts-check
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { parseLandingEnv } from "./src/env-schema.ts";
import { securityHeadersIntegration } from "./src/integrations/security-headers.ts";

// The config runs before Astro loads its env, so it validates the same variables from process.env.
const { siteUrl } = parseLandingEnv(process.env);

// A static site: every page is prerendered to dist/ and ships no client JavaScript.
export default defineConfig({
  output: "static",
  // Canonical, hreflang and sitemap URLs are absolute on this origin.
  site: siteUrl,
  integrations: [
    // CSP, no framing, no sniffing, referrer policy: on the dev/preview servers and in dist/_headers.
    securityHeadersIntegration(),
    sitemap({
      // Each page lists its translations (hreflang) in the sitemap too; English is the unprefixed one.
      i18n: { defaultLocale: "en", locales: { en: "en", "pt-br": "pt-BR", es: "es" } },
      // The placeholder legal pages are kept out of search results until they are written.
      filter: (page) => !/\/(privacy|terms)\/$/.test(page),
    }),
  ],
  // Listen on every interface, like the other apps, so "localhost" reaches it over IPv4 and IPv6.
  server: { port: 4321, host: true },
  // Keep the dev page identical to the built one (no dev toolbar overlay).
  devToolbar: { enabled: false },
});
