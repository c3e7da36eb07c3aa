import { useQueryClient } from "@tanstack/react-query";
import { toastApiError } from "../lib/toast-api-error.tsx";
import { useTRPC, useTRPCClient } from "../lib/trpc.ts";
import { useOptimisticSend } from "./use-optimistic-send.ts";

/** The composer's send for one chat (`message.send`): optimistic, rolled back with a toast on failure. */
export function useSendMessage(chatId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useOptimisticSend({
    queryKey: trpc.message.list.infiniteQueryKey({ chatId }),
    chatId,
    // The pending bubble's id doubles as the idempotency key: a retried request sends once.
    send: (text, pendingId, replyToId) => client.message.send.mutate({ chatId, text, clientId: pendingId, replyToId }),
    onError: toastApiError,
    onSettled: () => void queryClient.invalidateQueries(trpc.chat.list.pathFilter()),
  });
}
