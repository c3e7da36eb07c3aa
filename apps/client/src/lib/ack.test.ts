import { describe, expect, it } from "vitest";
import { ackState } from "./ack.ts";

describe("ackState", () => {
  it("maps WhatsApp's ack numbers to the ticks drawn", () => {
    expect([-1, 0, 1, 2, 3, 4].map(ackState)).toEqual(["failed", "pending", "sent", "delivered", "read", "read"]);
  });

  it("treats a missing ack as pending", () => {
    expect(ackState(null)).toBe("pending");
    expect(ackState(undefined)).toBe("pending");
  });
});
