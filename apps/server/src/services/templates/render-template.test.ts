import { describe, expect, it } from "vitest";
import { renderTemplate, templateVariables } from "./render-template.ts";

describe("renderTemplate", () => {
  it("fills built-in and custom variables, spaces inside braces allowed", () => {
    const result = renderTemplate("Hi {{contact.name}}, I'm {{ agent.name }}. Order {{order}}.", {
      "contact.name": "Ana",
      "agent.name": "Bo",
      order: "#42",
    });
    expect(result).toEqual({ text: "Hi Ana, I'm Bo. Order #42.", variables: ["contact.name", "agent.name", "order"], missing: [] });
  });

  it("keeps and reports variables without a value, each once", () => {
    const result = renderTemplate("{{a}} {{b}} {{a}}", { a: " ", b: "x" });
    expect(result).toEqual({ text: "{{a}} x {{a}}", variables: ["a", "b"], missing: ["a"] });
  });

  it("treats values literally (no nested expansion, no $ patterns)", () => {
    expect(renderTemplate("{{a}}", { a: "$& {{b}}", b: "no" }).text).toBe("$& {{b}}");
  });

  it("ignores things that are not variables", () => {
    expect(templateVariables("{{}} {{ 1x }} {single} {{ok_1}}")).toEqual(["ok_1"]);
  });
});
