import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "server/trpc";
import { toastApiError } from "../lib/toast-api-error.tsx";
import { useTRPC } from "../lib/trpc.ts";

export type Note = RouterOutputs["note"]["list"][number];

/**
 * A chat's private notes with adding, editing (its author) and deleting. Other agents' notes arrive
 * through the live stream (a note publishes a `chat` event, which refreshes `note.*`); editing and
 * deleting show at once and come back if the server refuses.
 */
export function useNotes(chatId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.note.list.queryKey({ chatId });
  const notes = useQuery(trpc.note.list.queryOptions({ chatId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });
  const create = useMutation(trpc.note.create.mutationOptions({ onSuccess: refresh, onError: toastApiError }));
  const remove = useMutation(
    trpc.note.delete.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const previous = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (data) => data?.filter((note) => note.id !== id));
        return { previous };
      },
      onError: (error, _input, context) => {
        queryClient.setQueryData(listKey, context?.previous);
        toastApiError(error);
      },
      onSettled: refresh,
    }),
  );
  const update = useMutation(
    trpc.note.update.mutationOptions({
      onMutate: async ({ id, body }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const previous = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (data) => data?.map((note) => (note.id === id ? { ...note, body } : note)));
        return { previous };
      },
      onError: (error, _input, context) => {
        queryClient.setQueryData(listKey, context?.previous);
        toastApiError(error);
      },
      onSettled: refresh,
    }),
  );
  return { notes, create, update, remove };
}
