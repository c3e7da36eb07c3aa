import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fixStringEnums, generateTypes } from "../scripts/generate.ts";

describe("generated types", () => {
  it("match WAHA's OpenAPI document (run `pnpm --filter @nexis/waha-client generate` after updating it)", async () => {
    const committed = await readFile(new URL("../src/generated/waha.ts", import.meta.url), "utf8");
    expect(committed).toBe(await generateTypes());
  }, 60_000);

  it("reads WAHA's object-typed string enums as strings, and only those", () => {
    const document = { a: { type: "object", enum: ["x", "y"] }, b: { type: "object", properties: {} }, c: [{ type: "object", enum: [1] }] };
    expect(fixStringEnums(document)).toBe(1);
    expect(document.a.type).toBe("string");
    expect(document.b.type).toBe("object");
  });
});
