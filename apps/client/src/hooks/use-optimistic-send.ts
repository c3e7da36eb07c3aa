import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Message } from "../lib/api-types.ts";
import { type MessagePages, pendingMessage, prependMessage, removeMessage, replaceMessage } from "../lib/optimistic-messages.ts";

export interface OptimisticSendOptions {
  /** The conversation's `message.list` infinite query. */
  queryKey: QueryKey;
  chatId: string;
  /** `pendingId` is stable for one send: the API takes it as the idempotency key. */
  send: (text: string, pendingId: string, replyToId?: string) => Promise<Message>;
  onError: (error: unknown) => void;
  onSettled?: () => void;
}

let sequence = 0;

/**
 * Sends a text with a pending bubble shown at once: the stored row replaces it when the API
 * answers; on failure the bubble is taken out again and `onError` says why.
 */
export function useOptimisticSend({ queryKey, chatId, send, onError, onSettled }: OptimisticSendOptions) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, pendingId, replyToId }: { text: string; pendingId: string; replyToId?: string }) => send(text, pendingId, replyToId),
    onMutate: async ({ text, pendingId, replyToId }) => {
      // A poll landing now would drop the pending bubble.
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData<MessagePages>(queryKey, (data) => prependMessage(data, pendingMessage({ id: pendingId, chatId, text, replyToId })));
    },
    onSuccess: (message, { pendingId }) => {
      queryClient.setQueryData<MessagePages>(queryKey, (data) => replaceMessage(data, pendingId, message));
    },
    onError: (error, { pendingId }) => {
      queryClient.setQueryData<MessagePages>(queryKey, (data) => removeMessage(data, pendingId));
      onError(error);
    },
    onSettled,
  });
}

/** A fresh id for a pending bubble (also a valid `clientId`: 8 to 64 of `[\w-]`). */
export function nextPendingId(): string {
  sequence += 1;
  return `optimistic-${Date.now()}-${sequence}`;
}
