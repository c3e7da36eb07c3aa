import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { createTagSchema } from "server/schemas";
import { EmptyState } from "../../../components/common/empty-state.tsx";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { NameForm } from "../../../components/settings/name-form.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { toastApiError } from "../../../lib/toast-api-error.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/tags")({ component: TagsSettings });

function TagsSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const options = { onSuccess: () => void queryClient.invalidateQueries(trpc.tag.pathFilter()), onError: toastApiError };
  const create = useMutation(trpc.tag.create.mutationOptions(options));
  const setColor = useMutation(trpc.tag.setColor.mutationOptions(options));
  const remove = useMutation(trpc.tag.delete.mutationOptions(options));
  return (
    <SettingsPage title={m.settings_tags()}>
      <NameForm schema={createTagSchema} label={m.common_name()} pending={create.isPending} onSubmit={(name) => create.mutateAsync({ name }).catch(() => undefined)} />
      {tags.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {tags.isError && <QueryError error={tags.error} onRetry={() => void tags.refetch()} />}
      {tags.data?.length === 0 && <EmptyState title={m.tags_empty()} hint={m.tags_empty_hint()} />}
      <ul className="space-y-2">
        {tags.data?.map((tag) => (
          <li key={tag.id} className="flex items-center gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
            <input
              type="color"
              aria-label={m.tags_color()}
              defaultValue={tag.color ?? "#94a3b8"}
              onBlur={(event) => event.target.value !== tag.color && setColor.mutate({ id: tag.id, color: event.target.value })}
              className="size-8 cursor-pointer rounded"
            />
            <span className="flex-1 truncate font-medium">{tag.name}</span>
            <span className="text-xs text-slate-500">{m.tags_chats({ count: String(tag.chatCount) })}</span>
            <Button variant="ghost" onClick={() => window.confirm(m.common_confirm_delete({ name: tag.name })) && remove.mutate({ id: tag.id })}>
              {m.common_delete()}
            </Button>
          </li>
        ))}
      </ul>
    </SettingsPage>
  );
}
