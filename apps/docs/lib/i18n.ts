import { defineI18n } from "fumadocs-core/i18n";

/**
 * The docs' languages. English is served without a prefix (`/docs`), the others under their code
 * (`/pt-br/docs`, `/es/docs`), as on the landing site. A page without a translation falls back to
 * English; translations sit beside it as `index.pt-br.mdx`.
 */
export const i18n = defineI18n({
  defaultLanguage: "en",
  languages: ["en", "pt-br", "es"],
  hideLocale: "default-locale",
  parser: "dot",
});

export type DocsLanguage = (typeof i18n.languages)[number];

/** The BCP 47 tag for `<html lang>`. */
export const htmlLang: Record<DocsLanguage, string> = { en: "en", "pt-br": "pt-BR", es: "es" };

/** Where a language's docs start. */
export function docsHome(lang: string): string {
  return lang === i18n.defaultLanguage ? "/docs" : `/${lang}/docs`;
}
