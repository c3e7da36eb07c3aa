import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "../../lib/auth-client.ts";
import { type ResetPasswordInput, resetPasswordSchema } from "../../lib/auth-schemas.ts";
import { FormError } from "../common/form-error.tsx";
import { NewPasswordField } from "./new-password-field.tsx";

/** The new password for the token in the mailed link. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema) });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    setFailure(null);
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    if (error) setFailure(m.auth_failed({ message: error.message ?? error.statusText }));
    else onDone();
  });

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <NewPasswordField error={errors.password?.message} {...form.register("password")} />
      <FormError message={failure} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {m.auth_reset_submit()}
      </Button>
    </form>
  );
}
