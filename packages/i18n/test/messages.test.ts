import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { m } from "../src/paraglide/messages.js";
import { locales, baseLocale } from "../src/paraglide/runtime.js";
import { localeNames } from "../src/locales.ts";

const load = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8"));

describe("i18n messages", () => {
  it("compiles the three locales with English as the base", () => {
    expect([...locales].sort()).toEqual(["en", "es", "pt-BR"]);
    expect(baseLocale).toBe("en");
    expect(Object.keys(localeNames).sort()).toEqual([...locales].sort());
  });

  it("has every key of the base locale in every other locale", () => {
    const base = Object.keys(load("en")).sort();
    for (const locale of locales) expect(Object.keys(load(locale)).sort(), locale).toEqual(base);
  });

  it("renders compiled messages, with parameters, in each locale", () => {
    expect(m.home_title({}, { locale: "en" })).toBe("Welcome to NexisChat");
    expect(m.home_title({}, { locale: "pt-BR" })).toBe("Bem-vindo ao NexisChat");
    expect(m.home_title({}, { locale: "es" })).toBe("Bienvenido a NexisChat");
    expect(m.health_error({ message: "timeout" }, { locale: "es" })).toContain("timeout");
  });
});
