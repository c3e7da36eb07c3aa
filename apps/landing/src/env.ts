/**
 * The landing page's build-time settings: the only file that reads the environment (STYLE.md §5).
 * Astro inlines `PUBLIC_*` variables at build time, so changing one needs a rebuild.
 */

/** Reads an absolute http(s) URL, falling back when unset or empty; fails the build when invalid. */
function urlSetting(name: string, value: string | undefined, fallback: string): string {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, "");
}

export const landingEnv = {
  /** Where visitors open the team inbox. */
  clientUrl: urlSetting("PUBLIC_CLIENT_URL", import.meta.env.PUBLIC_CLIENT_URL, "http://localhost:3000"),
  /** Where the documentation lives. */
  docsUrl: urlSetting("PUBLIC_DOCS_URL", import.meta.env.PUBLIC_DOCS_URL, "http://localhost:3002/docs"),
  /** This site's own public origin, for canonical and Open Graph URLs. */
  siteUrl: urlSetting("PUBLIC_SITE_URL", import.meta.env.PUBLIC_SITE_URL, "http://localhost:4321"),
} as const;
