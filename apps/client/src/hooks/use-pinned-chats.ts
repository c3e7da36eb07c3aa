import { useQuery } from "@tanstack/react-query";
import type { ChatListInput } from "../lib/api-types.ts";
import { maxPageSize } from "server/schemas";
import { useTRPC } from "../lib/trpc.ts";
import { liveRefetchInterval } from "./use-live-interval.ts";

/**
 * The pinned chats of the current filter, all at once: the API sorts by activity only, so a
 * pinned chat whose last message is old would otherwise wait pages down instead of on top.
 */
export function usePinnedChats(filters: ChatListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.chat.list.queryOptions({ ...filters, pinned: true, limit: maxPageSize }, { refetchInterval: liveRefetchInterval }));
}
