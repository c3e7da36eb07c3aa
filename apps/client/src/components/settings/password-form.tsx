import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { authClient } from "../../lib/auth-client.ts";
import { type ChangePasswordInput, changePasswordSchema } from "../../lib/auth-schemas.ts";
import { NewPasswordField } from "../auth/new-password-field.tsx";
import { TextField } from "../common/text-field.tsx";
import { sessionsQueryKey } from "./sessions-list.tsx";

const empty: ChangePasswordInput = { currentPassword: "", newPassword: "", revokeOtherSessions: true };

/** Changing the password needs the current one; signing out the other sessions is the default. */
export function PasswordForm() {
  const queryClient = useQueryClient();
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const { error } = await authClient.changePassword(values);
    if (error) {
      toast.error(m.profile_failed({ message: error.message ?? error.statusText }));
      return;
    }
    toast.success(m.profile_password_changed());
    form.reset(empty);
    await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  });
  return (
    <form onSubmit={(event) => void submit(event)} className="max-w-md space-y-3" noValidate>
      <TextField label={m.profile_current_password()} type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <NewPasswordField label={m.profile_new_password()} error={errors.newPassword?.message} {...form.register("newPassword")} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" {...form.register("revokeOtherSessions")} />
        <span>
          {m.profile_revoke_others()}
          <span className="block text-xs text-slate-500 dark:text-slate-400">{m.profile_password_hint_revoke()}</span>
        </span>
      </label>
      <Button type="submit" disabled={isSubmitting}>
        {m.profile_password_title()}
      </Button>
    </form>
  );
}
