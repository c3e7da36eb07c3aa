import { useSearch } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import type { MessagePages } from "../lib/optimistic-messages.ts";
import { scrollToMessage } from "../lib/scroll-to-message.ts";

/**
 * Opening a chat from a search hit (`?messageId=`) scrolls to that message once it is among the
 * loaded pages; an older one stays where it is (the chat opens at the newest message).
 */
export function useScrollToLinkedMessage(data: MessagePages | undefined) {
  const { messageId } = useSearch({ strict: false });
  const done = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!messageId || done.current === messageId || !data) return;
    if (!data.pages.some((page) => page.items.some((item) => item.id === messageId))) return;
    // After the bubbles are painted.
    requestAnimationFrame(() => {
      if (scrollToMessage(messageId)) done.current = messageId;
    });
  }, [messageId, data]);
}
