import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type CreateWorkspaceInput, createWorkspaceSchema } from "server/schemas";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

/**
 * For someone who belongs to no workspace (they deleted their last one, or were removed from
 * it): a new workspace, which becomes the active one, so they can link a number again.
 */
export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<CreateWorkspaceInput>({ resolver: zodResolver(createWorkspaceSchema), defaultValues: { name: "" } });
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      // Everything cached belonged to no workspace: start over in the new one.
      onSuccess: () => queryClient.invalidateQueries(),
      onError: toastApiError,
    }),
  );
  const submit = form.handleSubmit((values) => create.mutateAsync(values).catch(() => undefined));
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-300">{m.onboarding_no_workspace()}</p>
      <TextField label={m.workspace_name_label()} autoComplete="organization" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" disabled={create.isPending}>
        {m.onboarding_create_workspace()}
      </Button>
    </form>
  );
}
