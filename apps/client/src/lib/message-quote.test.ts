import { describe, expect, it } from "vitest";
import { buildQuote, quoteLength, quoteSnippet } from "./message-quote.ts";

const labels = { you: "You", deleted: "This message was deleted", media: "Media", missing: "Earlier message" };
const message = (id: string, fromMe: boolean, body: string | null, deletedAt: string | null = null) => ({ id, fromMe, body, deletedAt });

describe("buildQuote", () => {
  const loaded = new Map([
    ["a", message("a", false, "Where is my\n\norder   #42?")],
    ["b", message("b", true, "On its way")],
    ["c", message("c", false, null)],
    ["d", message("d", false, "gone", "2026-11-29T10:00:00.000Z")],
  ]);

  it("quotes the contact's message with their name and the text on one line", () => {
    expect(buildQuote("a", loaded, "Maria", labels)).toEqual({ id: "a", author: "Maria", snippet: "Where is my order #42?", loaded: true });
  });

  it("names our own messages as You", () => {
    expect(buildQuote("b", loaded, "Maria", labels).author).toBe("You");
  });

  it("says what a message without text or a deleted one is", () => {
    expect(buildQuote("c", loaded, "Maria", labels).snippet).toBe("Media");
    expect(buildQuote("d", loaded, "Maria", labels).snippet).toBe("This message was deleted");
  });

  it("shows what WhatsApp quoted when the original is not loaded or not stored here", () => {
    expect(buildQuote(null, loaded, "Maria", labels, { fromMe: null, body: "Do you ship to Porto?" })).toEqual({ id: "", author: "Maria", snippet: "Do you ship to Porto?", loaded: false });
    expect(buildQuote("zzz", loaded, "Maria", labels, { fromMe: true, body: "Yes, in 2 days" })).toMatchObject({ author: "You", snippet: "Yes, in 2 days", loaded: false });
    // The loaded original wins: it may have been edited or deleted since.
    expect(buildQuote("d", loaded, "Maria", labels, { fromMe: false, body: "old text" }).snippet).toBe("This message was deleted");
  });

  it("stands in for an original that is not loaded, with nothing to scroll to", () => {
    expect(buildQuote("zzz", loaded, "Maria", labels)).toEqual({ id: "zzz", author: "Maria", snippet: "Earlier message", loaded: false });
  });
});

describe("quoteSnippet", () => {
  it("shortens long texts with an ellipsis", () => {
    const snippet = quoteSnippet({ body: "word ".repeat(100), deletedAt: null }, labels);
    expect(snippet.length).toBeLessThanOrEqual(quoteLength);
    expect(snippet.endsWith("…")).toBe(true);
  });
});
