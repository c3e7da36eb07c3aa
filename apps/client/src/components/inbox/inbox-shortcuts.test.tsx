import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { useSearch } from "@tanstack/react-router";
import { afterEach, describe, expect, it } from "vitest";
import { renderInInbox } from "../../test-support/render-in-inbox.tsx";
import { InboxShortcuts } from "./inbox-shortcuts.tsx";

const me = "00000000-0000-4000-8000-0000000000aa";
const [first, second] = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"] as const;

function Inbox() {
  const { chatId } = useSearch({ strict: false });
  return (
    <>
      <a data-chat-id={first}>Ana</a>
      <a data-chat-id={second}>Bruno</a>
      <textarea aria-label="Message" />
      <InboxShortcuts chatId={chatId} />
    </>
  );
}

const key = (name: string, target: Element = document.body) => act(() => void fireEvent.keyDown(target, { key: name }));

describe("InboxShortcuts", () => {
  afterEach(cleanup);

  it("moves between chats with j and k, acts on the open one, and closes it with Escape", async () => {
    const { router, api } = await renderInInbox(Inbox, {
      userId: me,
      procedures: {
        "chat.get": (input) => ({ id: (input as { id: string }).id, name: "Ana", waChatId: "1@c.us", contact: null, tags: [], archived: false, pinnedAt: null, muted: false, assigneeUserId: null, unreadCount: 0 }),
        "chat.setArchived": (input) => input,
        "chat.assign": (input) => input,
      },
    });
    const open = () => (router.state.location.search as { chatId?: string }).chatId;
    key("j");
    await waitFor(() => expect(open()).toBe(first));
    key("j");
    await waitFor(() => expect(open()).toBe(second));
    key("k");
    await waitFor(() => expect(open()).toBe(first));

    await waitFor(() => expect(api.calls.some((call) => call.path === "chat.get")).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    key("e");
    key("a");
    key("e", screen.getByLabelText("Message")); // typing: not a shortcut
    await waitFor(() =>
      expect(api.calls.filter((call) => call.path !== "chat.get")).toEqual([
        { path: "chat.setArchived", input: { id: first, archived: true } },
        { path: "chat.assign", input: { id: first, userId: me } },
      ]),
    );
    key("Escape");
    await waitFor(() => expect(open()).toBeUndefined());
  });

  it("opens the shortcuts sheet with ?", async () => {
    await renderInInbox(Inbox, { userId: me, procedures: {} });
    expect(screen.queryByRole("dialog")).toBeNull();
    key("?");
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeTruthy();
  });
});
