import { createFromSource } from "fumadocs-core/search/server";
import { source } from "@/lib/source";

/**
 * Full-text search over every docs page (an in-memory Orama index, nothing leaves the server),
 * used by the search dialog. Results are filtered by the reader's language (`?locale=`, English
 * when absent).
 */
export const { GET } = createFromSource(source, {
  language: "english",
});
