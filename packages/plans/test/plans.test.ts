import { describe, expect, it } from "vitest";
import { getPlan, limitKeys, planAllowing, planList, plans, withinLimit } from "../src/index.ts";

describe("plan catalogue", () => {
  it("lists Free, Pro and Business in ascending price with growing limits", () => {
    expect(planList.map((plan) => plan.id)).toEqual(["free", "pro", "business"]);
    for (let index = 1; index < planList.length; index++) {
      const [cheaper, dearer] = [planList[index - 1], planList[index]];
      if (!cheaper || !dearer) throw new Error("plan list has holes");
      expect(dearer.priceCents.month).toBeGreaterThan(cheaper.priceCents.month);
      for (const key of limitKeys) {
        const [low, high] = [cheaper.limits[key], dearer.limits[key]];
        if (high !== null) expect(high).toBeGreaterThan(low ?? Infinity);
      }
    }
  });

  it("prices a year below twelve months", () => {
    for (const plan of planList) expect(plan.priceCents.year).toBeLessThanOrEqual(plan.priceCents.month * 12);
  });

  it("checks limits, with null as unlimited", () => {
    expect(withinLimit(plans.free, "accounts", 0)).toBe(true);
    expect(withinLimit(plans.free, "accounts", 1)).toBe(false);
    expect(withinLimit(plans.business, "templates", 1_000_000)).toBe(true);
  });

  it("falls back to Free for an unknown plan and suggests the next plan that fits", () => {
    expect(getPlan("gold").id).toBe("free");
    expect(getPlan(null).id).toBe("free");
    expect(planAllowing("accounts", 1)?.id).toBe("pro");
    expect(planAllowing("accounts", 10_000)).toBeUndefined();
  });
});
