import { m } from "@nexis/i18n/messages";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback, useRef, useState } from "react";
import { chatTitle } from "../lib/chat-display.ts";
import { shouldAlert, UnseenMessages } from "../lib/new-message-alerts.ts";
import { browserNotificationsSupported, useNotificationsEnabled } from "../lib/notification-prefs.ts";
import { useTRPC } from "../lib/trpc.ts";
import type { LiveEventNotice } from "./use-live-events.ts";
import { useTitleBadge } from "./use-title-badge.ts";

/**
 * Alerts for new messages while the tab is hidden, once the agent opted in: a count in the page
 * title, and a system notification (the chat's name and "New message", never the text) when the
 * browser allows them. Returns the listener to give `useLiveEvents`.
 */
export function useNotifications(): (event: LiveEventNotice) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const enabled = useNotificationsEnabled();
  const unseen = useRef(new UnseenMessages());
  const [count, setCount] = useState(0);
  const clear = useCallback(() => {
    unseen.current.clear();
    setCount(0);
  }, []);
  useTitleBadge(count, clear);

  return useCallback(
    (event: LiveEventNotice) => {
      if (!enabled || event.type !== "message" || !event.messageId || !event.chatId || !document.hidden) return;
      const { messageId, chatId } = event;
      void (async () => {
        const [message, chat] = await Promise.all([
          queryClient.fetchQuery(trpc.message.get.queryOptions({ id: messageId })),
          queryClient.fetchQuery(trpc.chat.get.queryOptions({ id: chatId })),
        ]);
        if (!document.hidden || !shouldAlert({ message, chat }) || !unseen.current.add(message.id)) return;
        setCount(unseen.current.count);
        if (!browserNotificationsSupported() || Notification.permission !== "granted") return;
        const notification = new Notification(chatTitle(chat), { body: m.notifications_new_message(), tag: chatId, icon: "/favicon.svg" });
        notification.onclick = () => {
          window.focus();
          void navigate({ to: "/inbox", search: (previous) => ({ ...previous, chatId }) });
          notification.close();
        };
      })().catch(() => undefined); // an alert is a courtesy: a failed lookup just means no alert
    },
    [enabled, queryClient, trpc, navigate],
  );
}
