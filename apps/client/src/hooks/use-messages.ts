import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { liveRefetchInterval } from "./use-live-interval.ts";

/** One chat's messages, newest page first, older pages as the user scrolls up. */
export function useMessages(chatId: string) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.message.list.infiniteQueryOptions(
      { chatId },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: liveRefetchInterval },
    ),
  );
}
