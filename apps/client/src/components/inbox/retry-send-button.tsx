import { m } from "@nexis/i18n/messages";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";

/** Under a failed message of ours: sends it again (`message.retry`). */
export function RetrySendButton({ messageId, chatId }: { messageId: string; chatId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.message.retry.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.message.list.infiniteQueryFilter({ chatId })),
      onError: toastApiError,
    }),
  );
  return (
    <button
      type="button"
      disabled={retry.isPending}
      onClick={() => retry.mutate({ id: messageId })}
      className="mt-1 text-xs font-medium text-red-700 underline underline-offset-2 dark:text-red-300"
    >
      {m.message_retry()}
    </button>
  );
}
