import { describe, expect, it } from "vitest";
import { matchTemplates } from "./template-match.ts";

const templates = [
  { name: "Greeting", shortcut: "hi" },
  { name: "Order status", shortcut: "order" },
  { name: "Thanks", shortcut: null },
];

describe("matchTemplates", () => {
  it("matches a shortcut prefix or a name substring, case-insensitively", () => {
    expect(matchTemplates(templates, "h").map((template) => template.name)).toEqual(["Greeting", "Thanks"]);
    expect(matchTemplates(templates, "ORD").map((template) => template.name)).toEqual(["Order status"]);
  });

  it("lists every template for a bare slash", () => {
    expect(matchTemplates(templates, "")).toHaveLength(3);
  });
});
