import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Message } from "../lib/api-types.ts";
import type { MessagePages } from "../lib/optimistic-messages.ts";
import { withMyReaction } from "../lib/reactions.ts";
import { toastApiError } from "../lib/toast-api-error.tsx";
import { useTRPC } from "../lib/trpc.ts";

/**
 * React, edit and delete-for-everyone on one chat's messages. WhatsApp confirms each by webhook,
 * which changes the stored message and refreshes the thread through the live stream; a reaction
 * shows at once and is undone if the call fails.
 */
export function useMessageActions(chatId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Untyped key: the cache holds `MessagePages`, shared with the optimistic send.
  const queryKey: QueryKey = trpc.message.list.infiniteQueryKey({ chatId });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const patch = (id: string, change: (message: Message) => Message) =>
    queryClient.setQueryData<MessagePages>(queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === id ? change(item) : item)) })) } : data,
    );

  const react = useMutation(
    trpc.message.react.mutationOptions({
      onMutate: async ({ id, emoji }) => {
        await queryClient.cancelQueries({ queryKey });
        const before = queryClient.getQueryData<MessagePages>(queryKey);
        patch(id, (message) => ({ ...message, reactions: withMyReaction(message.reactions, emoji) }));
        return { before };
      },
      onError: (error, _input, context) => {
        if (context?.before) queryClient.setQueryData(queryKey, context.before);
        toastApiError(error);
      },
      onSettled: refresh,
    }),
  );
  const edit = useMutation(trpc.message.edit.mutationOptions({ onError: toastApiError, onSettled: refresh }));
  const revoke = useMutation(trpc.message.revoke.mutationOptions({ onError: toastApiError, onSettled: refresh }));
  return { react, edit, revoke };
}
