import { describe, expect, it } from "vitest";
import { commonEmoji, insertAtSelection } from "./emoji.ts";

describe("insertAtSelection", () => {
  it("inserts at the caret and puts the caret after the emoji", () => {
    expect(insertAtSelection("Hi there", 2, 2, "👋")).toEqual({ text: "Hi👋 there", caret: 4 });
  });
  it("replaces a selection", () => {
    expect(insertAtSelection("I love it", 2, 6, "❤️")).toEqual({ text: "I ❤️ it", caret: 4 });
  });
  it("clamps a caret past the end", () => {
    expect(insertAtSelection("ok", 9, 9, "👍")).toEqual({ text: "ok👍", caret: 4 });
  });
});

describe("commonEmoji", () => {
  it("is a compact grid of distinct emoji", () => {
    expect(commonEmoji.length).toBe(40);
    expect(new Set(commonEmoji).size).toBe(commonEmoji.length);
  });
});
