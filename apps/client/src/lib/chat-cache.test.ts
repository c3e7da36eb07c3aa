import { describe, expect, it } from "vitest";
import type { Chat } from "./api-types.ts";
import { patchCachedChat, pinnedFirst, stillListed } from "./chat-cache.ts";

const me = "00000000-0000-4000-8000-0000000000aa";
const other = "00000000-0000-4000-8000-0000000000bb";

function chat(id: string, overrides: Partial<Chat> = {}): Chat {
  return {
    id,
    accountId: "acc",
    waChatId: `${id}@c.us`,
    name: id,
    isGroup: false,
    folderId: null,
    assigneeUserId: null,
    unreadCount: 0,
    archived: false,
    pinnedAt: null,
    muted: false,
    lastMessageAt: null,
    createdAt: new Date(0),
    contact: null,
    tags: [],
    lastMessage: null,
    ...overrides,
  } as Chat;
}

describe("stillListed", () => {
  it("keeps a chat only in the lists whose filters it still matches", () => {
    expect(stillListed(chat("a", { archived: true }), {}, me)).toBe(false);
    expect(stillListed(chat("a", { archived: true }), { archived: true }, me)).toBe(true);
    expect(stillListed(chat("a", { unreadCount: 0 }), { unread: true }, me)).toBe(false);
    expect(stillListed(chat("a", { assigneeUserId: me }), { assignee: "me" }, me)).toBe(true);
    expect(stillListed(chat("a", { assigneeUserId: other }), { assignee: "me" }, me)).toBe(false);
    expect(stillListed(chat("a", { assigneeUserId: other }), { assignee: "unassigned" }, me)).toBe(false);
    expect(stillListed(chat("a", { pinnedAt: null }), { pinned: true }, me)).toBe(false);
  });
});

describe("patchCachedChat", () => {
  const pages = { pages: [{ items: [chat("a"), chat("b")], nextCursor: "x" }, { items: [chat("c")], nextCursor: null }], pageParams: [undefined, "x"] };

  it("archiving takes the chat out of the inbox list at once and leaves the others as they were", () => {
    const patched = patchCachedChat(pages, { id: "b", changes: { archived: true }, filters: {}, myUserId: me }) as typeof pages;
    expect(patched.pages.map((page) => page.items.map((item) => item.id))).toEqual([["a"], ["c"]]);
    expect(patched.pages[1]).toBe(pages.pages[1]);
  });

  it("changes the chat in place where it still belongs, and in the open chat's own query", () => {
    const patched = patchCachedChat(pages, { id: "a", changes: { muted: true }, filters: {}, myUserId: me }) as typeof pages;
    expect(patched.pages[0]?.items[0]?.muted).toBe(true);
    expect(patchCachedChat(chat("a"), { id: "a", changes: { assigneeUserId: me }, myUserId: me })).toMatchObject({ id: "a", assigneeUserId: me });
    expect(patchCachedChat(chat("z"), { id: "a", changes: { muted: true }, myUserId: me })).toMatchObject({ muted: false });
  });

  it("assigning away drops the chat from Mine", () => {
    const mine = { items: [chat("a", { assigneeUserId: me })], nextCursor: null };
    expect(patchCachedChat(mine, { id: "a", changes: { assigneeUserId: other }, filters: { assignee: "me" }, myUserId: me })).toEqual({ items: [], nextCursor: null });
  });
});

describe("pinnedFirst", () => {
  it("puts pinned chats on top, each once, and the rest in the API's order", () => {
    const pinned = [chat("p", { pinnedAt: "2026-01-01T00:00:00.000Z" })];
    const rest = [chat("a"), chat("p", { pinnedAt: "2026-01-01T00:00:00.000Z" }), chat("b"), chat("q", { pinnedAt: "2026-01-01T00:00:00.000Z" })];
    expect(pinnedFirst(pinned, rest).map((item) => item.id)).toEqual(["p", "q", "a", "b"]);
  });

  it("an unpinned chat goes back among the others", () => {
    expect(pinnedFirst([chat("p", { pinnedAt: null })], [chat("a"), chat("p")]).map((item) => item.id)).toEqual(["a", "p"]);
  });
});
