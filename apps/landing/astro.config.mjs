// @ts-check
import { defineConfig } from "astro/config";

// A static site: every page is prerendered to dist/ and ships no client JavaScript.
export default defineConfig({
  output: "static",
  server: { port: 4321 },
  // Keep the dev page identical to the built one (no dev toolbar overlay).
  devToolbar: { enabled: false },
});
