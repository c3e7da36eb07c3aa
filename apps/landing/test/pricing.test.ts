import { readFileSync } from "node:fs";
import path from "node:path";
import { planCurrency, planList } from "@nexis/plans";
import { describe, expect, it } from "vitest";
import { assertBuilt, attributeValues, distDir } from "./built-site.ts";

const read = (file: string) => readFileSync(path.join(distDir, file), "utf8");

/** Written out here rather than imported from src/pricing.ts, so a formatting bug there fails. */
const price = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: "currency",
    currency: planCurrency,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);

/** One plan's card in a built page: from its tag to the next card, or for the last, to the end of the grid. */
function planCard(html: string, planId: string): string {
  const start = html.indexOf(`data-plan="${planId}"`);
  expect(start, `card for ${planId}`).toBeGreaterThan(-1);
  const next = html.indexOf("data-plan=", start + 1);
  return html.slice(start, next === -1 ? html.indexOf("</ul>", html.indexOf("plan-action", start)) : next);
}

const pages = [
  { locale: "en", files: ["index.html", "pricing/index.html"] },
  { locale: "pt-BR", files: ["pt-br/index.html", "pt-br/pricing/index.html"] },
  { locale: "es", files: ["es/index.html", "es/pricing/index.html"] },
];

describe("landing: pricing from the plan catalogue", () => {
  assertBuilt();

  for (const { locale, files } of pages) {
    for (const file of files) {
      it(`${file} shows every plan's monthly and yearly price`, () => {
        const html = read(file);
        for (const plan of planList) {
          const card = planCard(html, plan.id);
          expect(card).toContain(`>${plan.name}</h3>`);
          expect(card).toContain(`<span class="plan-amount">${price(plan.priceCents.month, locale)}</span>`);
          expect(card).toContain(`<span class="plan-amount">${price(plan.priceCents.year, locale)}</span>`);
        }
      });
    }

    it(`/${locale} pricing page compares every plan's prices and limits`, () => {
      const html = read(files[1] ?? "");
      const table = html.slice(html.indexOf('<table class="comparison"'), html.indexOf("</table>"));
      for (const plan of planList) {
        expect(table).toContain(`>${plan.name}</th>`);
        expect(table).toContain(`<td>${price(plan.priceCents.month, locale)}</td>`);
        for (const limit of Object.values(plan.limits)) {
          if (limit !== null) expect(table).toContain(`<td>${new Intl.NumberFormat(locale).format(limit)}</td>`);
        }
      }
    });
  }

  it("sends each plan's call to action to the subscription portal, per billing period", () => {
    const links = attributeValues(read("pricing/index.html"), "href").filter((href) => href.includes("/pricing?plan="));
    const expected = planList.flatMap((plan) => [`plan=${plan.id}&interval=month`, `plan=${plan.id}&interval=year`]);
    expect(links.map((href) => new URL(href).search.slice(1))).toEqual(expected);
  });

  it("writes Unlimited where the catalogue has no limit", () => {
    const unlimited = planList.filter((plan) => Object.values(plan.limits).includes(null));
    expect(unlimited.length).toBeGreaterThan(0);
    for (const plan of unlimited) expect(planCard(read("index.html"), plan.id)).toContain("<dd>Unlimited</dd>");
  });
});
