/**
 * Writes src/waha/routes.json: the method and path of every operation in WAHA's OpenAPI document.
 * The service answers the ones it does not implement yet with 501 instead of 404, so a WAHA client
 * can tell "not built yet" from "wrong URL". Run it again when the pinned WAHA version changes:
 *   bun scripts/extract-waha-routes.ts ../../../shared/waha/openapi.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const methods = ["get", "post", "put", "patch", "delete"] as const;

const source = process.argv[2];
if (!source) {
  console.error("Usage: bun scripts/extract-waha-routes.ts <path to WAHA openapi.json>");
  process.exit(1);
}

const document = JSON.parse(readFileSync(source, "utf8")) as {
  info: { version: string };
  paths: Record<string, Partial<Record<(typeof methods)[number], unknown>>>;
};

const routes = Object.entries(document.paths).flatMap(([routePath, operations]) =>
  methods.filter((method) => method in operations).map((method) => ({ method: method.toUpperCase(), path: routePath })),
);

const output = path.join(import.meta.dir, "../src/waha/routes.json");
writeFileSync(output, `${JSON.stringify({ wahaVersion: document.info.version, routes }, null, 2)}\n`);
console.log(`Wrote ${routes.length} WAHA routes (WAHA ${document.info.version}) to ${path.relative(process.cwd(), output)}`);
