import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Document, PagesBuilder } from "fumadocs-openapi";
import { createOpenAPI } from "fumadocs-openapi/server";
import { whatsappOpenapiFile } from "@/lib/openapi-file";
import { slugifyTag, tagDescription, tagTitle } from "@/lib/openapi-tags";

export { extensionTag, slugifyTag } from "@/lib/openapi-tags";
export { whatsappOpenapiFile };

if (!existsSync(/*turbopackIgnore: true*/ whatsappOpenapiFile)) {
  throw new Error(`The WhatsApp service's OpenAPI document is missing: ${whatsappOpenapiFile}`);
}

/** Where the service listens by default (`WHATSAPP_PORT`), for the code samples' URLs. */
const defaultServer = { url: "http://localhost:8788", description: "The WhatsApp service on this machine" };

/**
 * The document as the service ships it; when it names no server, the samples point at the default
 * local one rather than at example.com.
 */
async function loadWhatsappDocument(): Promise<Document> {
  const document = JSON.parse(await readFile(/*turbopackIgnore: true*/ whatsappOpenapiFile, "utf8")) as Document;
  return document.servers?.length ? document : { ...document, servers: [defaultServer] };
}

/** The OpenAPI server: `staticSource()` turns the document into docs pages at build time. */
export const openapi = createOpenAPI({
  input: { whatsapp: loadWhatsappDocument },
});

/**
 * One page per tag of the document, as Fumadocs' `per: "tag"` does, with titles and URLs readers
 * can use: "🖥️ Sessions" becomes the page "Sessions" at `sessions`.
 */
export function tagPages(builder: PagesBuilder): void {
  const { operations, webhooks } = builder.extract();
  for (const tag of builder.document.tags ?? []) {
    const name = tag.name;
    if (!name) continue;
    builder.create({
      type: "page",
      path: `${slugifyTag(name)}.mdx`,
      schemaId: builder.id,
      info: { title: tagTitle(name), description: tagDescription(tag.description) },
      operations: operations.filter((operation) => operation.tags?.includes(name)),
      webhooks: webhooks.filter((webhook) => webhook.tags?.includes(name)),
      tag,
    });
  }
}
