import { docs } from "fumadocs-mdx:collections/server";
import { loader } from "fumadocs-core/source";
import { i18n } from "@/lib/i18n";
import { openapi, tagPages } from "@/lib/openapi";

/**
 * Every docs page, served at /docs/… (and /pt-br/docs/…, /es/docs/…): the MDX pages under
 * content/docs and one page per tag of the WhatsApp service's OpenAPI document, under
 * /docs/api/whatsapp/. Feeds the pages, the sidebar of each language and search.
 */
export const source = loader(
  {
    docs: docs.toFumadocsSource(),
    openapi: await openapi.staticSource({ per: "custom", toPages: tagPages, baseDir: "api/whatsapp" }),
  },
  {
    baseUrl: "/docs",
    i18n,
    plugins: [openapi.loaderPlugin()],
  },
);
