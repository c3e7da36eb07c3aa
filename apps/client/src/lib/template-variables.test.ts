import { describe, expect, it } from "vitest";
import { templateParts, templateVariables } from "./template-variables.ts";

describe("template variables", () => {
  it("lists each variable once, in order", () => {
    expect(templateVariables("Hi {{contact.name}}, order {{order}} for {{ contact.name }}")).toEqual(["contact.name", "order"]);
  });

  it("splits the body for the highlighted preview", () => {
    expect(templateParts("Hi {{contact.name}}!")).toEqual([
      { text: "Hi ", variable: false },
      { text: "{{contact.name}}", variable: true },
      { text: "!", variable: false },
    ]);
  });
});
