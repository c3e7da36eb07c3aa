import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type InviteMemberInput, inviteMemberSchema } from "server/schemas";
import { toast } from "sonner";
import type { z } from "zod";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { inputClassName, TextField } from "../common/text-field.tsx";
import { RoleOptions } from "./role-options.tsx";

/** Invites an email with a role; the server mails the link (`member.invite`). */
export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof inviteMemberSchema>, unknown, InviteMemberInput>({ resolver: zodResolver(inviteMemberSchema), defaultValues: { role: "agent" } });
  const invite = useMutation(
    trpc.member.invite.mutationOptions({
      onSuccess: () => {
        toast.success(m.members_invited());
        form.reset({ email: "", role: "agent" });
        void queryClient.invalidateQueries(trpc.member.list.pathFilter());
      },
      onError: toastApiError,
    }),
  );
  return (
    <form onSubmit={(event) => void form.handleSubmit((values) => invite.mutate(values))(event)} className="flex flex-wrap items-end gap-2" noValidate>
      <TextField className="min-w-48 flex-1" label={m.members_email()} type="email" error={form.formState.errors.email?.message} {...form.register("email")} />
      <label className="space-y-1">
        <span className="block text-sm font-medium">{m.members_role()}</span>
        <select className={inputClassName} {...form.register("role")}>
          <RoleOptions />
        </select>
      </label>
      <Button type="submit" disabled={invite.isPending}>
        {m.members_invite()}
      </Button>
    </form>
  );
}
