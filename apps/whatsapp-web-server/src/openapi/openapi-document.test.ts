import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { serializeOpenApi } from "../../scripts/export-openapi.ts";
import { createTestApp, request } from "../test-helpers.ts";
import wahaRoutes from "../waha/routes.json" with { type: "json" };
import { EXTENSION_TAG } from "./extension-operations.ts";

type Operation = { tags?: string[]; summary?: string; security?: unknown[] };
type Document = { paths: Record<string, Record<string, Operation>>; tags: Array<{ name: string }>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

async function served() {
  const app = createTestApp();
  const response = await request(app, "/docs/json");
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

const operations = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation })));

describe("/docs", () => {
  test("the page and the document are served without the key, the page with no CDN", async () => {
    const app = createTestApp();
    const page = await request(app, "/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/docs/docs.js"></script>');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const script = await (await request(app, "/docs/docs.js")).text();
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toContain("innerHTML");
  });

  test("documents every served route: WAHA's by their WAHA tag, ours as extensions, no 501 route", async () => {
    const document = await served();
    const all = operations(document);
    const waha = new Set(wahaRoutes.routes.map((route) => `${route.method} ${route.path}`));
    for (const { key, path, operation } of all) {
      expect(operation.tags?.length, key).toBe(1);
      if (path.startsWith("/api/sandbox/") || path.startsWith("/api/x/")) {
        expect(operation.tags, key).toEqual([EXTENSION_TAG]);
        expect(operation.summary, key).toBeTruthy();
      }
      if (waha.has(key)) expect(operation.tags?.[0], key).not.toBe(EXTENSION_TAG);
      if (path.startsWith("/api/")) expect(operation.security, key).toEqual([{ apiKey: [] }]);
    }
    const keys = all.map((entry) => entry.key);
    expect(keys).toContain("POST /api/sendImage");
    expect(keys).toContain("POST /api/sandbox/{session}/scan");
    expect(keys).not.toContain("POST /api/sendPoll");
    expect(document.paths["/api/sendText"]?.post?.tags).toEqual(["📤 Chatting"]);
    expect(document.components.schemas.SessionConfig?.properties?.engine).toMatchObject({ "x-nexischat-extension": true });
    // Every reference resolves within the document.
    const refs = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(refs.filter((name) => !(name in document.components.schemas))).toEqual([]);
  });

  test("the committed openapi.json is the served document (run `pnpm openapi:export` when this fails)", async () => {
    const committed = readFileSync(path.join(import.meta.dir, "../../openapi.json"), "utf8");
    expect(committed).toBe(serializeOpenApi(await served()));
  });
});
