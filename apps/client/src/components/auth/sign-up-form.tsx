import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "../../lib/auth-client.ts";
import { type SignUpInput, signUpSchema } from "../../lib/auth-schemas.ts";
import { FormError } from "../common/form-error.tsx";
import { TextField } from "../common/text-field.tsx";
import { NewPasswordField } from "./new-password-field.tsx";

/** Name, email and password; Better Auth signs the new user in at once. */
export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignUpInput>({ resolver: zodResolver(signUpSchema) });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { error } = await authClient.signUp.email(values);
    if (error) setFailure(m.auth_failed({ message: error.message ?? error.statusText }));
    else onSignedUp();
  });

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      <TextField label={m.auth_name()} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField label={m.auth_email()} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <NewPasswordField error={errors.password?.message} {...form.register("password")} />
      <FormError message={failure} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {m.auth_sign_up_submit()}
      </Button>
    </form>
  );
}
