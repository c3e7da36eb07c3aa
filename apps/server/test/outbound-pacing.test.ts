import { afterEach, describe, expect, it, vi } from "vitest";
import { createSendPacing } from "../src/services/outbound/send-pacing.ts";
import { createTypingGate } from "../src/services/outbound/typing-gate.ts";

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("burst pacing of a number's sends", () => {
  it("sends a lone message at once, spaces a burst by the random gap, and leaves again at once after a pause", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const pacing = createSendPacing({ jitterMs: 400 });
    const send = () => pacing.run("number-1", async () => undefined);
    expect(await timed(send)).toBeLessThan(100);
    // Right after: waits half the window (Math.random() = 0.5) after the previous send.
    const second = await timed(send);
    expect(second).toBeGreaterThanOrEqual(190);
    expect(second).toBeLessThan(800);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await timed(send)).toBeLessThan(100);
    // Another number is never held by this one's burst.
    expect(await timed(() => pacing.run("number-2", async () => undefined))).toBeLessThan(100);
  });

  it("runs a number's sends one at a time, in order, and goes on after a failed one", async () => {
    const pacing = createSendPacing({ jitterMs: 0 });
    const order: string[] = [];
    const slow = pacing.run("n", async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("first");
    });
    const failing = pacing.run("n", async () => {
      order.push("second");
      throw new Error("refused");
    });
    const third = pacing.run("n", async () => order.push("third"));
    await slow;
    await expect(failing).rejects.toThrow("refused");
    await third;
    expect(order).toEqual(["first", "second", "third"]);
  });
});

describe("typing gate", () => {
  it("passes a start at most every few seconds, and a stop only while a start is showing", () => {
    const gate = createTypingGate({ repeatMs: 5_000, showingMs: 30_000 });
    expect(gate.shouldSend("chat", false, 0)).toBe(false);
    expect(gate.shouldSend("chat", true, 1_000)).toBe(true);
    expect(gate.shouldSend("chat", true, 3_000)).toBe(false);
    expect(gate.shouldSend("chat", true, 6_500)).toBe(true);
    expect(gate.shouldSend("chat", false, 7_000)).toBe(true);
    expect(gate.shouldSend("chat", false, 7_100)).toBe(false);
    expect(gate.shouldSend("chat", true, 8_000)).toBe(true);
    expect(gate.shouldSend("chat", false, 60_000)).toBe(false);
  });
});
