/**
 * The landing page's build-time settings: the only file that reads the environment (STYLE.md §5).
 * Astro inlines `PUBLIC_*` variables at build time, so changing one needs a rebuild.
 */
import { parseLandingEnv } from "./env-schema.ts";

export const landingEnv = parseLandingEnv({
  PUBLIC_CLIENT_URL: import.meta.env.PUBLIC_CLIENT_URL,
  PUBLIC_DOCS_URL: import.meta.env.PUBLIC_DOCS_URL,
  PUBLIC_SITE_URL: import.meta.env.PUBLIC_SITE_URL,
  PUBLIC_SUBSCRIPTION_URL: import.meta.env.PUBLIC_SUBSCRIPTION_URL,
});
