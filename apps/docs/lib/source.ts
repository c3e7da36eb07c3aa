import { docs } from "fumadocs-mdx:collections/server";
import { loader } from "fumadocs-core/source";

/** Every docs page under content/docs, served at /docs/…; feeds the pages, the sidebar and search. */
export const source = loader({
  baseUrl: "/docs",
  source: docs.toFumadocsSource(),
});
