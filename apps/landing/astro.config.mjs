// @ts-check
import { defineConfig } from "astro/config";

// A static site: every page is prerendered to dist/ and ships no client JavaScript.
export default defineConfig({
  output: "static",
  // Listen on every interface, like the other apps, so "localhost" reaches it over IPv4 and IPv6.
  server: { port: 4321, host: true },
  // Keep the dev page identical to the built one (no dev toolbar overlay).
  devToolbar: { enabled: false },
});
