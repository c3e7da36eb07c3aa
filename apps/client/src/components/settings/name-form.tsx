import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { TextField } from "../common/text-field.tsx";

/** A one-field "name + Create" form, validated by the server's own create schema. */
export function NameForm({ schema, label, pending, onSubmit }: { schema: z.ZodType<{ name: string }, { name: string }>; label: string; pending: boolean; onSubmit: (name: string) => Promise<unknown> }) {
  const form = useForm<{ name: string }>({ resolver: zodResolver(schema) });
  const submit = form.handleSubmit(async ({ name }) => {
    await onSubmit(name);
    form.reset({ name: "" });
  });
  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-2" noValidate>
      <TextField className="min-w-48 flex-1" label={label} autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" disabled={pending}>
        {m.common_create()}
      </Button>
    </form>
  );
}
