import { docs } from "fumadocs-mdx:collections/server";
import { loader } from "fumadocs-core/source";
import { i18n } from "@/lib/i18n";

/**
 * Every docs page under content/docs, served at /docs/… (and /pt-br/docs/…, /es/docs/…); feeds
 * the pages, the sidebar of each language and search.
 */
export const source = loader({
  baseUrl: "/docs",
  i18n,
  source: docs.toFumadocsSource(),
});
