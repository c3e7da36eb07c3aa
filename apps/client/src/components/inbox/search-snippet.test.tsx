import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SearchSnippet } from "./search-snippet.tsx";

describe("SearchSnippet", () => {
  it("marks the hits and draws markup in a message as plain text", () => {
    const { container } = render(
      <p>
        <SearchSnippet parts={[{ text: "send the <b>", hit: false }, { text: "<script>alert(1)</script>", hit: true }, { text: " invoice", hit: false }]} />
      </p>,
    );
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect([...container.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["<script>alert(1)</script>"]);
    expect(container.textContent).toBe("send the <b><script>alert(1)</script> invoice");
  });
});
