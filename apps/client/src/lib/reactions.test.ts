import { describe, expect, it } from "vitest";
import { groupReactions, nextReaction, withMyReaction } from "./reactions.ts";

describe("groupReactions", () => {
  it("gives one chip per emoji with its count, most used first, ours marked", () => {
    const groups = groupReactions({ "5511@c.us": "❤️", me: "👍", "5522@c.us": "👍", "5533@c.us": "" });
    expect(groups).toEqual([
      { emoji: "👍", count: 2, mine: true },
      { emoji: "❤️", count: 1, mine: false },
    ]);
  });

  it("is empty without reactions", () => {
    expect(groupReactions({})).toEqual([]);
    expect(groupReactions(null)).toEqual([]);
  });
});

describe("nextReaction and withMyReaction", () => {
  it("picking our current emoji takes it away; another one replaces it", () => {
    expect(nextReaction({ me: "👍" }, "👍")).toBe("");
    expect(nextReaction({ me: "👍" }, "❤️")).toBe("❤️");
    expect(nextReaction({}, "👍")).toBe("👍");
  });

  it("changes only our own reaction", () => {
    expect(withMyReaction({ me: "👍", "5511@c.us": "😂" }, "❤️")).toEqual({ me: "❤️", "5511@c.us": "😂" });
    expect(withMyReaction({ me: "👍", "5511@c.us": "😂" }, "")).toEqual({ "5511@c.us": "😂" });
  });
});
