import { describe, expect, it } from "vitest";
import { snippetSegments } from "./search-snippet.ts";

describe("snippetSegments", () => {
  it("keeps hits apart, collapses line breaks and joins neighbours of the same kind", () => {
    expect(
      snippetSegments([
        { text: "  Where is\nmy ", hit: false },
        { text: "order", hit: true },
        { text: "", hit: false },
        { text: "s", hit: true },
        { text: " now?\u0001 ", hit: false },
      ]),
    ).toEqual([
      { text: "Where is my ", hit: false },
      { text: "orders", hit: true },
      { text: " now?", hit: false },
    ]);
  });

  it("leaves markup as text for React to escape", () => {
    expect(snippetSegments([{ text: "<img src=x onerror=alert(1)>", hit: true }])).toEqual([{ text: "<img src=x onerror=alert(1)>", hit: true }]);
  });
});
