import { Elysia } from "elysia";
import { docsPageHtml, docsScript } from "../openapi/docs-page.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";

const pageHeaders = {
  "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
};

/**
 * `/docs` (an offline reference page) and `/docs/json` (the OpenAPI document). Open like `/ping`:
 * they describe the API and hold no data. The document is built once, on first request.
 */
export function docsRoutes(document: () => OpenApiDocument) {
  return new Elysia({ name: "docs" })
    .get("/docs", () => new Response(docsPageHtml, { headers: { ...pageHeaders, "Content-Type": "text/html; charset=utf-8" } }))
    .get("/docs/docs.js", () => new Response(docsScript, { headers: { ...pageHeaders, "Content-Type": "text/javascript; charset=utf-8" } }))
    .get("/docs/json", () => document());
}
