import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type RenameWorkspaceInput, renameWorkspaceSchema } from "server/schemas";
import { toast } from "sonner";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

/** The workspace's name: editable by owners and admins, shown read-only to agents. */
export function WorkspaceRenameForm({ name, canRename }: { name: string; canRename: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<RenameWorkspaceInput>({ resolver: zodResolver(renameWorkspaceSchema), values: { name } });
  const rename = useMutation(
    trpc.workspace.rename.mutationOptions({
      onSuccess: async () => {
        toast.success(m.workspace_renamed());
        // The switcher's list shows the name too.
        await queryClient.invalidateQueries(trpc.workspace.pathFilter());
      },
      onError: toastApiError,
    }),
  );
  const submit = form.handleSubmit((values) => rename.mutateAsync(values).catch(() => undefined));
  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-2" noValidate>
      <TextField
        className="min-w-48 flex-1"
        label={m.workspace_name_label()}
        autoComplete="organization"
        readOnly={!canRename}
        hint={canRename ? undefined : m.workspace_readonly_hint()}
        error={form.formState.errors.name?.message}
        {...form.register("name")}
      />
      {canRename && (
        <Button type="submit" disabled={rename.isPending || !form.formState.isDirty}>
          {m.common_save()}
        </Button>
      )}
    </form>
  );
}
