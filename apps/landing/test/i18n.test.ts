import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertBuilt, attributeValues, distDir } from "./built-site.ts";

const read = (file: string) => readFileSync(path.join(distDir, file), "utf8");

const homes = [
  { locale: "en", file: "index.html", path: "/", h1: /WhatsApp inbox/i },
  { locale: "pt-BR", file: "pt-br/index.html", path: "/pt-br/", h1: /caixa de entrada do WhatsApp/i },
  { locale: "es", file: "es/index.html", path: "/es/", h1: /bandeja de entrada de WhatsApp/i },
];

describe("landing: localised pages", () => {
  assertBuilt();

  for (const home of homes) {
    it(`serves the ${home.locale} home page at ${home.path}`, () => {
      const html = read(home.file);
      expect(html).toMatch(new RegExp(`<html lang="${home.locale}"`));
      expect(/<h1>([^<]*)<\/h1>/.exec(html)?.[1]).toMatch(home.h1);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(new URL(canonical ?? "http://invalid").pathname).toBe(home.path);
      expect(html).toContain(`<meta property="og:url" content="${canonical}">`);
    });

    it(`lists every translation of the ${home.locale} home page, with x-default`, () => {
      const alternates = [...read(home.file).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
        (match) => [match[1], new URL(match[2] ?? "").pathname],
      );
      expect(alternates).toEqual([
        ["en", "/"],
        ["pt-BR", "/pt-br/"],
        ["es", "/es/"],
        ["x-default", "/"],
      ]);
    });
  }

  it("switches language with plain links to the same page", () => {
    const html = read("es/self-hosting/index.html");
    const links = attributeValues(html, "href");
    expect(links).toContain("/self-hosting/");
    expect(links).toContain("/pt-br/self-hosting/");
    expect(html).toMatch(/<a href="\/es\/self-hosting\/" hreflang="es" lang="es" aria-current="page"/);
  });

  it("marks the legal pages as placeholders and keeps them out of search results", () => {
    for (const file of ["privacy/index.html", "pt-br/terms/index.html"]) {
      const html = read(file);
      expect(html).toContain('class="placeholder-notice"');
      expect(html).toContain('<meta name="robots" content="noindex">');
    }
  });

  it("ships a sitemap with every locale and a robots.txt pointing at it", () => {
    const sitemap = read("sitemap-0.xml");
    for (const page of ["/", "/pt-br/", "/es/", "/pricing/", "/pt-br/pricing/", "/self-hosting/", "/es/self-hosting/"]) expect(sitemap).toContain(`${page}</loc>`);
    expect(sitemap).not.toContain("/privacy/");
    expect(read("robots.txt")).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });

  it("ships no JavaScript files, only the inline theme scripts", () => {
    for (const home of homes) expect(attributeValues(read(home.file), "src").filter((src) => src.endsWith(".js"))).toEqual([]);
  });
});
