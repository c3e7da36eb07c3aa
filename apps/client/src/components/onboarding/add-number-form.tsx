import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type AddAccountInput, addAccountSchema } from "server/schemas";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

/** Names the number and starts its WhatsApp session (`account.addAccount`). */
export function AddNumberForm({ onAdded }: { onAdded: (accountId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<AddAccountInput>({ resolver: zodResolver(addAccountSchema) });
  const add = useMutation(
    trpc.account.addAccount.mutationOptions({
      onSuccess: (account) => {
        void queryClient.invalidateQueries(trpc.account.list.pathFilter());
        onAdded(account.id);
      },
      onError: toastApiError,
    }),
  );
  return (
    <form onSubmit={(event) => void form.handleSubmit((values) => add.mutate(values))(event)} className="space-y-4" noValidate>
      <TextField label={m.onboarding_name_label()} autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" disabled={add.isPending}>
        {m.onboarding_add()}
      </Button>
    </form>
  );
}
