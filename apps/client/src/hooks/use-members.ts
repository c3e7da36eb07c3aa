import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** The workspace's members (for assigning chats and naming assignees); one request shared by every caller. */
export function useMembers() {
  const trpc = useTRPC();
  return useQuery(trpc.member.list.queryOptions(undefined, { select: (data) => data.members, staleTime: 5 * 60_000 }));
}
