import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useCallback } from "react";
import { useChats } from "../../hooks/use-chats.ts";
import { useLoadOnVisible } from "../../hooks/use-load-on-visible.ts";
import { usePinnedChats } from "../../hooks/use-pinned-chats.ts";
import type { ChatListInput } from "../../lib/api-types.ts";
import { pinnedFirst } from "../../lib/chat-cache.ts";
import { EmptyState } from "../common/empty-state.tsx";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { ChatListItem } from "./chat-list-item.tsx";

/** The middle pane: the filtered chats, more pages as the user scrolls down. */
export function ChatList({ filters, openChatId }: { filters: ChatListInput; openChatId: string | undefined }) {
  const chats = useChats(filters);
  const pinned = usePinnedChats(filters);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = chats;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadOnVisible<HTMLDivElement>(loadMore, hasNextPage && !isFetchingNextPage);

  if (chats.isPending) return <SkeletonRows label={m.chats_loading()} count={8} />;
  if (chats.isError) return <QueryError error={chats.error} onRetry={() => void chats.refetch()} />;
  // Pinned chats on top, from their own query (see usePinnedChats), each chat once.
  const items = pinnedFirst(pinned.data?.items ?? [], chats.data.pages.flatMap((page) => page.items));
  if (items.length === 0) return <EmptyState title={m.chats_empty()} hint={m.chats_empty_hint()} />;
  return (
    <div data-testid="chat-list">
      {items.map((chat) => (
        <ChatListItem key={chat.id} chat={chat} active={chat.id === openChatId} />
      ))}
      {hasNextPage && (
        <div ref={sentinel} className="p-3 text-center">
          <Button variant="ghost" disabled={isFetchingNextPage} onClick={loadMore}>
            {m.chats_load_more()}
          </Button>
        </div>
      )}
    </div>
  );
}
