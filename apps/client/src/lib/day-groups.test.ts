import { describe, expect, it } from "vitest";
import { groupByDay, relativeDay } from "./day-groups.ts";

const at = (year: number, month: number, day: number, hour: number) => ({ timestamp: new Date(year, month - 1, day, hour).getTime() / 1000 });

describe("groupByDay", () => {
  it("groups newest-first pages into local days, oldest first", () => {
    const messages = [at(2026, 11, 29, 9), at(2026, 11, 28, 23), at(2026, 11, 29, 8), at(2026, 11, 28, 0)];
    const groups = groupByDay(messages);
    expect(groups.map((group) => group.day)).toEqual(["2026-11-28", "2026-11-29"]);
    expect(groups[0]?.items).toEqual([at(2026, 11, 28, 0), at(2026, 11, 28, 23)]);
    expect(groups[1]?.items).toEqual([at(2026, 11, 29, 8), at(2026, 11, 29, 9)]);
  });

  it("returns no groups for no messages", () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe("relativeDay", () => {
  const now = new Date(2026, 10, 29, 12);
  it("names today and yesterday", () => {
    expect(relativeDay(new Date(2026, 10, 29), now)).toBe("today");
    expect(relativeDay(new Date(2026, 10, 28), now)).toBe("yesterday");
    expect(relativeDay(new Date(2026, 10, 20), now)).toBe("other");
  });
});
