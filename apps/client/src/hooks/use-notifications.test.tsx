import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setNotificationsEnabled } from "../lib/notification-prefs.ts";
import { fakeApi } from "../test-support/fake-api.tsx";
import { useNotifications } from "./use-notifications.ts";

const chatId = "00000000-0000-4000-8000-000000000001";
const text = "the secret order number is 4471";
const shown: { title: string; options?: NotificationOptions }[] = [];

class FakeNotification {
  static permission: NotificationPermission = "granted";
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, options });
  }
  close() {}
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
}

function setup(messages: Record<string, { fromMe: boolean; ageSeconds?: number }>, chat: { muted?: boolean } = {}) {
  const api = fakeApi({
    "message.get": (input) => {
      const { id } = input as { id: string };
      const message = messages[id];
      if (!message) throw new Error("Message not found");
      return { id, chatId, fromMe: message.fromMe, body: text, timestamp: Math.floor(Date.now() / 1000) - (message.ageSeconds ?? 1), deletedAt: null };
    },
    "chat.get": () => ({ id: chatId, name: "Ana Souza", waChatId: "5511@c.us", contact: null, muted: chat.muted ?? false }),
  });
  const { result } = renderHook(() => useNotifications(), { wrapper: api.wrapper });
  const arrive = (messageId: string) => act(() => result.current({ type: "message", chatId, messageId }));
  return { arrive, api };
}

describe("useNotifications", () => {
  beforeEach(() => {
    shown.length = 0;
    document.title = "NexisChat";
    vi.stubGlobal("Notification", FakeNotification);
    setNotificationsEnabled(true);
    setHidden(true);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setHidden(false);
    setNotificationsEnabled(false);
  });

  it("counts new inbound messages in the title and notifies with the chat's name, never the text", async () => {
    const { arrive } = setup({ m1: { fromMe: false }, m2: { fromMe: false } });
    arrive("m1");
    await waitFor(() => expect(document.title).toBe("(1) NexisChat"));
    expect(shown).toEqual([{ title: "Ana Souza", options: expect.objectContaining({ body: "New message", tag: chatId }) }]);
    expect(JSON.stringify(shown)).not.toContain("4471");
    arrive("m1"); // an ack or reaction on the same message
    arrive("m2");
    await waitFor(() => expect(document.title).toBe("(2) NexisChat"));
    expect(shown).toHaveLength(2);

    setHidden(false);
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await waitFor(() => expect(document.title).toBe("NexisChat"));
  });

  it("ignores our own messages, old ones, muted chats and a visible tab", async () => {
    const { arrive, api } = setup({ own: { fromMe: true }, old: { fromMe: false, ageSeconds: 3600 } });
    arrive("own");
    arrive("old");
    await waitFor(() => expect(api.calls.filter((call) => call.path === "message.get")).toHaveLength(2));
    setHidden(false);
    arrive("own");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.title).toBe("NexisChat");
    expect(shown).toEqual([]);

    setHidden(true);
    const muted = setup({ m1: { fromMe: false } }, { muted: true });
    muted.arrive("m1");
    await waitFor(() => expect(muted.api.calls.some((call) => call.path === "chat.get")).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.title).toBe("NexisChat");
  });

  it("does nothing until the agent opts in, and keeps the badge when the browser refuses notifications", async () => {
    setNotificationsEnabled(false);
    const off = setup({ m1: { fromMe: false } });
    off.arrive("m1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(off.api.calls).toEqual([]);

    setNotificationsEnabled(true);
    FakeNotification.permission = "denied";
    const refused = setup({ m1: { fromMe: false } });
    refused.arrive("m1");
    await waitFor(() => expect(document.title).toBe("(1) NexisChat"));
    expect(shown).toEqual([]);
    FakeNotification.permission = "granted";
  });
});
