import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { setPresence } from "../lib/presence-store.ts";
import { useTRPC } from "../lib/trpc.ts";

/** What a listener of the stream gets: the event's type and, for messages, which one. */
export interface LiveEventNotice {
  type: string;
  chatId?: string;
  messageId?: string | null;
}

/**
 * Follows the workspace's live events (`events.live`, SSE) and refreshes what they touch: the
 * messages and chats for message and chat events, the numbers for status changes. Answers the
 * stream's state, so the inbox can say when it is reconnecting.
 */
export function useLiveEvents(onEvent?: (event: LiveEventNotice) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The latest listener, read when an event comes: a new one must not reopen the stream.
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  });
  const subscription = useSubscription(
    trpc.events.live.subscriptionOptions(undefined, {
      // Whatever happened before the stream (re)opened is not in it: catch up once it is open.
      onStarted: () => {
        void queryClient.invalidateQueries(trpc.message.pathFilter());
        void queryClient.invalidateQueries(trpc.chat.pathFilter());
        void queryClient.invalidateQueries(trpc.account.pathFilter());
      },
      onData: ({ data: event }) => {
        listener.current?.(event);
        if (event.type === "message") {
          void queryClient.invalidateQueries(trpc.message.pathFilter());
          void queryClient.invalidateQueries(trpc.chat.pathFilter());
        } else if (event.type === "chat") {
          void queryClient.invalidateQueries(trpc.chat.pathFilter());
          void queryClient.invalidateQueries(trpc.note.pathFilter());
          void queryClient.invalidateQueries(trpc.tag.list.pathFilter());
          void queryClient.invalidateQueries(trpc.folder.list.pathFilter());
        } else if (event.type === "presence") {
          setPresence(event.accountId, event.waChatId, event.presence);
        } else if (event.type === "account") {
          void queryClient.invalidateQueries(trpc.account.pathFilter());
          void queryClient.invalidateQueries(trpc.getAccounts.pathFilter());
        }
      },
    }),
  );
  return { status: subscription.status, reconnecting: subscription.status === "connecting" || subscription.status === "error" };
}
