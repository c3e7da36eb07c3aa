import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { createFolderSchema } from "server/schemas";
import { EmptyState } from "../../../components/common/empty-state.tsx";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { NameForm } from "../../../components/settings/name-form.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { toastApiError } from "../../../lib/toast-api-error.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/folders")({ component: FoldersSettings });

function FoldersSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const folders = useQuery(trpc.folder.list.queryOptions());
  const options = { onSuccess: () => void queryClient.invalidateQueries(trpc.folder.pathFilter()), onError: toastApiError };
  const create = useMutation(trpc.folder.create.mutationOptions(options));
  const rename = useMutation(trpc.folder.rename.mutationOptions(options));
  const remove = useMutation(trpc.folder.delete.mutationOptions(options));
  return (
    <SettingsPage title={m.settings_folders()}>
      <NameForm schema={createFolderSchema} label={m.common_name()} pending={create.isPending} onSubmit={(name) => create.mutateAsync({ name }).catch(() => undefined)} />
      {folders.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {folders.isError && <QueryError error={folders.error} onRetry={() => void folders.refetch()} />}
      {folders.data?.length === 0 && <EmptyState title={m.folders_empty()} hint={m.folders_empty_hint()} />}
      <ul className="space-y-2">
        {folders.data?.map((folder) => (
          <li key={folder.id} className="flex items-center gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
            <span className="flex-1 truncate font-medium">{folder.name}</span>
            <Button
              variant="ghost"
              onClick={() => {
                const name = window.prompt(m.common_name(), folder.name);
                if (name && name !== folder.name) rename.mutate({ id: folder.id, name });
              }}
            >
              {m.common_rename()}
            </Button>
            <Button variant="ghost" onClick={() => window.confirm(m.common_confirm_delete({ name: folder.name })) && remove.mutate({ id: folder.id })}>
              {m.common_delete()}
            </Button>
          </li>
        ))}
      </ul>
    </SettingsPage>
  );
}
