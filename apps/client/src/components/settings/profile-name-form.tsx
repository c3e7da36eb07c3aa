import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { authClient } from "../../lib/auth-client.ts";
import { type UpdateNameInput, updateNameSchema } from "../../lib/auth-schemas.ts";
import { TextField } from "../common/text-field.tsx";

/** The signed-in person's display name, as teammates see it on assignments and notes. */
export function ProfileNameForm({ name }: { name: string }) {
  const form = useForm<UpdateNameInput>({ resolver: zodResolver(updateNameSchema), values: { name } });
  const submit = form.handleSubmit(async (values) => {
    const { error } = await authClient.updateUser(values);
    if (error) toast.error(m.profile_failed({ message: error.message ?? error.statusText }));
    else {
      toast.success(m.profile_name_saved());
      form.reset(values);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-2" noValidate>
      <TextField className="min-w-48 flex-1" label={m.auth_name()} autoComplete="name" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty}>
        {m.common_save()}
      </Button>
    </form>
  );
}
