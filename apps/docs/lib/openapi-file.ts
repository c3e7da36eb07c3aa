import path from "node:path";
import { findRepoRoot } from "./env-reference";

/**
 * The WhatsApp service's own OpenAPI document (the WAHA routes it serves, plus our extensions),
 * read at build time from the repository, never copied by hand.
 */
export const whatsappOpenapiFile = path.join(/*turbopackIgnore: true*/ findRepoRoot(), "apps/whatsapp-web-server/openapi.json");
