import { m } from "@nexis/i18n/messages";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { toast } from "sonner";
import type { ChatListInput } from "../lib/api-types.ts";
import { type ChatChanges, patchCachedChat } from "../lib/chat-cache.ts";
import { toastApiError } from "../lib/toast-api-error.tsx";
import { useTRPC } from "../lib/trpc.ts";

type Snapshot = [QueryKey, unknown][];

/**
 * The open chat's inbox actions (assign, archive, pin, mute, mark unread), shown at once in every
 * cached chat and chat list; a refusal puts the caches back and says why in a toast.
 */
export function useChatActions(chatId: string, myUserId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const chats = trpc.chat.pathFilter();

  const optimistic = <Input extends { id: string }>(changesOf: (input: Input) => ChatChanges) => ({
    onMutate: async (input: Input): Promise<{ snapshot: Snapshot }> => {
      // A refetch landing now would overwrite the optimistic state with the old one.
      await queryClient.cancelQueries(chats);
      const snapshot = queryClient.getQueriesData(chats);
      const changes = changesOf(input);
      for (const [key, data] of snapshot) {
        const filters = (key[1] as { input?: ChatListInput } | undefined)?.input;
        queryClient.setQueryData(key, patchCachedChat(data, { id: input.id, changes, filters, myUserId }));
      }
      return { snapshot };
    },
    onError: (error: unknown, _input: Input, context: { snapshot: Snapshot } | undefined) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      toastApiError(error);
    },
    onSettled: () => queryClient.invalidateQueries(chats),
  });

  const assign = useMutation(trpc.chat.assign.mutationOptions(optimistic((input) => ({ assigneeUserId: input.userId }))));
  const archiveOptions = optimistic((input: { id: string; archived: boolean }) => ({ archived: input.archived }));
  const archive = useMutation(
    trpc.chat.setArchived.mutationOptions({
      ...archiveOptions,
      // The chat leaves the list it was in: say so, with a way back.
      onSuccess: (_result, input) => {
        toast.success(input.archived ? m.chat_archived_toast() : m.chat_unarchived_toast(), {
          action: { label: m.common_undo(), onClick: () => archive.mutate({ id: input.id, archived: !input.archived }) },
        });
      },
    }),
  );
  const pin = useMutation(trpc.chat.setPinned.mutationOptions(optimistic((input) => ({ pinnedAt: input.pinned ? new Date().toISOString() : null }))));
  const mute = useMutation(trpc.chat.setMuted.mutationOptions(optimistic((input) => ({ muted: input.muted }))));
  const markUnread = useMutation(trpc.chat.markUnread.mutationOptions(optimistic(() => ({ unreadCount: 1 }))));

  return {
    assign: (userId: string | null) => assign.mutate({ id: chatId, userId }),
    setArchived: (archived: boolean) => archive.mutate({ id: chatId, archived }),
    setPinned: (pinned: boolean) => pin.mutate({ id: chatId, pinned }),
    setMuted: (muted: boolean) => mute.mutate({ id: chatId, muted }),
    /** Closes the chat first, as the phone does: left open, it would be marked read again at once. */
    markUnread: async () => {
      await navigate({ to: "/inbox", search: (previous) => ({ ...previous, chatId: undefined }) });
      markUnread.mutate({ id: chatId });
    },
  };
}
