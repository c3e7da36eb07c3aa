import { describe, expect, test } from "bun:test";
import { defaultSandboxOptions, resolveSandboxOptions } from "./sandbox-options.ts";
import { simulatedPhoneNumber } from "./simulated-phone.ts";

describe("resolveSandboxOptions", () => {
  test("keeps WhatsApp's timings by default and scales them", () => {
    expect(resolveSandboxOptions()).toEqual(defaultSandboxOptions);
    expect(resolveSandboxOptions(0.01)).toEqual({
      startDelayMs: 5,
      qrRotationMs: 200,
      qrMaxRotations: 6,
      ackDelaysMs: { server: 3, device: 10, read: 30 },
      contactDelaysMs: { typing: 10, reply: 25, reaction: 15 },
      chatHistory: true,
    });
    expect(resolveSandboxOptions(1, { qrMaxRotations: 2 }).qrMaxRotations).toBe(2);
  });
});

describe("simulatedPhoneNumber", () => {
  test("is a stable fictional number per session name", () => {
    expect(simulatedPhoneNumber("default")).toBe(simulatedPhoneNumber("default"));
    expect(simulatedPhoneNumber("default")).not.toBe(simulatedPhoneNumber("other"));
    expect(simulatedPhoneNumber("default")).toMatch(/^1555\d{7}$/);
  });
});
