import { act, renderHook, waitFor } from "@testing-library/react";
import { toast } from "sonner";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Chat } from "../lib/api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { fakeApi, type FakeProcedures } from "../test-support/fake-api.tsx";
import { useChatActions } from "./use-chat-actions.ts";

const me = "00000000-0000-4000-8000-0000000000aa";
const chatA = "00000000-0000-4000-8000-000000000001";
const chatB = "00000000-0000-4000-8000-000000000002";
const chat = (id: string, overrides: Partial<Chat> = {}) =>
  ({ id, name: id, waChatId: `${id}@c.us`, contact: null, tags: [], assigneeUserId: null, archived: false, pinnedAt: null, muted: false, unreadCount: 0, ...overrides }) as Chat;

function setup(procedures: FakeProcedures) {
  const api = fakeApi(procedures);
  const { result } = renderHook(() => ({ actions: useChatActions(chatA, me), trpc: useTRPC() }), { wrapper: api.wrapper });
  const { trpc } = result.current;
  const inboxKey = trpc.chat.list.infiniteQueryKey({});
  const mineKey = trpc.chat.list.infiniteQueryKey({ assignee: "me" });
  const openKey = trpc.chat.get.queryKey({ id: chatA });
  const pages = (items: Chat[]) => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });
  api.queryClient.setQueryData(inboxKey, pages([chat(chatA), chat(chatB)]));
  api.queryClient.setQueryData(mineKey, pages([]));
  api.queryClient.setQueryData(openKey, chat(chatA));
  const listed = (key: typeof inboxKey) => api.queryClient.getQueryData<ReturnType<typeof pages>>(key)?.pages[0]?.items.map((item) => item.id);
  return { api, actions: () => result.current.actions, listed, inboxKey, mineKey, open: () => api.queryClient.getQueryData<Chat>(openKey) };
}

describe("useChatActions", () => {
  afterEach(() => vi.restoreAllMocks());

  it("archives at once: out of the inbox list, archived in the open chat", async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { api, actions, listed, inboxKey, open } = setup({ "chat.setArchived": () => new Promise((resolve) => (answer = resolve)) });
    act(() => actions().setArchived(true));
    await waitFor(() => expect(listed(inboxKey)).toEqual([chatB]));
    expect(open()?.archived).toBe(true);
    const success = vi.spyOn(toast, "success").mockImplementation(() => "");
    answer({ id: chatA, archived: true });
    await waitFor(() => expect(success).toHaveBeenCalledWith("Chat archived", expect.objectContaining({ action: expect.objectContaining({ label: "Undo" }) })));
    expect(api.calls).toContainEqual({ path: "chat.setArchived", input: { id: chatA, archived: true } });
  });

  it("assigning to me puts the chat in Mine only where it was loaded, and the open chat shows the assignee", async () => {
    const { actions, listed, mineKey, open } = setup({ "chat.assign": (input) => input });
    act(() => actions().assign(me));
    await waitFor(() => expect(open()?.assigneeUserId).toBe(me));
    expect(listed(mineKey)).toEqual([]); // not there yet: the refetch brings it
  });

  it("puts everything back and says why when the API refuses", async () => {
    const error = vi.spyOn(toast, "error").mockImplementation(() => "");
    const { actions, listed, inboxKey, open } = setup({
      "chat.setPinned": () => {
        throw new Error("Only members who can reply can pin");
      },
    });
    act(() => actions().setPinned(true));
    await waitFor(() => expect(error).toHaveBeenCalled());
    expect(open()?.pinnedAt).toBeNull();
    expect(listed(inboxKey)).toEqual([chatA, chatB]);
  });

  it("mark unread leaves the chat first, so it is not marked read again at once", async () => {
    const { api, actions } = setup({ "chat.markUnread": () => ({ id: chatA, unreadCount: 1 }) });
    await api.router.navigate({ to: "/inbox", search: { chatId: chatA } } as never);
    await act(() => actions().markUnread());
    expect(api.router.state.location.search).not.toHaveProperty("chatId");
    await waitFor(() => expect(api.calls).toContainEqual({ path: "chat.markUnread", input: { id: chatA } }));
  });
});
