import type { APIRoute } from "astro";
import { landingEnv } from "../env";

/** robots.txt, built with the absolute sitemap URL of this deployment (PUBLIC_SITE_URL). */
export const GET: APIRoute = () => {
  const sitemap = new URL("/sitemap-index.xml", landingEnv.siteUrl).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
