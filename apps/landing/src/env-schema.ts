/**
 * The landing site's build-time settings, validated. Pure (no `import.meta.env`), so that
 * astro.config.mjs can read the same settings from `process.env` as the pages do from Astro's env.
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

export interface LandingEnvSource {
  PUBLIC_CLIENT_URL?: string | undefined;
  PUBLIC_DOCS_URL?: string | undefined;
  PUBLIC_SITE_URL?: string | undefined;
  PUBLIC_SUBSCRIPTION_URL?: string | undefined;
}

/** Parses the landing site's variables; every one has a default that works with `npm start`. */
export function parseLandingEnv(source: LandingEnvSource) {
  return {
    /** Where visitors open the team inbox. */
    clientUrl: urlSetting("PUBLIC_CLIENT_URL", source.PUBLIC_CLIENT_URL, "http://localhost:3000"),
    /** Where the documentation lives. */
    docsUrl: urlSetting("PUBLIC_DOCS_URL", source.PUBLIC_DOCS_URL, "http://localhost:3002/docs"),
    /** This site's own public origin: canonical, hreflang and Open Graph URLs, the sitemap. */
    siteUrl: urlSetting("PUBLIC_SITE_URL", source.PUBLIC_SITE_URL, "http://localhost:4321"),
    /** The subscription portal, where each plan's call to action leads. */
    subscriptionUrl: urlSetting("PUBLIC_SUBSCRIPTION_URL", source.PUBLIC_SUBSCRIPTION_URL, "http://localhost:3001"),
  } as const;
}
