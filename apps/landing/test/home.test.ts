import { readFileSync } from "node:fs";
import path from "node:path";
import { m } from "@nexis/i18n/messages";
import { describe, expect, it } from "vitest";
import { assertBuilt, distDir } from "./built-site.ts";

const read = (file: string) => readFileSync(path.join(distDir, file), "utf8");

/** A built section's text, tags dropped and the few entities Astro writes decoded. */
function sectionText(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  const section = html.slice(start, html.indexOf("</section>", start));
  return section
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}

const plain = (message: string) => message.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

const homes = [
  { locale: "en", file: "index.html" },
  { locale: "pt-BR", file: "pt-br/index.html" },
  { locale: "es", file: "es/index.html" },
] as const;

describe("landing: the home page's how it works and FAQ", () => {
  assertBuilt();

  for (const { locale, file } of homes) {
    it(`${file} shows the three steps in ${locale}`, () => {
      const html = read(file);
      const steps = html.slice(html.indexOf('<ol class="step-grid">'), html.indexOf("</ol>", html.indexOf('<ol class="step-grid">')));
      expect(steps.match(/<li /g)).toHaveLength(3);
      const text = sectionText(html, "how-it-works");
      for (const message of [m.landing_steps_title, m.landing_step_link_title, m.landing_step_invite_title, m.landing_step_answer_title]) {
        expect(text).toContain(plain(message({}, { locale })));
      }
    });

    it(`${file} answers the FAQ in ${locale}, with no JavaScript`, () => {
      const html = read(file);
      const text = sectionText(html, "faq");
      const pairs = [
        [m.landing_faq_self_host_q, m.landing_faq_self_host_a],
        [m.landing_faq_sandbox_q, m.landing_faq_sandbox_a],
        [m.landing_faq_engines_q, m.landing_faq_engines_a],
        [m.landing_faq_data_q, m.landing_faq_data_a],
        [m.landing_faq_plans_q, m.landing_faq_plans_a],
        [m.landing_faq_languages_q, m.landing_faq_languages_a],
      ] as const;
      for (const [question, answer] of pairs) {
        expect(text).toContain(plain(question({}, { locale })));
        expect(text).toContain(plain(answer({}, { locale })));
      }
      expect(html.match(/<details class="faq-item"/g)).toHaveLength(pairs.length);
    });
  }
});

describe("landing: the hero's inbox screenshot", () => {
  assertBuilt();

  for (const { locale, file } of homes) {
    it(`${file} shows it eagerly, sized, in AVIF and WebP, light and dark, with a ${locale} alt text`, () => {
      const html = read(file);
      const hero = html.slice(html.indexOf('<div class="inbox-screenshot">'), html.indexOf("</section>", html.indexOf('<div class="inbox-screenshot">')));
      const [first, ...overrides] = hero.split("<picture").slice(1);
      const image = /<img\b[^>]*>/.exec(first ?? "")?.[0] ?? "";
      expect(image).toContain('loading="eager"');
      expect(image).toContain('fetchpriority="high"');
      expect(image).toMatch(/ width="1280" height="800"/);
      expect(image).toContain(`alt="${m.landing_hero_screenshot_alt({}, { locale })}"`);
      expect(first).toMatch(/<source media="\(max-width: 640px\) and \(prefers-color-scheme: dark\)" type="image\/avif"[^>]* width="390" height="800"/);
      expect(first).toMatch(/<source media="\(prefers-color-scheme: dark\)" type="image\/avif" srcset="[^"]*-dark\.[^"]*1280w"/);
      expect(first).toMatch(/<source type="image\/webp" srcset="[^"]*-light\.[^"]*640w/);
      // The other theme's pictures, for a visitor whose stored pick goes against the system's, wait until shown.
      expect(overrides.map((picture) => /data-theme-override="(\w+)"/.exec(picture)?.[1])).toEqual(["light", "dark"]);
      for (const picture of overrides) expect(picture).toContain('loading="lazy"');
    });
  }
});
