import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useCallback, useMemo } from "react";
import { useJumpToNewest } from "../../hooks/use-jump-to-newest.ts";
import { useLoadOnVisible } from "../../hooks/use-load-on-visible.ts";
import { useMessages } from "../../hooks/use-messages.ts";
import { useScrollToLinkedMessage } from "../../hooks/use-scroll-to-linked-message.ts";
import { useUnseenWhileAway } from "../../hooks/use-unseen-while-away.ts";
import { groupByDay, relativeDay } from "../../lib/day-groups.ts";
import { formatDay } from "../../lib/format-time.ts";
import { EmptyState } from "../common/empty-state.tsx";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { JumpToNewest } from "./jump-to-newest.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import { SystemLine } from "./system-line.tsx";

function dayLabel(date: Date): string {
  const relative = relativeDay(date);
  if (relative === "today") return m.day_today();
  if (relative === "yesterday") return m.day_yesterday();
  return formatDay(date);
}

/**
 * The conversation's messages by day. The scroller is `flex-col-reverse`, so it opens at the
 * newest message and older pages added above do not move what the user is reading.
 */
export function MessageThread({ chatId }: { chatId: string }) {
  const messages = useMessages(chatId);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = messages;
  const loadOlder = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadOnVisible<HTMLDivElement>(loadOlder, hasNextPage && !isFetchingNextPage);
  const scroller = useJumpToNewest<HTMLDivElement>();
  useScrollToLinkedMessage(messages.data);
  const groups = useMemo(() => groupByDay(messages.data?.pages.flatMap((page) => page.items) ?? []), [messages.data]);
  const newestPage = useMemo(() => messages.data?.pages[0]?.items ?? [], [messages.data]);
  const unseen = useUnseenWhileAway(newestPage, scroller.away);

  if (messages.isPending) return <SkeletonRows label={m.messages_loading()} count={4} />;
  if (messages.isError) return <QueryError error={messages.error} onRetry={() => void messages.refetch()} />;
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div ref={scroller.ref} onScroll={scroller.onScroll} className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto bg-[#efeae2] px-3 py-4 dark:bg-slate-950" data-testid="message-thread">
        <div className="space-y-2">
          {hasNextPage && (
            <div ref={sentinel} className="text-center">
              <Button variant="ghost" disabled={isFetchingNextPage} onClick={loadOlder}>
                {m.messages_older()}
              </Button>
            </div>
          )}
          {groups.length === 0 && <EmptyState title={m.messages_empty()} hint={m.messages_empty_hint()} />}
          {groups.map((group) => (
            <section key={group.day} className="space-y-1.5">
              <h3 className="sticky top-0 mx-auto w-fit rounded-lg bg-white/90 px-3 py-1 text-xs text-slate-600 shadow-sm dark:bg-slate-800/90 dark:text-slate-300">
                {dayLabel(group.date)}
              </h3>
              {group.items.map((message) =>
                message.type === "system" ? <SystemLine key={message.id} message={message} /> : <MessageBubble key={message.id} message={message} />,
              )}
            </section>
          ))}
        </div>
      </div>
      {scroller.away && <JumpToNewest onJump={scroller.jump} unseen={unseen} />}
    </div>
  );
}
