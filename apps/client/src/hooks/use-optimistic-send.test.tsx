import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import type { Message } from "../lib/api-types.ts";
import { type MessagePages, pendingMessage } from "../lib/optimistic-messages.ts";
import { useOptimisticSend } from "./use-optimistic-send.ts";

const chatId = "00000000-0000-4000-8000-000000000001";
const queryKey = ["message.list", chatId];
const stored = (id: string, text: string): Message => ({ ...pendingMessage({ id, chatId, text }), waMessageId: `wa-${id}`, ack: 1 });

function setup(send: (text: string) => Promise<Message>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const initial: MessagePages = { pages: [{ items: [stored("m1", "earlier")], nextCursor: null }], pageParams: [undefined] };
  queryClient.setQueryData(queryKey, initial);
  const onError = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useOptimisticSend({ queryKey, chatId, send, onError }), { wrapper });
  const items = () => queryClient.getQueryData<MessagePages>(queryKey)?.pages[0]?.items ?? [];
  return { result, items, onError };
}

describe("useOptimisticSend", () => {
  it("shows a pending bubble at once, then the stored message", async () => {
    let resolve: (message: Message) => void = () => undefined;
    const { result, items } = setup(() => new Promise((done) => (resolve = done)));
    act(() => result.current.mutate({ text: "Olá", pendingId: "optimistic-1" }));
    await waitFor(() => expect(items().map((item) => [item.id, item.ack])).toEqual([["optimistic-1", 0], ["m1", 1]]));
    act(() => resolve(stored("m2", "Olá")));
    await waitFor(() => expect(items().map((item) => item.id)).toEqual(["m2", "m1"]));
  });

  it("takes the pending bubble out again and reports the error when sending fails", async () => {
    const failure = new Error("WhatsApp is unreachable");
    const { result, items, onError } = setup(() => Promise.reject(failure));
    act(() => result.current.mutate({ text: "Olá", pendingId: "optimistic-2" }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith(failure));
    expect(items().map((item) => item.id)).toEqual(["m1"]);
  });
});
