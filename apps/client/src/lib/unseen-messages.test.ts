import { describe, expect, it } from "vitest";
import { markOf, unseenSince } from "./unseen-messages.ts";

const message = (id: string, timestamp: number, fromMe = false, type = "chat") => ({ id, timestamp, fromMe, type });

describe("unseenSince", () => {
  const before = [message("b", 100), message("a", 90)];
  const mark = markOf(before);

  it("counts the contacts' messages that arrived after the mark", () => {
    if (!mark) throw new Error("no mark");
    expect(unseenSince(before, mark)).toBe(0);
    const after = [message("e", 130), message("d", 120, true), message("c", 110), ...before];
    expect(unseenSince(after, mark)).toBe(2);
  });

  it("leaves out system lines, and breaks ties in the same second by id", () => {
    if (!mark) throw new Error("no mark");
    expect(unseenSince([message("c", 100), message("s", 105, false, "system"), ...before].sort((x, y) => y.timestamp - x.timestamp || y.id.localeCompare(x.id)), mark)).toBe(1);
  });

  it("has no mark for an empty thread", () => {
    expect(markOf([])).toBeNull();
  });
});
