import { createFromSource } from "fumadocs-core/search/server";
import { source } from "@/lib/source";

/** Full-text search over every docs page (an in-memory Orama index), used by the search dialog. */
export const { GET } = createFromSource(source, {
  language: "english",
});
