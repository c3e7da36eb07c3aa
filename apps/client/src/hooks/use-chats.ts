import { useInfiniteQuery } from "@tanstack/react-query";
import type { ChatListInput } from "../lib/api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { liveRefetchInterval } from "./use-live-interval.ts";

/** The chat list for the sidebar's filter, page by page, refreshed while open. */
export function useChats(filters: ChatListInput) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.chat.list.infiniteQueryOptions(filters, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      refetchInterval: liveRefetchInterval,
    }),
  );
}
