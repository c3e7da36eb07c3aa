import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "../../lib/auth-client.ts";
import { type SignInInput, signInSchema } from "../../lib/auth-schemas.ts";
import { FormError } from "../common/form-error.tsx";
import { TextField } from "../common/text-field.tsx";

/** Email and password; `onSignedIn` runs once the session cookie is set. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { error } = await authClient.signIn.email(values);
    // A workspace that requires SSO refuses passwords with this code (see the server's auth/workos).
    if (error?.code === "SSO_REQUIRED") setFailure(m.auth_sso_required());
    else if (error) setFailure(m.auth_failed({ message: error.message ?? error.statusText }));
    else onSignedIn();
  });

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <TextField label={m.auth_email()} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField label={m.auth_password()} type="password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
      <FormError message={failure} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {m.auth_sign_in_submit()}
      </Button>
    </form>
  );
}
