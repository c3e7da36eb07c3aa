import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadEnvReference } from "../lib/env-reference.ts";

const nextDir = fileURLToPath(new URL("../.next/", import.meta.url));
const appDir = path.join(nextDir, "server/app");

/**
 * Every prerendered page of the build, by the URL readers use: `es/docs/concepts.html` is
 * `/es/docs/concepts`, and English, whose prefix the proxy hides, `en/docs/concepts.html` is
 * `/docs/concepts`.
 */
function prerenderedPages(): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html") && !entry.name.startsWith("_")) {
        const route = `/${path.relative(appDir, full).replace(/\.html$/, "")}`.replace(/^\/en(?=\/|$)/, "");
        pages.set(route === "" ? "/" : route, readFileSync(full, "utf8"));
      }
    }
  };
  walk(appDir);
  return pages;
}

/** Routes served by handlers rather than prerendered HTML (`/api/search`, `/icon.svg`, `/`). */
function handlerRoutes(): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return new Set(
    Object.keys(manifest)
      .filter((route) => !route.includes("["))
      .map((route) => route.replace(/\/(page|route)$/, "") || "/"),
  );
}

const attributeValues = (html: string, attribute: string) =>
  [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "g"))].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));

/**
 * A link checker over the built docs: every internal link goes to a built page or route, every
 * `#fragment` to a heading on its page, and every script, stylesheet and image exists.
 */
describe("docs: links in the build", () => {
  if (!existsSync(path.join(appDir, "en/docs.html"))) {
    throw new Error("apps/docs/.next is missing the prerendered docs: run `pnpm --filter docs build` first.");
  }
  const pages = prerenderedPages();
  const routes = handlerRoutes();

  it("prerenders every page of the sidebar", () => {
    for (const route of ["/docs", "/docs/concepts", "/docs/architecture", "/docs/self-hosting"]) expect(pages.has(route), route).toBe(true);
  });

  it("serves Getting started in Portuguese and Spanish, in their language", () => {
    expect(pages.get("/pt-br/docs")).toMatch(/<html lang="pt-BR"[\s\S]*<h1[^>]*>Primeiros passos<\/h1>/);
    expect(pages.get("/es/docs")).toMatch(/<html lang="es"[\s\S]*<h1[^>]*>Primeros pasos<\/h1>/);
    // Pages not translated yet fall back to English under the language's prefix.
    expect(pages.get("/es/docs/concepts")).toMatch(/<h1[^>]*>Concepts<\/h1>/);
  });

  for (const [route, html] of pages) {
    it(`${route} links only to things that exist`, () => {
      const broken: string[] = [];
      for (const reference of [...attributeValues(html, "href"), ...attributeValues(html, "src")]) {
        const url = new URL(reference, `http://docs.invalid${route}`);
        if (url.origin !== "http://docs.invalid") continue;
        if (url.pathname.startsWith("/_next/static/")) {
          if (!existsSync(path.join(nextDir, "static", decodeURIComponent(url.pathname.slice("/_next/static/".length))))) broken.push(reference);
          continue;
        }
        const target = url.pathname.replace(/\/$/, "") || "/";
        const targetHtml = pages.get(target);
        if (targetHtml === undefined && !routes.has(target)) broken.push(reference);
        else if (url.hash && targetHtml !== undefined && !attributeValues(targetHtml, "id").includes(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(reference);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it("renders every variable of .env.example in the self-hosting page's table", () => {
    const html = pages.get("/docs/self-hosting") ?? "";
    for (const variable of loadEnvReference().flatMap((section) => section.variables)) {
      expect(html, variable.name).toContain(`<code>${variable.name}</code>`);
    }
  });

  it("links each page to the previous and the next one", () => {
    const html = pages.get("/docs/concepts") ?? "";
    expect(attributeValues(html, "href")).toEqual(expect.arrayContaining(["/docs", "/docs/architecture"]));
  });
});
