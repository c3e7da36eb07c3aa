import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getPresence, presenceTtlMs, setPresence, subscribePresence } from "./presence-store.ts";

describe("presence store", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows typing until the contact pauses, and tells subscribers", () => {
    const listener = vi.fn();
    const unsubscribe = subscribePresence(listener);
    setPresence("acc-1", "5511@c.us", "typing");
    expect(getPresence("acc-1", "5511@c.us")).toBe("typing");
    expect(getPresence("acc-2", "5511@c.us")).toBeUndefined();
    setPresence("acc-1", "5511@c.us", "paused");
    expect(getPresence("acc-1", "5511@c.us")).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it("lets a typing indicator expire when no pause ever comes", () => {
    setPresence("acc-1", "5522@c.us", "recording");
    vi.advanceTimersByTime(presenceTtlMs - 1);
    expect(getPresence("acc-1", "5522@c.us")).toBe("recording");
    vi.advanceTimersByTime(1);
    expect(getPresence("acc-1", "5522@c.us")).toBeUndefined();
  });
});
