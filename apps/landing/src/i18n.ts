/**
 * The landing site's locales and localised URLs: English at `/`, Portuguese under `/pt-br/`,
 * Spanish under `/es/`. Strings come from `@nexis/i18n`; pages pass the locale explicitly
 * (`m.key({}, { locale })`), since the shared Paraglide strategy reads cookies, not URLs.
 */
import { localeNames } from "@nexis/i18n/locales";
import { baseLocale, locales, type Locale } from "@nexis/i18n/runtime";
import { landingEnv } from "./env.ts";

export type { Locale };
export { baseLocale, localeNames, locales };

/** Each locale's first path segment; the base locale has none. */
const pathSegments: Record<Locale, string | undefined> = { en: undefined, "pt-BR": "pt-br", es: "es" };

/** Open Graph wants language_TERRITORY. */
export const ogLocales: Record<Locale, string> = { en: "en_US", "pt-BR": "pt_BR", es: "es_ES" };

/**
 * `getStaticPaths()` for a page under `src/pages/[...lang]/`: one copy per locale, with the
 * locale as a prop (`lang` is undefined for English, so it lands at the root).
 */
export function localeStaticPaths() {
  return locales.map((locale) => ({ params: { lang: pathSegments[locale] }, props: { locale } }));
}

/**
 * A site path in a locale: `/self-hosting/` becomes `/pt-br/self-hosting/`. Paths end in a slash,
 * as the built folders (`self-hosting/index.html`) and the sitemap do.
 */
export function localePath(locale: Locale, path = "/"): string {
  const segment = pathSegments[locale];
  return segment ? `/${segment}${path}` : path;
}

/** The absolute URL of a site path in a locale, for canonical, hreflang and Open Graph. */
export function localeUrl(locale: Locale, path = "/"): string {
  return new URL(localePath(locale, path), landingEnv.siteUrl).href;
}

/**
 * A docs page in the visitor's language: the docs site serves English at PUBLIC_DOCS_URL
 * (`…/docs`) and the other languages under the same prefixes as this site (`…/pt-br/docs`).
 */
export function localeDocsUrl(locale: Locale, page = ""): string {
  const url = new URL(landingEnv.docsUrl);
  const segment = pathSegments[locale];
  if (segment) url.pathname = `/${segment}${url.pathname}`;
  return `${url.href.replace(/\/+$/, "")}${page}`;
}
