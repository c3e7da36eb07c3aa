import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "../../lib/auth-client.ts";
import { type ForgotPasswordInput, forgotPasswordSchema } from "../../lib/auth-schemas.ts";
import { FormError } from "../common/form-error.tsx";
import { TextField } from "../common/text-field.tsx";

/** Asks Better Auth to mail a reset link that comes back to /reset-password. */
export function ForgotPasswordForm() {
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema) });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ email }) => {
    setFailure(null);
    const redirectTo = `${window.location.origin}/reset-password`;
    const { error } = await authClient.requestPasswordReset({ email, redirectTo });
    if (error) setFailure(m.auth_failed({ message: error.message ?? error.statusText }));
    else setSent(true);
  });

  if (sent) return <p role="status" className="text-sm">{m.auth_forgot_sent()}</p>;
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <TextField label={m.auth_email()} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <FormError message={failure} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {m.auth_forgot_submit()}
      </Button>
    </form>
  );
}
