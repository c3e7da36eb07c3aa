import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../lib/trpc.ts";

/** Marks the open chat read (`chat.markRead`) when it opens or gains unread messages while open. */
export function useMarkRead(chatId: string, unreadCount: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A failure is left silent on purpose: not being able to mark read must not disturb reading.
  const { mutate } = useMutation(trpc.chat.markRead.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.chat.pathFilter()) }));
  useEffect(() => {
    if (unreadCount > 0) mutate({ id: chatId });
  }, [chatId, unreadCount, mutate]);
}
