import { describe, expect, test } from "bun:test";
import { retryDelayMs } from "./retry-policy.ts";

describe("retryDelayMs", () => {
  test("follows WAHA's policies", () => {
    const delays = (policy: "linear" | "exponential" | "constant") =>
      [1, 2, 3, 4].map((retry) => retryDelayMs({ delaySeconds: 2, attempts: 4, policy }, retry));
    expect(delays("constant")).toEqual([2000, 2000, 2000, 2000]);
    expect(delays("linear")).toEqual([2000, 4000, 6000, 8000]);
    expect(delays("exponential")).toEqual([2000, 4000, 8000, 16000]);
  });

  test("stops after `attempts` retries", () => {
    expect(retryDelayMs({ attempts: 3 }, 3)).not.toBeNull();
    expect(retryDelayMs({ attempts: 3 }, 4)).toBeNull();
    expect(retryDelayMs({ attempts: 0 }, 1)).toBeNull();
  });

  test("defaults to 15 linear retries 2 s apart", () => {
    expect(retryDelayMs(null, 1)).toBe(2000);
    expect(retryDelayMs(undefined, 3)).toBe(6000);
    expect(retryDelayMs(null, 15)).toBe(30000);
    expect(retryDelayMs(null, 16)).toBeNull();
  });
});
