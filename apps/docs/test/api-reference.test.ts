import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../lib/env-reference.ts";
import { whatsappOpenapiFile } from "../lib/openapi-file.ts";
import { extensionTag, slugifyTag } from "../lib/openapi-tags.ts";
import { describeType, groupProcedures, inputFields, loadProcedures } from "../lib/procedures.ts";

const repoRoot = findRepoRoot(fileURLToPath(new URL(".", import.meta.url)));
const appDir = fileURLToPath(new URL("../.next/server/app/", import.meta.url));
const built = (route: string) => readFileSync(path.join(appDir, `${route}.html`), "utf8");

describe("docs: the tRPC procedure list", () => {
  const procedures = loadProcedures(path.join(repoRoot, "apps/server/procedures.json"));

  it("reads the list the server exports, sorted by path", () => {
    const paths = procedures.map((procedure) => procedure.path);
    expect(paths).toEqual(expect.arrayContaining(["health", "getAccounts"]));
    expect(paths).toEqual([...paths].sort());
    for (const procedure of procedures) expect(["query", "mutation", "subscription"]).toContain(procedure.type);
  });

  it("groups by router, the root router's own procedures first", () => {
    const groups = groupProcedures([
      { path: "tag.list", type: "query", input: null },
      { path: "health", type: "query", input: null },
      { path: "account.get", type: "query", input: null },
    ]);
    expect(groups.map((group) => group.router)).toEqual([null, "account", "tag"]);
  });

  it("describes object inputs field by field", () => {
    const fields = inputFields({
      type: "object",
      properties: {
        email: { type: "string", format: "email", maxLength: 254 },
        role: { type: "string", enum: ["owner", "admin", "agent"] },
        note: { anyOf: [{ type: "string" }, { type: "null" }] },
      },
      required: ["email", "role"],
    });
    expect(fields).toEqual([
      { name: "email", type: "string", required: true, notes: ["email", "0–254 characters"], description: undefined },
      { name: "role", type: '"owner" | "admin" | "agent"', required: true, notes: [], description: undefined },
      { name: "note", type: "string | null", required: false, notes: [], description: undefined },
    ]);
    expect(describeType({ type: "array", items: { type: "string" } })).toBe("string[]");
    expect(inputFields({ type: "string" })).toBeNull();
  });

  it("renders every exported procedure on the API (tRPC) page", () => {
    const html = built("en/docs/api/trpc");
    for (const procedure of procedures) expect(html, procedure.path).toContain(`data-procedure="${procedure.path}"`);
  });
});

describe("docs: the WhatsApp service API reference", () => {
  const document = JSON.parse(readFileSync(whatsappOpenapiFile, "utf8")) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  const operations = Object.values(document.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ["get", "put", "post", "delete", "patch"].includes(method))
      .map(([, operation]) => operation),
  );
  const pages = [...new Set(operations.flatMap((operation) => operation.tags ?? []))].map(slugifyTag);

  it("has a page for every tag of the service's OpenAPI document", () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(existsSync(path.join(appDir, `en/docs/api/whatsapp/${page}.html`)), page).toBe(true);
  });

  it("marks each operation as WAHA-compatible or as a NexisChat extension", () => {
    const marks = pages.flatMap((page) => [...built(`en/docs/api/whatsapp/${page}`).matchAll(/data-api-origin="(waha|extension)"/g)].map((match) => match[1]));
    const extensions = operations.filter((operation) => operation.tags?.includes(extensionTag)).length;
    // An operation with several tags shows on each of their pages.
    expect(marks.length).toBeGreaterThanOrEqual(operations.length);
    expect(marks.filter((mark) => mark === "extension").length).toBeGreaterThanOrEqual(extensions);
  });
});
