import { describe, expect, it } from "vitest";
import { assertBuilt, attributeValues, builtPages, existsInBuild } from "./built-site.ts";

/**
 * A link checker over the built site: every internal link, image (each srcset candidate too),
 * stylesheet and script, and every absolute URL on the site's own origin (canonical, hreflang,
 * og:image), resolves to a built file, and every `#fragment` to an id on its page.
 */
describe("landing: links in the build", () => {
  assertBuilt();
  const pages = builtPages();
  const ids = new Map(pages.map((page) => [page.file, new Set(attributeValues(page.html, "id"))]));
  // The build's own origin (PUBLIC_SITE_URL), read from the home page's canonical link.
  const home = pages.find((page) => page.file === "/index.html")?.html ?? "";
  const siteOrigin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(home)?.[1] ?? "http://localhost").origin;

  it("has the pages of every locale", () => {
    const files = pages.map((page) => page.file);
    for (const prefix of ["", "/pt-br", "/es"]) {
      for (const page of ["/index.html", "/pricing/index.html", "/self-hosting/index.html", "/privacy/index.html", "/terms/index.html"]) {
        expect(files).toContain(`${prefix}${page}`);
      }
    }
    expect(files).toContain("/404.html");
  });

  for (const page of pages) {
    it(`${page.file} links only to things that exist`, () => {
      const references = [
        ...attributeValues(page.html, "href"),
        ...attributeValues(page.html, "src"),
        // Every srcset candidate: each browser may pick another one.
        ...attributeValues(page.html, "srcset").flatMap((srcset) => srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")),
        ...attributeValues(page.html, "content").filter((value) => /^https?:\/\//.test(value)),
      ];
      const broken: string[] = [];
      for (const reference of references) {
        const url = new URL(reference, `${siteOrigin}${page.file}`);
        if (url.origin !== siteOrigin) continue; // The inbox and the docs are other sites.
        const samePage = reference.startsWith("#");
        const target = samePage ? page.file : url.pathname;
        if (!samePage && !existsInBuild(target)) broken.push(reference);
        else if (url.hash && url.hash !== "#") {
          const targetFile = samePage ? page.file : target.endsWith("/") ? `${target}index.html` : target;
          if (!ids.get(targetFile)?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(reference);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
