import { describe, expect, it } from "vitest";
import { insertTemplate, slashQuery } from "./template-insert.ts";

describe("insertTemplate", () => {
  it("replaces the slash command being typed with the rendered template", () => {
    expect(insertTemplate("Hi /gre", 7, "Hello Ana!")).toEqual({ text: "Hi Hello Ana!", caret: 13 });
  });

  it("replaces a bare slash at the start", () => {
    expect(insertTemplate("/", 1, "Thanks")).toEqual({ text: "Thanks", caret: 6 });
  });

  it("inserts at the caret and keeps the text after it", () => {
    expect(insertTemplate("Dear , bye", 5, "Ana")).toEqual({ text: "Dear Ana, bye", caret: 8 });
  });

  it("does not treat a slash inside a word (a URL) as a command", () => {
    expect(insertTemplate("see a/b", 7, "!")).toEqual({ text: "see a/b!", caret: 8 });
  });
});

describe("slashQuery", () => {
  it("reads what follows the slash before the caret", () => {
    expect(slashQuery("Hi /ord", 7)).toBe("ord");
    expect(slashQuery("/", 1)).toBe("");
    expect(slashQuery("no command", 10)).toBeNull();
    expect(slashQuery("a/b", 3)).toBeNull();
  });
});
