import { describe, expect, it } from "vitest";
import { badgedTitle, shouldAlert, UnseenMessages } from "./new-message-alerts.ts";

describe("badgedTitle", () => {
  it("puts the count in front, replaces an older count and removes it at zero", () => {
    expect(badgedTitle("NexisChat", 3)).toBe("(3) NexisChat");
    expect(badgedTitle("(3) NexisChat", 4)).toBe("(4) NexisChat");
    expect(badgedTitle("(4) NexisChat", 0)).toBe("NexisChat");
    expect(badgedTitle("NexisChat", 0)).toBe("NexisChat");
    expect(badgedTitle("(99+) Inbox", 250)).toBe("(99+) Inbox");
  });

  it("leaves a title that merely starts with brackets alone", () => {
    expect(badgedTitle("(beta) NexisChat", 1)).toBe("(1) (beta) NexisChat");
  });
});

describe("UnseenMessages", () => {
  it("counts each message once and starts over when cleared", () => {
    const unseen = new UnseenMessages();
    expect(unseen.add("m1")).toBe(true);
    expect(unseen.add("m2")).toBe(true);
    expect(unseen.add("m1")).toBe(false);
    expect(unseen.count).toBe(2);
    unseen.clear();
    expect(unseen.count).toBe(0);
    expect(unseen.add("m1")).toBe(true);
  });
});

describe("shouldAlert", () => {
  const now = Date.UTC(2026, 0, 1, 12);
  const inbound = { fromMe: false, timestamp: now / 1000 - 5, deletedAt: null };

  it("alerts for someone else's new message in a chat that is not muted", () => {
    expect(shouldAlert({ message: inbound, chat: { muted: false }, now })).toBe(true);
  });

  it("stays quiet for our own messages, muted chats, deleted and old messages (acks, edits, reactions)", () => {
    expect(shouldAlert({ message: { ...inbound, fromMe: true }, chat: { muted: false }, now })).toBe(false);
    expect(shouldAlert({ message: inbound, chat: { muted: true }, now })).toBe(false);
    expect(shouldAlert({ message: { ...inbound, deletedAt: new Date(now) }, chat: { muted: false }, now })).toBe(false);
    expect(shouldAlert({ message: { ...inbound, timestamp: now / 1000 - 3600 }, chat: { muted: false }, now })).toBe(false);
  });
});
