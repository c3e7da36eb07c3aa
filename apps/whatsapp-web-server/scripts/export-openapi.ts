/**
 * Writes apps/whatsapp-web-server/openapi.json: the document `/docs/json` serves, from an app built
 * in memory (no port, no data dir). The docs site renders its API reference from this file, and a
 * test fails when it is stale:
 *   pnpm --filter whatsapp-web-server openapi:export
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createApp } from "../src/app.ts";
import { silentLogger } from "../src/logger.ts";
import { buildOpenApiDocument } from "../src/openapi/openapi-document.ts";
import { createRuntime } from "../src/runtime.ts";

/** The document as committed: stable key order, two-space indent, trailing newline. */
export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (import.meta.main) {
  const runtime = createRuntime({ dataDir: null, engine: "SANDBOX", browserPath: null, logger: silentLogger });
  const app = createApp({ apiKey: "unused", engine: "SANDBOX", runtime });
  const output = path.join(import.meta.dir, "../openapi.json");
  writeFileSync(output, serializeOpenApi(buildOpenApiDocument(app)));
  await runtime.close();
  console.log(`Wrote ${path.relative(process.cwd(), output)}`);
}
