import { defineConfig, defineDocs } from "fumadocs-mdx/config";

/** The docs collection: every page under content/docs, with its frontmatter and meta.json files. */
export const docs = defineDocs({
  dir: "content/docs",
});

export default defineConfig();
