import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type CreateTemplateInput, createTemplateSchema } from "server/schemas";
import type { Template } from "../../lib/api-types.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { inputClassName, TextField } from "../common/text-field.tsx";
import { TemplatePreview } from "./template-preview.tsx";

/** Creates a template, or edits `template`; the preview follows the text as it is typed. */
export function TemplateForm({ template, onDone }: { template?: Template; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<CreateTemplateInput>({
    resolver: zodResolver(createTemplateSchema),
    defaultValues: { name: template?.name ?? "", body: template?.body ?? "", shortcut: template?.shortcut ?? undefined },
  });
  const options = {
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.template.pathFilter());
      form.reset({ name: "", body: "" });
      onDone();
    },
    onError: toastApiError,
  };
  const create = useMutation(trpc.template.create.mutationOptions(options));
  const update = useMutation(trpc.template.update.mutationOptions(options));
  const save = (values: CreateTemplateInput) =>
    template ? update.mutate({ id: template.id, ...values, shortcut: values.shortcut || null }) : create.mutate({ ...values, shortcut: values.shortcut || undefined });
  const { errors } = form.formState;
  return (
    <form onSubmit={(event) => void form.handleSubmit(save)(event)} className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={m.common_name()} error={errors.name?.message} {...form.register("name")} />
        <TextField label={m.templates_shortcut()} error={errors.shortcut?.message} {...form.register("shortcut", { setValueAs: (value: string) => value || undefined })} />
      </div>
      <label className="block space-y-1">
        <span className="block text-sm font-medium">{m.templates_body()}</span>
        <textarea rows={4} className={inputClassName} aria-invalid={errors.body ? true : undefined} {...form.register("body")} />
        <span className="block text-xs text-slate-500">{errors.body?.message ?? m.templates_body_hint()}</span>
      </label>
      <TemplatePreview body={form.watch("body")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {template ? m.common_save() : m.common_create()}
        </Button>
        {template && (
          <Button variant="ghost" onClick={onDone}>
            {m.common_cancel()}
          </Button>
        )}
      </div>
    </form>
  );
}
