import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Chat } from "../../lib/api-types.ts";
import { renderInInbox } from "../../test-support/render-in-inbox.tsx";
import { ChatActions } from "./chat-actions.tsx";
import { ChatListItem } from "./chat-list-item.tsx";

const me = "00000000-0000-4000-8000-0000000000aa";
const bruno = "00000000-0000-4000-8000-0000000000bb";
const chatId = "00000000-0000-4000-8000-000000000001";
const chat = (overrides: Partial<Chat> = {}) =>
  ({ id: chatId, name: "Ana Souza", waChatId: "5511@c.us", contact: null, tags: [], folderId: null, assigneeUserId: null, archived: false, pinnedAt: null, muted: false, unreadCount: 0, lastMessage: null, lastMessageAt: null, ...overrides }) as Chat;

const procedures = {
  "member.list": () => ({
    members: [
      { id: "m1", userId: me, name: "Carla", email: "carla@example.com", role: "owner" },
      { id: "m2", userId: bruno, name: "Bruno", email: "bruno@example.com", role: "agent" },
    ],
    invitations: [],
  }),
  "tag.list": () => [],
  "folder.list": () => [],
  "chat.setPinned": (input: unknown) => input,
  "chat.setMuted": (input: unknown) => input,
  "chat.assign": (input: unknown) => input,
};

describe("ChatActions", () => {
  afterEach(cleanup);

  it("pins, mutes and assigns the chat through the API, naming each shortcut", async () => {
    const { api } = await renderInInbox(() => <ChatActions chat={chat()} />, { userId: me, procedures });
    fireEvent.click(screen.getByText("Chat actions"));
    fireEvent.click(screen.getByRole("button", { name: /Pin chat/ }));
    expect(screen.getByRole("button", { name: /Mute notifications/ }).textContent).toContain("m");
    fireEvent.click(screen.getByRole("button", { name: /Mute notifications/ }));
    const assignee = screen.getByLabelText("Assigned to");
    await waitFor(() => expect(within(assignee).getByRole("option", { name: "Carla (me)" })).toBeTruthy());
    fireEvent.change(assignee, { target: { value: bruno } });
    fireEvent.click(screen.getByRole("button", { name: "Assign to me" }));
    await waitFor(() =>
      expect(api.calls.filter((call) => call.path.startsWith("chat."))).toEqual([
        { path: "chat.setPinned", input: { id: chatId, pinned: true } },
        { path: "chat.setMuted", input: { id: chatId, muted: true } },
        { path: "chat.assign", input: { id: chatId, userId: bruno } },
        { path: "chat.assign", input: { id: chatId, userId: me } },
      ]),
    );
  });

  it("offers unpin, unmute and unarchive for a chat in that state, and no Assign to me when it is mine", async () => {
    await renderInInbox(() => <ChatActions chat={chat({ pinnedAt: "2026-01-01T00:00:00.000Z", muted: true, archived: true, assigneeUserId: me })} />, { userId: me, procedures });
    expect(screen.getByRole("button", { name: /Unpin chat/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Unmute notifications/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Unarchive chat/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Assign to me" })).toBeNull();
  });
});

describe("ChatListItem", () => {
  afterEach(cleanup);

  it("shows the pinned and muted marks and who the chat is assigned to", async () => {
    await renderInInbox(() => <ChatListItem chat={chat({ pinnedAt: "2026-01-01T00:00:00.000Z", muted: true, assigneeUserId: bruno })} active={false} />, { userId: me, procedures });
    expect(screen.getByRole("img", { name: "Pinned" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Muted" })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("chat-assignee").textContent).toBe("Assigned: Bruno"));
  });

  it("says You for the caller's own chats and nothing for an unassigned one", async () => {
    await renderInInbox(() => <ChatListItem chat={chat({ assigneeUserId: me })} active />, { userId: me, procedures });
    expect(screen.getByTestId("chat-assignee").textContent).toBe("Assigned: You");
    expect(screen.queryByRole("img", { name: "Pinned" })).toBeNull();
    cleanup();
    await renderInInbox(() => <ChatListItem chat={chat()} active={false} />, { userId: me, procedures });
    expect(screen.queryByTestId("chat-assignee")).toBeNull();
  });
});
